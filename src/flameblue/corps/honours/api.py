"""/api/v1/ endpoints of honours and commendations, and the year's counts (the annual report's sentence)."""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from flameblue.core.api import ScopedPrimaryKeyRelatedField, ScopedViewSetMixin, VersionedSerializer
from flameblue.core.filters import YEAR_RANGE
from flameblue.corps.honours import services
from flameblue.corps.honours.filters import HonourFilter
from flameblue.corps.honours.models import Honour
from flameblue.corps.honours.selectors import honour_summary
from flameblue.org.choices import FIRE_SERVICE_KINDS
from flameblue.org.models import Organization, Person

__all__ = ["register"]


class HonourSerializer(VersionedSerializer):
    person = ScopedPrimaryKeyRelatedField(queryset=Person.objects.all(), required=False, allow_null=True)
    unit = ScopedPrimaryKeyRelatedField(
        queryset=Organization.objects.filter(kind__in=FIRE_SERVICE_KINDS), required=False, allow_null=True
    )

    class Meta:
        model = Honour
        fields = ["id", "category", "grade", "title", "level", "issuer", "awarded_on", "person", "unit", "citation",
                  "document_number", "version"]  # fmt: skip


SUMMARY = inline_serializer(
    "HonourSummary",
    {"year": serializers.IntegerField(), "sentence": serializers.CharField(),
     "people_by_grade": serializers.DictField(child=serializers.IntegerField()),
     "commended_corps_or_above": serializers.IntegerField(), "collective": serializers.ListField(),
     "activity_awards": serializers.IntegerField()},
)  # fmt: skip


@extend_schema(tags=["corps"])
class HonourViewSet(
    ScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
    mixins.UpdateModelMixin, viewsets.GenericViewSet,
):  # fmt: skip
    """表彰奖励：按管辖范围列出（年度、类别、层级筛选）、查看、登记、修改；年度统计（“N名同志荣立个人三等功……”）。"""

    queryset = Honour.objects.select_related("unit", "person")
    serializer_class = HonourSerializer
    filterset_class = HonourFilter
    scoped_actions = {"summary": "view"}

    def perform_create(self, serializer) -> None:
        data = dict(serializer.validated_data)
        data.pop("version", None)
        serializer.instance = services.honour_create(by=self.request.user, data=data)

    def perform_update(self, serializer) -> None:
        data = dict(serializer.validated_data)
        version = data.pop("version", None)
        serializer.instance = services.honour_update(
            serializer.instance, by=self.request.user, data=data, expected_version=version
        )

    @extend_schema(parameters=[OpenApiParameter("year", int)], responses=SUMMARY)
    @action(detail=False, methods=["get"], pagination_class=None, filter_backends=[])
    def summary(self, request) -> Response:
        """The year's counts within the user's scope (``?year=``, this year by default)."""
        text = request.query_params.get("year") or str(timezone.localdate().year)
        if not text.isdigit() or not YEAR_RANGE[0] <= int(text) <= YEAR_RANGE[1]:
            raise serializers.ValidationError({"year": ["年度应为四位整数，例如 2019。"]})
        result = honour_summary(year=int(text), honours=Honour.objects.visible_to(request.user))
        return Response({"year": result.year, "sentence": result.sentence(), "people_by_grade": result.people_by_grade,
                         "commended_corps_or_above": result.commended_corps_or_above,
                         "collective": [list(row) for row in result.collective],
                         "activity_awards": result.activity_awards})  # fmt: skip


def register(router) -> None:
    router.register("corps/honours", HonourViewSet, basename="corps-honour")
