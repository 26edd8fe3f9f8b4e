"""The statistics pages: every registered figure for a year and region in the reader's jurisdiction, and
for each figure the records behind its number."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone
from django.views.generic import TemplateView

from flameblue.core.figures import FigurePeriod, figure, figure_records, records_shown
from flameblue.core.views import ScopedListView
from flameblue.geo.models import Region
from flameblue.reports.periods import period_from
from flameblue.reports.selectors import values_for

__all__ = ["FigureListView", "FigureRecordsView"]


def _period_context(request) -> dict[str, Any]:
    try:
        period, errors = period_from(request.GET), {}
    except ValidationError as exc:
        period, errors = FigurePeriod.year(timezone.localdate().year), exc.message_dict
    region = Region.objects.filter(code=period.region).first() if period.region else None
    return {"period": period, "period_errors": errors, "period_region": region,
            "year": period.start.year, "query": request.GET.urlencode()}  # fmt: skip


class FigureListView(LoginRequiredMixin, TemplateView):
    template_name = "reports/figure_list.html"

    def get_context_data(self, **kwargs) -> dict[str, Any]:
        context = super().get_context_data(**kwargs) | _period_context(self.request)
        values = values_for(self.request.user, context["period"])
        groups: dict[str, list] = {}
        for value in values:
            groups.setdefault(str(value.figure.group), []).append(value)
        context["groups"] = groups
        return context


class FigureRecordsView(ScopedListView):
    """The records behind one figure, scoped like every list: a reader who may not view the figure's
    records gets 403, and sees only the records in their jurisdiction."""

    template_name = "reports/figure_records.html"

    def dispatch(self, request, *args, **kwargs):
        try:
            self.figure = figure(kwargs["code"])
        except KeyError:
            raise Http404 from None
        self.model = self.figure.model
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        self.period_context = _period_context(self.request)
        return figure_records(self.figure, self.period_context["period"], user=self.request.user)

    def get_context_data(self, **kwargs) -> dict[str, Any]:
        context = super().get_context_data(**kwargs) | self.period_context
        context["figure"] = self.figure
        context["value"] = (
            self.figure.total(self.object_list)
            if self.figure.total is not None
            else context["paginator"].count
        )
        shown = list(context["object_list"])
        records_shown(self.figure, shown, user=self.request.user)  # e.g. integrity logs every read
        context["rows"] = [_row(self.figure, obj) for obj in shown]
        return context


def _row(fig, obj) -> dict[str, Any]:
    cells = []
    for path, _label in fig.columns:
        value: Any = obj
        for name in path.split("__"):
            value = getattr(value, name, None) if value is not None else None
        display = getattr(obj, f"get_{path}_display", None)
        cells.append(display() if callable(display) else value)
    link = (
        fig.detail_url(obj)
        if fig.detail_url
        else (obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else "")
    )
    return {"object": obj, "cells": cells, "link": link}
