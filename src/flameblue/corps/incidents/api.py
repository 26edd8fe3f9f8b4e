"""/api/v1/ endpoints of incidents and case reviews: the same scoping, filters and services as the pages."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from flameblue.core.api import (
    ScopedPrimaryKeyRelatedField,
    ScopedReadOnlyViewSet,
    ScopedViewSetMixin,
    VersionedSerializer,
    parse_input,
)
from flameblue.corps.incidents import services
from flameblue.corps.incidents.filters import CaseReviewFilter, IncidentFilter, ReviewActionFilter
from flameblue.corps.incidents.models import CaseReview, Incident, ReviewAction
from flameblue.corps.incidents.selectors import incident_counts
from flameblue.corps.rectification.api import ACTION_FIELDS, move
from flameblue.geo.models import Region
from flameblue.org.choices import FIRE_SERVICE_KINDS
from flameblue.org.models import Organization, Person

__all__ = ["register"]


class IncidentSerializer(VersionedSerializer):
    region = ScopedPrimaryKeyRelatedField(queryset=Region.objects.all())
    stations = ScopedPrimaryKeyRelatedField(
        queryset=Organization.objects.filter(kind__in=FIRE_SERVICE_KINDS), many=True
    )

    class Meta:
        model = Incident
        fields = ["id", "title", "kind", "called_at", "arrived_at", "region", "address", "lat", "lng", "stations",
                  "vehicles", "personnel", "rescued", "deaths", "injuries", "direct_loss", "narrative", "version"]  # fmt: skip


class ReviewActionSerializer(serializers.ModelSerializer):
    owner_name = serializers.CharField(source="owner.name", read_only=True)

    class Meta:
        model = ReviewAction
        fields = [*ACTION_FIELDS, "review"]
        read_only_fields = fields


class CaseReviewSerializer(serializers.ModelSerializer):
    class Meta:
        model = CaseReview
        fields = ["id", "incident", "title", "held_on", "participants", "went_well", "went_wrong", "lessons",
                  "version"]  # fmt: skip
        read_only_fields = fields


class ActionRowInput(serializers.Serializer):
    owner = ScopedPrimaryKeyRelatedField(queryset=Organization.objects.filter(kind__in=services.OWNER_KINDS))
    task = serializers.CharField(max_length=4000)
    due_on = serializers.DateField()


class CaseReviewInput(serializers.Serializer):
    incident = ScopedPrimaryKeyRelatedField(queryset=Incident.objects.all())
    title = serializers.CharField(max_length=120)
    held_on = serializers.DateField()
    participants = ScopedPrimaryKeyRelatedField(queryset=Person.objects.all(), many=True)
    went_well = serializers.CharField(max_length=4000)
    went_wrong = serializers.CharField(max_length=4000)
    lessons = serializers.CharField(max_length=4000)
    actions = ActionRowInput(many=True, required=False, default=list)


COUNTS = inline_serializer(
    "IncidentCounts",
    {"total": serializers.IntegerField(), "by_kind": serializers.DictField(child=serializers.IntegerField()),
     "by_county": serializers.DictField(child=serializers.IntegerField()),
     "rescued": serializers.IntegerField(), "deaths": serializers.IntegerField(),
     "injuries": serializers.IntegerField()},
)  # fmt: skip


@extend_schema(tags=["corps"])
class IncidentViewSet(
    ScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
    mixins.UpdateModelMixin, viewsets.GenericViewSet,
):  # fmt: skip
    """警情：按管辖范围列出（类型、区县、月份筛选）、查看、登记、修改（提交读取时的 version），分类统计。"""

    queryset = Incident.objects.select_related("region").prefetch_related("stations")
    serializer_class = IncidentSerializer
    filterset_class = IncidentFilter
    scoped_actions = {"counts": "view"}

    def perform_create(self, serializer) -> None:
        data = dict(serializer.validated_data)
        data.pop("version", None)
        serializer.instance = services.incident_create(by=self.request.user, data=data)

    def perform_update(self, serializer) -> None:
        data = dict(serializer.validated_data)
        version = data.pop("version", None)
        serializer.instance = services.incident_update(
            serializer.instance, by=self.request.user, data=data, expected_version=version
        )

    @extend_schema(responses=COUNTS)
    @action(detail=False, methods=["get"], pagination_class=None)
    def counts(self, request) -> Response:
        """Counts by type and by county of the filtered incidents."""
        counts = incident_counts(self.filter_queryset(self.get_queryset()))
        return Response({"total": counts.total, "by_kind": counts.by_kind, "by_county": counts.by_county,
                         "rescued": counts.rescued, "deaths": counts.deaths, "injuries": counts.injuries})  # fmt: skip


@extend_schema(tags=["corps"])
class CaseReviewViewSet(ScopedReadOnlyViewSet):
    """战例研讨：列出、查看，记录研讨及其整改措施。"""

    queryset = CaseReview.objects.prefetch_related("participants")
    serializer_class = CaseReviewSerializer
    filterset_class = CaseReviewFilter
    scoped_actions = {"create": "add"}

    @extend_schema(request=CaseReviewInput, responses={201: CaseReviewSerializer})
    def create(self, request, *args: Any, **kwargs: Any) -> Response:
        review = services.review_create(by=request.user, **parse_input(CaseReviewInput, request))
        return Response(CaseReviewSerializer(review).data, status=201)


@extend_schema(tags=["corps"])
class ReviewActionViewSet(ScopedReadOnlyViewSet):
    """战例研讨整改措施：列出、查看；责任单位报告整改完成（附佐证材料），支队验收销号或退回。"""

    queryset = ReviewAction.objects.select_related("owner")
    serializer_class = ReviewActionSerializer
    filterset_class = ReviewActionFilter
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    scoped_actions = {"report": "report_completion", "close": "close", "send_back": "close"}

    report = move("report", ReviewActionSerializer)
    close = move("close", ReviewActionSerializer)
    send_back = move("send_back", ReviewActionSerializer)


def register(router) -> None:
    router.register("corps/incidents", IncidentViewSet, basename="corps-incident")
    router.register("corps/case-reviews", CaseReviewViewSet, basename="corps-review")
    router.register("corps/case-review-actions", ReviewActionViewSet, basename="corps-review-action")
