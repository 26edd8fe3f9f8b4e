"""``/api/v1/figures/``: every figure the reader may see with its value, definition and the period used
(``?year=&month=&region=``), ``/api/v1/figures/<code>/records/`` the records behind one figure (paginated)
and ``/api/v1/figures/<code>/series/?year=&by=month|region`` its values by month or by child region."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view, inline_serializer
from rest_framework import permissions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

from flameblue.core.figures import (
    FigurePeriod,
    FigureValue,
    figure,
    figure_records,
    figure_value,
    records_shown,
)
from flameblue.core.scoping import has_action
from flameblue.reports.periods import period_from
from flameblue.reports.selectors import values_for
from flameblue.reports.series import by_month, by_region, records_url

__all__ = ["FigureViewSet", "register"]

PERIOD_PARAMETERS = [
    OpenApiParameter("year", OpenApiTypes.INT, description="年度（默认今年）"),
    OpenApiParameter("month", OpenApiTypes.INT, description="月份 1–12（默认全年）"),
    OpenApiParameter("region", OpenApiTypes.STR, description="行政区划代码（默认读者的全部辖区）"),
]

SERIES_PARAMETERS = [
    OpenApiParameter("code", OpenApiTypes.STR, OpenApiParameter.PATH),
    OpenApiParameter("year", OpenApiTypes.INT, description="年度（默认今年）"),
    OpenApiParameter("region", OpenApiTypes.STR, description="行政区划代码（默认读者辖区中最大的区划）"),
    OpenApiParameter(
        "by", OpenApiTypes.STR, enum=["month", "region"], description="month：按月；region：按下级区划"
    ),
]


class SeriesPointSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    value = serializers.DecimalField(max_digits=20, decimal_places=2, coerce_to_string=False)
    start = serializers.DateField()
    end = serializers.DateField()
    region = serializers.CharField(allow_blank=True)
    records_url = serializers.CharField()


class SeriesSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()
    unit = serializers.CharField()
    year = serializers.IntegerField()
    by = serializers.CharField()
    region = serializers.CharField(allow_blank=True)
    points = SeriesPointSerializer(many=True)


class FigureSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()
    unit = serializers.CharField()
    definition = serializers.CharField()
    group = serializers.CharField()
    value = serializers.DecimalField(max_digits=20, decimal_places=2, coerce_to_string=False)
    start = serializers.DateField()
    end = serializers.DateField()
    region = serializers.CharField(allow_blank=True)


def _data(value: FigureValue) -> dict:
    f = value.figure
    return {"code": f.code, "label": str(f.label), "unit": str(f.unit), "definition": str(f.definition),
            "group": str(f.group), "value": value.value, "start": value.period.start,
            "end": value.period.end, "region": value.period.region}  # fmt: skip


def _period(request) -> FigurePeriod:
    try:
        return period_from(request.query_params)
    except ValidationError as exc:
        raise ApiValidationError(exc.message_dict) from exc


@extend_schema_view(
    retrieve=extend_schema(parameters=[OpenApiParameter("code", OpenApiTypes.STR, OpenApiParameter.PATH)]),
    records=extend_schema(parameters=[OpenApiParameter("code", OpenApiTypes.STR, OpenApiParameter.PATH)]),
    series=extend_schema(parameters=SERIES_PARAMETERS, responses=SeriesSerializer),
)
class FigureViewSet(viewsets.ViewSet):
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = FigureSerializer
    lookup_field = "code"
    lookup_value_regex = r"[a-z0-9_.\-]+"

    @extend_schema(parameters=PERIOD_PARAMETERS, responses=FigureSerializer(many=True))
    def list(self, request):
        values = values_for(request.user, _period(request))
        return Response(FigureSerializer([_data(v) for v in values], many=True).data)

    def _figure(self, code: str):
        try:
            found = figure(code)
        except KeyError:
            raise NotFound() from None
        if not has_action(self.request.user, found.model, "view"):
            raise PermissionDenied()
        return found

    @extend_schema(parameters=PERIOD_PARAMETERS, responses=FigureSerializer)
    def retrieve(self, request, code: str = ""):
        found = self._figure(code)
        return Response(
            FigureSerializer(_data(figure_value(found, _period(request), user=request.user))).data
        )

    @action(detail=True, methods=["get"])
    @extend_schema(
        parameters=PERIOD_PARAMETERS,
        responses=inline_serializer(
            "FigureRecordPage",
            {
                "count": serializers.IntegerField(),
                "next": serializers.CharField(allow_null=True),
                "previous": serializers.CharField(allow_null=True),
                "results": inline_serializer(
                    "FigureRecord",
                    {"id": serializers.IntegerField(), "text": serializers.CharField()},
                    many=True,
                ),
            },
        ),  # fmt: skip
    )
    def records(self, request, code: str = ""):
        found = self._figure(code)
        rows = figure_records(found, _period(request), user=request.user).order_by("pk")
        paginator = PageNumberPagination()
        page = paginator.paginate_queryset(rows, request, view=self)
        records_shown(found, page, user=request.user)
        return paginator.get_paginated_response([{"id": obj.pk, "text": str(obj)} for obj in page])

    @action(detail=True, methods=["get"])
    def series(self, request, code: str = ""):
        """The figure's values by month of the year (``by=month``, the default) or by the child regions of
        ``region`` over the year (``by=region``: a city's counties, a county's townships), for the reader."""
        found = self._figure(code)
        by = (request.query_params.get("by") or "month").strip()
        if by not in ("month", "region"):
            raise ApiValidationError({"by": [_("by 须为 month（按月）或 region（按下级区划）。")]})
        period = _period(request)
        year = period.start.year
        if by == "month":
            points, region = by_month(found, year, region=period.region, user=request.user), period.region
        else:
            parent, points = by_region(found, FigurePeriod.year(year, period.region), user=request.user)
            if parent is None:
                raise NotFound(_("该区划不在您的管辖范围内。"))
            region = parent.code
        data = {
            "code": found.code, "label": str(found.label), "unit": str(found.unit), "year": year, "by": by,
            "region": region,
            "points": [
                {"key": p.key, "label": p.label, "value": p.value, "start": p.period.start, "end": p.period.end,
                 "region": p.period.region, "records_url": records_url(found, p.period)}
                for p in points
            ],
        }  # fmt: skip
        return Response(SeriesSerializer(data).data)


def register(router) -> None:
    from flameblue.reports.summary.api import register as register_summaries

    router.register("figures", FigureViewSet, basename="figure")
    register_summaries(router)
