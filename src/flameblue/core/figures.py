"""Named figures (统计指标): every number FlameBlue reports — on the statistics pages, in the API and later in
the annual work summary — is a registered figure, so each number has one definition and can be clicked back
to the records that make it.

An app registers its figures in ``AppConfig.ready()`` with :func:`register_figure`. A figure names the model
of its records and a ``records(queryset, period)`` function that narrows a queryset of that model to the
records counted for a period; the region and the reader's jurisdiction are applied here, once, for every
figure: the queryset it receives is already ``visible_to`` the reader (or all rows when there is no reader,
as for the command line) and limited to the region's subtree. Its value is the number of those records, or
``total(records)`` when a figure sums a quantity (copies distributed, hours served) or counts distinct values
(kinds of education bases).

A figure over records whose every read is logged (the integrity records) names an ``on_read(user, rows)``
hook: whoever shows a figure's records to a reader (the records page, the API) calls :func:`records_shown`
with the rows shown, and the app logs the read its own way. Counting a figure is not a read.

Core knows no domain model: the figures arrive through this registry."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import models
from django.db.models import Q
from django.utils import timezone

from flameblue.core.scoping import in_region

__all__ = [
    "Figure",
    "FigurePeriod",
    "FigureValue",
    "figure",
    "figure_records",
    "figure_value",
    "figures",
    "records_shown",
    "register_figure",
    "unregister_figure",
]

Number = int | Decimal


@dataclass(frozen=True)
class FigurePeriod:
    """The period a figure is counted over (both ends included) and the region whose subtree it covers."""

    start: dt.date
    end: dt.date
    region: str = ""

    @classmethod
    def year(cls, year: int, region: str = "") -> FigurePeriod:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), region)

    @classmethod
    def month(cls, year: int, month: int, region: str = "") -> FigurePeriod:
        last = calendar.monthrange(year, month)[1]
        return cls(dt.date(year, month, 1), dt.date(year, month, last), region)

    @property
    def single_month(self) -> int | None:
        """The month (1–12) when the period is exactly one calendar month, else None."""
        same = (self.start.year, self.start.month) == (self.end.year, self.end.month)
        last = calendar.monthrange(self.end.year, self.end.month)[1]
        return self.start.month if same and self.start.day == 1 and self.end.day == last else None

    def between(self, model: type[models.Model], name: str) -> Q:
        """Rows whose date or date-time field ``name`` falls in the period (date-times in local time)."""
        if isinstance(_resolve(model, name), models.DateTimeField):
            zone = timezone.get_current_timezone()
            low = dt.datetime.combine(self.start, dt.time.min, tzinfo=zone)
            high = dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
            return Q(**{f"{name}__gte": low, f"{name}__lt": high})
        return Q(**{f"{name}__gte": self.start, f"{name}__lte": self.end})

    def describe(self) -> dict[str, str]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(), "region": self.region}


def _resolve(model: type[models.Model], path: str) -> Any:
    target = None
    for part in path.split("__"):
        target = model._meta.get_field(part)
        if target.is_relation and target.related_model is not None:
            model = target.related_model
    return target


@dataclass(frozen=True)
class Figure:
    """One registered figure. ``label`` and ``unit`` are what a reader sees (e.g. 挂牌督办重大火灾隐患, 处);
    ``definition`` says in words which records count and by which date, so the number is auditable;
    ``columns`` are the (field path, heading) pairs the records page shows."""

    code: str
    label: Any
    unit: Any
    definition: Any
    model: type[models.Model]
    records: Callable[[models.QuerySet, FigurePeriod], models.QuerySet]
    region_field: str = "region_id"
    total: Callable[[models.QuerySet], Number] | None = None
    columns: tuple[tuple[str, Any], ...] = ()
    group: Any = ""
    order: int = 100
    detail_url: Callable[[Any], str] | None = field(default=None, compare=False)
    on_read: Callable[[Any, Sequence[models.Model]], None] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class FigureValue:
    figure: Figure
    value: Number
    period: FigurePeriod


_FIGURES: dict[str, Figure] = {}


def register_figure(figure: Figure) -> Figure:
    """Add a figure; registering the same code twice with another definition is a programming error."""
    existing = _FIGURES.get(figure.code)
    if existing is not None and existing != figure:
        raise ValueError(f"figure {figure.code!r} is already registered")
    _FIGURES[figure.code] = figure
    return figure


def unregister_figure(code: str) -> None:
    _FIGURES.pop(code, None)


def figures() -> list[Figure]:
    return sorted(_FIGURES.values(), key=lambda f: (f.order, f.code))


def figure(code: str) -> Figure:
    """The figure called ``code``; KeyError when none is."""
    return _FIGURES[code]


def figure_records(figure: Figure, period: FigurePeriod, *, user: Any = None) -> models.QuerySet:
    """The records behind ``figure`` for ``period``: the reader's jurisdiction (all rows without a reader),
    the period's region, then the figure's own selection."""
    manager = figure.model._default_manager
    base = manager.visible_to(user, "view") if user is not None else manager.all()
    if period.region:
        base = base.filter(in_region(period.region, figure.region_field))
    return figure.records(base, period)


def figure_value(figure: Figure, period: FigurePeriod, *, user: Any = None) -> FigureValue:
    rows = figure_records(figure, period, user=user)
    value = figure.total(rows) if figure.total is not None else rows.count()
    return FigureValue(figure, value if value is not None else 0, period)


def records_shown(figure: Figure, rows: Sequence[models.Model], *, user: Any) -> None:
    """Tell ``figure``'s app that ``rows`` of its records were shown to ``user`` (a page or an API response
    listing them), for figures whose reads are logged; nothing for the others."""
    if figure.on_read is not None and rows:
        figure.on_read(user, list(rows))
