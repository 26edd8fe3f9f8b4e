"""/api/v1/ endpoints of the corps app: the roster (masked), the assessment items, the monthly assessments
with their computed ranking, results entry and publishing — the same scoping and services as the pages."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from flameblue.core.api import ScopedPrimaryKeyRelatedField, ScopedReadOnlyViewSet, parse_input
from flameblue.corps import services
from flameblue.corps.models import AssessmentItem, AssessmentPlan, AssessmentResult, RosterEntry
from flameblue.corps.selectors import ranking
from flameblue.corps.staffing.api import RosterActionsMixin
from flameblue.org.models import Organization

__all__ = ["register"]


class RosterEntrySerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="person.name", read_only=True)
    phone = serializers.CharField(source="person.phone_masked", read_only=True)
    station_name = serializers.CharField(source="station.name", read_only=True)

    class Meta:
        model = RosterEntry
        fields = ["id", "person", "name", "phone", "station", "station_name", "post", "rank", "crew",
                  "joined_on", "posted_on", "status", "version"]  # fmt: skip


class ItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = AssessmentItem
        fields = ["id", "code", "version", "title", "category", "unit", "direction", "table", "crew_rule",
                  "penalty_seconds", "is_active"]  # fmt: skip


class ResultSerializer(serializers.ModelSerializer):
    class Meta:
        model = AssessmentResult
        fields = ["id", "plan", "station", "item", "member", "crew", "raw", "faults", "value", "score",
                  "rules_version", "recorded_at", "superseded_by", "correction_reason"]  # fmt: skip


class StationAssessmentPlanSerializer(serializers.ModelSerializer):
    ranking = serializers.SerializerMethodField()

    class Meta:
        model = AssessmentPlan
        fields = ["id", "title", "month", "held_on", "team", "stations", "items", "status", "published_at",
                  "objection_until", "version", "ranking"]  # fmt: skip

    def get_ranking(self, plan: AssessmentPlan) -> list[dict[str, Any]]:
        _items, standings = ranking(plan)
        return [
            {"rank": s.rank, "station": s.station_id, "name": s.name, "total": str(s.total),
             "items": {str(k): (str(v) if v is not None else None) for k, v in s.item_scores.items()}}
            for s in standings
        ]  # fmt: skip


class ResultInput(serializers.Serializer):
    station = serializers.PrimaryKeyRelatedField(queryset=Organization.objects.all())
    item = serializers.PrimaryKeyRelatedField(queryset=AssessmentItem.objects.filter(is_active=True))
    member = ScopedPrimaryKeyRelatedField(queryset=RosterEntry.objects.all(), required=False, allow_null=True)
    crew = serializers.CharField(required=False, allow_blank=True, default="")
    raw = serializers.ListField(child=serializers.CharField(), min_length=1, help_text="12'30\" 或 750（秒）")
    faults = serializers.IntegerField(required=False, min_value=0, default=0)


class PublishInput(serializers.Serializer):
    version = serializers.IntegerField(required=False, min_value=1)
    reason = serializers.CharField(required=False, allow_blank=True, default="")


@extend_schema(tags=["corps"])
class RosterViewSet(RosterActionsMixin, ScopedReadOnlyViewSet):
    """指战员名册：按指挥链列出、查看（个人信息脱敏）；修改、变更状态、调动，指挥链内查看完整信息。"""

    queryset = RosterEntry.objects.select_related("person", "station")
    serializer_class = RosterEntrySerializer


@extend_schema(tags=["corps"])
class ItemViewSet(ScopedReadOnlyViewSet):
    """月度考核项目及评分标准（版本化数据）。"""

    queryset = AssessmentItem.objects.all()
    serializer_class = ItemSerializer


class CorrectionInput(serializers.Serializer):
    raw = serializers.ListField(child=serializers.CharField(), min_length=1)
    faults = serializers.IntegerField(required=False, min_value=0, allow_null=True, default=None)
    reason = serializers.CharField(max_length=200)


@extend_schema(tags=["corps"])
class ResultViewSet(ScopedReadOnlyViewSet):
    """考核成绩：按管辖范围列出（受考核站所在区划）；公示异议期内更正（原成绩保留为已更正）。"""

    queryset = AssessmentResult.objects.select_related("item")
    serializer_class = ResultSerializer
    scoped_actions = {"correct": "correct"}

    @extend_schema(request=CorrectionInput, responses={201: ResultSerializer})
    @action(detail=True, methods=["post"])
    def correct(self, request, pk=None) -> Response:
        result = self.get_object()
        corrected = services.result_correct(
            by=request.user, result=result, **parse_input(CorrectionInput, request)
        )
        return Response(ResultSerializer(corrected).data, status=201)


@extend_schema(tags=["corps"])
class PlanViewSet(ScopedReadOnlyViewSet):
    """月度考核：列出、查看（含自动计算的单位排名）；考核组录入成绩，公示。"""

    queryset = AssessmentPlan.objects.prefetch_related("stations", "items")
    serializer_class = StationAssessmentPlanSerializer
    scoped_actions = {"results": "change", "publish": "publish"}

    @extend_schema(request=ResultInput, responses={201: ResultSerializer})
    @action(detail=True, methods=["post"])
    def results(self, request, pk=None) -> Response:
        plan = self.get_object()
        result = services.result_record(by=request.user, plan=plan, **parse_input(ResultInput, request))
        return Response(ResultSerializer(result).data, status=201)

    @extend_schema(request=PublishInput, responses=StationAssessmentPlanSerializer)
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None) -> Response:
        plan = self.get_object()
        data = parse_input(PublishInput, request)
        plan = services.plan_publish(
            plan=plan, by=request.user, expected_version=data.get("version"), reason=data["reason"]
        )
        return Response(StationAssessmentPlanSerializer(plan, context={"request": request}).data)


def register(router) -> None:
    router.register("corps/roster", RosterViewSet, basename="corps-roster")
    router.register("corps/assessment-items", ItemViewSet, basename="corps-item")
    router.register("corps/assessments", PlanViewSet, basename="corps-plan")
    router.register("corps/assessment-results", ResultViewSet, basename="corps-result")
    from flameblue.corps.objections.api import register as register_objections
    from flameblue.corps.staffing.api import register as register_staffing

    register_staffing(router)
    register_objections(router)
    register_subdomains(router)


def register_subdomains(router) -> None:
    """Incidents and case reviews, readiness checks, honours: each sub-package registers its own."""
    from flameblue.corps.honours import api as honours_api
    from flameblue.corps.incidents import api as incidents_api
    from flameblue.corps.readiness import api as readiness_api

    for module in (readiness_api, incidents_api, honours_api):
        module.register(router)
