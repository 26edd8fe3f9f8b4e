"""API: /api/v1/campaigns/ (list, retrieve, prepare, launch, close, add a target, add an assignment,
progress) and /api/v1/campaign-targets/ (list, retrieve). The same services and filters as the pages."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from flameblue.campaigns import services, work
from flameblue.campaigns.choices import CampaignLevel
from flameblue.campaigns.filters import CampaignFilter
from flameblue.campaigns.forms import ASSIGNEE_KINDS, ORGANISER_KINDS
from flameblue.campaigns.kinds import kind_choices
from flameblue.campaigns.models import Campaign, CampaignRecord, CampaignTarget
from flameblue.campaigns.selectors import progress
from flameblue.campaigns.services import MAX_EXTRA_ITEMS
from flameblue.core.api import (
    ScopedPrimaryKeyRelatedField,
    ScopedReadOnlyViewSet,
    ScopedViewSetMixin,
    VersionInput,
    parse_input,
)
from flameblue.geo.models import Region
from flameblue.inspections.choices import ChecklistStatus
from flameblue.inspections.models import Checklist
from flameblue.org.models import Industry, Organization
from flameblue.units.models import PlaceType, RiskTag, Unit

__all__ = ["CampaignTargetViewSet", "CampaignViewSet", "register"]


class PhaseSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=60)
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()


class CampaignSerializer(serializers.ModelSerializer):
    organiser_name = serializers.CharField(source="organiser.name", read_only=True)
    phases = PhaseSerializer(many=True, read_only=True)
    scope_place_types = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    scope_risk_tags = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    scope_regions = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    scope_industries = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    scope_units = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    extra_items = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = Campaign
        fields = ["id", "name", "level", "organiser", "organiser_name", "region", "industry", "starts_on", "ends_on",
                  "description", "target_checked", "target_rectified", "scope_place_types", "scope_risk_tags",
                  "scope_regions", "scope_industries", "scope_units", "kind", "kind_version", "checklist",
                  "extra_items", "phases", "status", "launched_at", "version"]  # fmt: skip
        read_only_fields = fields


class CampaignInput(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    level = serializers.ChoiceField(choices=CampaignLevel.choices)
    organiser = ScopedPrimaryKeyRelatedField(
        queryset=Organization.objects.filter(kind__in=ORGANISER_KINDS), scope_action="view"
    )
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    description = serializers.CharField(required=False, allow_blank=True, default="")
    target_checked = serializers.IntegerField(min_value=0, default=0)
    target_rectified = serializers.IntegerField(min_value=0, default=0)
    place_types = serializers.PrimaryKeyRelatedField(
        queryset=PlaceType.objects.all(), many=True, required=False
    )
    risk_tags = serializers.PrimaryKeyRelatedField(queryset=RiskTag.objects.all(), many=True, required=False)
    regions = serializers.PrimaryKeyRelatedField(queryset=Region.objects.all(), many=True, required=False)
    industries = serializers.PrimaryKeyRelatedField(
        queryset=Industry.objects.all(), many=True, required=False
    )
    units = ScopedPrimaryKeyRelatedField(queryset=Unit.objects.all(), many=True, required=False)
    phases = PhaseSerializer(many=True, required=False)
    kind = serializers.ChoiceField(choices=[], required=False, allow_blank=True, default="")
    checklist = serializers.PrimaryKeyRelatedField(
        queryset=Checklist.objects.filter(status=ChecklistStatus.PUBLISHED), required=False, allow_null=True,
        default=None,
    )  # fmt: skip
    extra_items = serializers.ListField(
        child=serializers.CharField(max_length=200), required=False, allow_null=True, default=None,
        max_length=MAX_EXTRA_ITEMS, help_text=_("省略则采用整治类别的默认附加检查项。"),
    )  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = kind_choices()


class TargetInput(serializers.Serializer):
    unit = ScopedPrimaryKeyRelatedField(queryset=Unit.objects.all())
    reason = serializers.CharField(max_length=200)


class AssignmentInput(serializers.Serializer):
    assignee = serializers.PrimaryKeyRelatedField(
        queryset=Organization.objects.filter(kind__in=ASSIGNEE_KINDS)
    )
    task = serializers.CharField(required=False, allow_blank=True, default="")
    due_on = serializers.DateField(required=False, allow_null=True, default=None)


class CampaignRecordInput(serializers.Serializer):
    facts = serializers.DictField(
        required=False, default=dict, help_text=_("整治数据：代码 → 数值（见整治类别规则）。")
    )
    checks = serializers.DictField(
        child=serializers.ChoiceField(choices=["pass", "fail", "na", ""]), required=False, default=dict,
        help_text=_("附加检查项结果：序号（从 0 起）→ pass / fail / na。"),
    )  # fmt: skip
    version = serializers.IntegerField(required=False, allow_null=True, default=None)


class CampaignRecordSerializer(serializers.ModelSerializer):
    class Meta:
        model = CampaignRecord
        fields = ["id", "target", "facts", "checks", "rules_version", "version", "updated_at"]
        read_only_fields = fields


class CampaignInspectionStarted(serializers.Serializer):
    inspection = serializers.IntegerField()
    checklist = serializers.IntegerField()


class TargetSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True)

    class Meta:
        model = CampaignTarget
        fields = ["id", "campaign", "unit", "unit_name", "origin", "reason", "added_at"]
        read_only_fields = fields


class ProgressSerializer(serializers.Serializer):
    label = serializers.CharField()
    targets = serializers.IntegerField()
    checked = serializers.IntegerField()
    with_hazards = serializers.IntegerField()
    hazards = serializers.IntegerField()
    rectified = serializers.IntegerField()
    overdue = serializers.IntegerField()
    extra = serializers.DictField(child=serializers.IntegerField(), help_text=_("整治数据合计。"))


@extend_schema(tags=["campaigns"])
class CampaignViewSet(
    ScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """专项整治：列出、查看、部署、启动（锁定整治对象）、结束、补充整治对象、任务分工、进度。"""

    queryset = Campaign.objects.select_related("organiser").prefetch_related(
        "phases", "scope_place_types", "scope_risk_tags", "scope_regions"
    )
    serializer_class = CampaignSerializer
    filterset_class = CampaignFilter
    scoped_actions = {"create": "add", "launch": "launch", "close": "launch", "targets": "change",
                      "assignments": "change"}  # fmt: skip

    def _out(self, campaign: Campaign, status: int = 200) -> Response:
        campaign.refresh_from_db()
        return Response(CampaignSerializer(campaign, context={"request": self.request}).data, status=status)

    @extend_schema(request=CampaignInput, responses={201: CampaignSerializer})
    def create(self, request, *args: Any, **kwargs: Any) -> Response:
        data = parse_input(CampaignInput, request)
        data["phases"] = [dict(p) for p in data.get("phases", [])]
        return self._out(services.campaign_create(by=request.user, **data), 201)

    @extend_schema(request=VersionInput, responses=CampaignSerializer)
    @action(detail=True, methods=["post"])
    def launch(self, request, pk=None) -> Response:
        version = parse_input(VersionInput, request).get("version")
        return self._out(services.campaign_launch(campaign=self.get_object(), by=request.user,
                                                  expected_version=version))  # fmt: skip

    @extend_schema(request=VersionInput, responses=CampaignSerializer)
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None) -> Response:
        version = parse_input(VersionInput, request).get("version")
        return self._out(services.campaign_close(campaign=self.get_object(), by=request.user,
                                                 expected_version=version))  # fmt: skip

    @extend_schema(request=TargetInput, responses={201: TargetSerializer})
    @action(detail=True, methods=["post"])
    def targets(self, request, pk=None) -> Response:
        target = services.target_add(
            campaign=self.get_object(), by=request.user, **parse_input(TargetInput, request)
        )
        return Response(TargetSerializer(target).data, status=201)

    @extend_schema(request=AssignmentInput, responses={201: None})
    @action(detail=True, methods=["post"])
    def assignments(self, request, pk=None) -> Response:
        data = parse_input(AssignmentInput, request)
        assignment = services.assignment_add(campaign=self.get_object(), by=request.user, **data)
        return Response({"id": assignment.pk, "assignee": assignment.assignee_id}, status=201)

    @extend_schema(responses=ProgressSerializer(many=True))
    @action(detail=True, methods=["get"])
    def progress(self, request, pk=None) -> Response:
        data = progress(self.get_object(), request.user)
        return Response({
            "total": ProgressSerializer(data["total"]).data,
            "by_region": ProgressSerializer(data["by_region"], many=True).data,
            "by_assignee": ProgressSerializer(data["by_assignee"], many=True).data,
        })  # fmt: skip


@extend_schema(tags=["campaigns"])
class CampaignTargetViewSet(ScopedReadOnlyViewSet):
    """整治对象：启动时锁定的名单及其后补充的单位；开始专项整治检查、登记整治情况。"""

    queryset = CampaignTarget.objects.select_related("unit").order_by("campaign_id", "id")
    serializer_class = TargetSerializer
    filterset_fields = ["campaign"]
    # Visible targets only; whether the user may inspect or record is the service's decision (403).
    scoped_actions = {"record": "view", "inspect": "view"}

    @extend_schema(request=CampaignRecordInput, responses=CampaignRecordSerializer)
    @action(detail=True, methods=["post"])
    def record(self, request, pk=None) -> Response:
        data = parse_input(CampaignRecordInput, request)
        record = work.record_save(
            target=self.get_object(), by=request.user, facts=data["facts"], checks=data["checks"],
            expected_version=data["version"],
        )  # fmt: skip
        return Response(CampaignRecordSerializer(record).data)

    @extend_schema(request=None, responses={201: CampaignInspectionStarted})
    @action(detail=True, methods=["post"])
    def inspect(self, request, pk=None) -> Response:
        inspection = work.target_inspection_start(target=self.get_object(), by=request.user)
        return Response({"inspection": inspection.pk, "checklist": inspection.checklist_id}, status=201)


def register(router) -> None:
    router.register("campaigns", CampaignViewSet, basename="campaigns-campaign")
    router.register("campaign-targets", CampaignTargetViewSet, basename="campaigns-target")
