"""A figure's values as a series: by month of a year, and by child region of a scope (a city's counties, a
county's townships), for one reader — the rows of the monthly statistics and the dashboard's charts.

Every value is :func:`~flameblue.core.figures.figure_value` for the reader, so the reader's jurisdiction is
applied exactly as on the figure pages, and each point carries the period whose records page it links to.
Series for a reader are per-scope summaries (:mod:`flameblue.core.summaries`): shared by readers with the
same scope, ended by a write of the figure's records in that scope, and kept at most :data:`SERIES_TTL`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext as _

from flameblue.core.figures import Figure, FigurePeriod, Number, figure_value, figures
from flameblue.core.scoping import user_scopes
from flameblue.core.summaries import register_summary_model, scoped_summary
from flameblue.geo.models import Region

__all__ = [
    "SERIES_TTL",
    "SeriesPoint",
    "by_month",
    "by_region",
    "cached_value",
    "records_url",
    "register_figure_models",
    "scope_region",
]

#: Seconds a reader's series is kept at most (writes of the figure's records end it sooner).
SERIES_TTL = 120


@dataclass(frozen=True)
class SeriesPoint:
    """One value of a series: ``key`` is the month ("1"–"12") or the region code, ``label`` what a reader
    sees (三月, 谯城区), ``period`` the period and region the value counts (its records page)."""

    key: str
    label: str
    value: Number
    period: FigurePeriod


def register_figure_models() -> None:
    """Writes of any figure's records end the series that counted them (called from ``ReportsConfig.ready()``,
    after every app has registered its figures)."""
    register_summary_model(*{f.model for f in figures()})


def records_url(fig: Figure, period: FigurePeriod) -> str:
    """The records page behind a value: the figure's records for the period's year, month and region."""
    query = [f"year={period.start.year}"]
    if period.single_month:
        query.append(f"month={period.single_month}")
    if period.region:
        query.append(f"region={period.region}")
    return reverse("reports:figure-records", args=[fig.code]) + "?" + "&".join(query)


def scope_region(user: Any, model: type[models.Model], code: str = "") -> Region | None:
    """The region ``code`` when it lies in the reader's jurisdiction for ``model`` (None when not); without
    ``code``, the widest region of that jurisdiction (the city for the detachment, the county for a
    brigade; the top region for a province-wide reader)."""
    prefixes = [s.region_prefix for s in user_scopes(user, model, "view")]
    if not prefixes:
        return None
    if code:
        if not any(p is None or code.startswith(p) for p in prefixes):
            return None
        return Region.objects.filter(code=code).first()
    if None in prefixes:
        return Region.objects.filter(parent__isnull=True).order_by("code").first()
    return Region.objects.filter(code=min(prefixes, key=lambda p: (len(p), p))).first()


def _cached(name: str, fig: Figure, user: Any, key: Any, compute):
    if user is None:  # the command line: every record, nothing to share
        return compute()
    return scoped_summary(name, user, [fig.model], compute, key=(fig.code, key), ttl=SERIES_TTL)


def month_label(month: int) -> str:
    return _("%(month)d月") % {"month": month}


def cached_value(fig: Figure, period: FigurePeriod, *, user: Any = None) -> Number:
    """The figure's value over ``period`` for the reader, kept like the series."""
    key = (period.start.isoformat(), period.end.isoformat(), period.region)
    return _cached("figure_value", fig, user, key, lambda: figure_value(fig, period, user=user).value)


def by_month(fig: Figure, year: int, *, region: str = "", user: Any = None) -> list[SeriesPoint]:
    """The figure's value in each month of ``year`` (twelve points) in ``region`` (everything the reader
    sees when empty). For a count, the months add up to the year's value."""

    def compute() -> list[SeriesPoint]:
        points = []
        for month in range(1, 13):
            period = FigurePeriod.month(year, month, region)
            value = figure_value(fig, period, user=user).value
            points.append(SeriesPoint(str(month), month_label(month), value, period))
        return points

    return _cached("figure_by_month", fig, user, (year, region), compute)


def by_region(
    fig: Figure, period: FigurePeriod, *, user: Any = None
) -> tuple[Region | None, list[SeriesPoint]]:
    """The figure's value over ``period`` in each child region of ``period.region`` (of the reader's widest
    region when the period names none): a city's counties, a county's townships. Answers the parent region
    and its points; no points when the region is outside the reader's jurisdiction."""
    if user is not None:
        parent = scope_region(user, fig.model, period.region)
    else:
        parent = (
            Region.objects.filter(code=period.region).first()
            if period.region
            else Region.objects.filter(parent__isnull=True).order_by("code").first()
        )
    if parent is None:
        return None, []

    def compute() -> list[SeriesPoint]:
        points = []
        for child in Region.objects.filter(parent=parent).order_by("code"):
            child_period = FigurePeriod(period.start, period.end, child.code)
            value = figure_value(fig, child_period, user=user).value
            points.append(SeriesPoint(child.code, child.name, value, child_period))
        return points

    key = (period.start.isoformat(), period.end.isoformat(), parent.code)
    return parent, _cached("figure_by_region", fig, user, key, compute)
