"""The statistics pages: every registered figure for a year (or a month) and region in the reader's
jurisdiction, for each figure the records behind its number, and the monthly statistics (月度统计) as a
table and an Excel workbook."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseBadRequest, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from flameblue.core.figures import FigurePeriod, figure, figure_records, records_shown
from flameblue.core.http import XLSX_CONTENT_TYPE, attachment_response
from flameblue.core.scoping import has_action
from flameblue.core.service_errors import deny
from flameblue.core.views import ScopedListView
from flameblue.geo.models import Region
from flameblue.reports.dashboard import chart_payload
from flameblue.reports.monthly import monthly_table, monthly_xlsx
from flameblue.reports.periods import period_from
from flameblue.reports.selectors import values_for
from flameblue.reports.series import month_label, scope_region

__all__ = [
    "FigureChartView",
    "FigureListView",
    "FigureRecordsView",
    "MonthlyExportView",
    "MonthlyStatisticsView",
]


def _period_context(request) -> dict[str, Any]:
    try:
        period, errors = period_from(request.GET), {}
    except ValidationError as exc:
        period, errors = FigurePeriod.year(timezone.localdate().year), exc.message_dict
    region = Region.objects.filter(code=period.region).first() if period.region else None
    month = period.single_month
    return {"period": period, "period_errors": errors, "period_region": region, "year": period.start.year,
            "month": month, "month_label": month_label(month) if month else "",
            "months": [(m, month_label(m)) for m in range(1, 13)], "query": request.GET.urlencode()}  # fmt: skip


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


class MonthlyStatisticsView(LoginRequiredMixin, TemplateView):
    """``?year=&region=``: the monthly statistics, figures × months and the year's total; each number links
    to the records behind it for that month and region."""

    template_name = "reports/monthly.html"

    def get_context_data(self, **kwargs) -> dict[str, Any]:
        context = super().get_context_data(**kwargs) | _period_context(self.request)
        period = context["period"]
        context["table"] = monthly_table(self.request.user, period.start.year, period.region)
        context["export_query"] = self.request.GET.urlencode()
        return context


class MonthlyExportView(LoginRequiredMixin, View):
    """The monthly statistics as an Excel workbook (the same table, the same reader scoping); a wrong
    ``year`` or ``region`` answers 400 with the message the page shows."""

    def get(self, request, *args, **kwargs):
        try:
            period = period_from(request.GET)
        except ValidationError as exc:
            messages = [m for ms in exc.message_dict.values() for m in ms]
            return HttpResponseBadRequest("\n".join(messages), content_type="text/plain; charset=utf-8")
        region = Region.objects.filter(code=period.region).first() if period.region else None
        table = monthly_table(request.user, period.start.year, period.region)
        body = monthly_xlsx(table, region_name=region.name if region else "")
        name = _("月度统计")
        filename = f"{name}-{period.start.year}{'-' + period.region if period.region else ''}.xlsx"
        return attachment_response(body, filename, XLSX_CONTENT_TYPE)


class FigureChartView(LoginRequiredMixin, View):
    """``?year=&region=``: one figure by month and by the region's children as JSON, for the dashboard's
    charts (each point with its records URL). 403 without the view action on the figure's records; 404 for a
    region outside the reader's jurisdiction; 400 for a wrong year or region."""

    def get(self, request, code: str, *args, **kwargs) -> JsonResponse:
        try:
            fig = figure(code)
        except KeyError:
            raise Http404 from None
        if not has_action(request.user, fig.model, "view"):
            raise deny(request)
        try:
            period = period_from(request.GET)
        except ValidationError as exc:
            return JsonResponse({"errors": exc.message_dict}, status=400)
        region = scope_region(request.user, fig.model, period.region)
        if region is None:
            raise Http404(_("该区划不在您的管辖范围内。"))
        return JsonResponse(chart_payload(request.user, fig, period.start.year, region))
