"""API: /api/v1/community-partners/ (list, retrieve, register), /api/v1/community-plans/ (list, retrieve,
create, add a quarterly arrangement or a month's content, the discipline of a year) and
/api/v1/community-activities/ (list, retrieve, record). The same services and filters as the pages."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from flameblue.community import services, volunteers
from flameblue.community.agenda.api import PartyMeetingViewSet
from flameblue.community.choices import PartnerKind
from flameblue.community.education.api import ProgrammeViewSet
from flameblue.community.filters import ActivityFilter, PartnerFilter
from flameblue.community.models import (
    Activity,
    ActivityType,
    AnnualPlan,
    MonthlyContent,
    Partner,
    QuarterArrangement,
    VolunteerMember,
    VolunteerTeam,
)
from flameblue.community.services import PAIRING_KINDS
from flameblue.community.visits.api import OpinionViewSet, VisitViewSet
from flameblue.core.api import ScopedPrimaryKeyRelatedField, ScopedViewSetMixin, parse_input
from flameblue.org.models import Organization

__all__ = ["ActivityViewSet", "PartnerViewSet", "PlanViewSet", "TeamViewSet", "register"]


class PartnerSerializer(serializers.ModelSerializer):
    station_name = serializers.CharField(source="station.name", read_only=True)
    contact_phone = serializers.CharField(source="contact_phone_masked", read_only=True)

    class Meta:
        model = Partner
        fields = [
            "id", "name", "kind", "organization", "station", "station_name", "region", "agreement_signed_on",
            "agreement_starts_on", "agreement_ends_on", "contact_name", "contact_phone", "active", "version",
        ]  # fmt: skip
        read_only_fields = fields


class PartnerInput(serializers.Serializer):
    name = serializers.CharField(max_length=200, label="共建单位名称")
    kind = serializers.ChoiceField(choices=PartnerKind.choices, label="单位类别")
    station = serializers.PrimaryKeyRelatedField(
        queryset=Organization.objects.filter(kind__in=PAIRING_KINDS), label="结对站/大队",
        help_text="须为您辖区内的消防救援站或大队（服务另行校验）。",
    )  # fmt: skip
    organization = serializers.PrimaryKeyRelatedField(
        queryset=Organization.objects.all(), required=False, allow_null=True, default=None, label="登记的组织"
    )
    agreement_signed_on = serializers.DateField(required=False, allow_null=True, default=None)
    agreement_starts_on = serializers.DateField(required=False, allow_null=True, default=None)
    agreement_ends_on = serializers.DateField(required=False, allow_null=True, default=None)
    contact_name = serializers.CharField(required=False, allow_blank=True, default="")
    contact_phone = serializers.CharField(required=False, allow_blank=True, default="")


class QuarterSerializer(serializers.ModelSerializer):
    class Meta:
        model = QuarterArrangement
        fields = ["id", "quarter", "content"]


class MonthlyContentSerializer(serializers.ModelSerializer):
    class Meta:
        model = MonthlyContent
        fields = ["id", "month", "activity_type", "content"]


class AnnualPlanSerializer(serializers.ModelSerializer):
    quarters = QuarterSerializer(many=True, read_only=True)
    months = MonthlyContentSerializer(many=True, read_only=True)

    class Meta:
        model = AnnualPlan
        fields = ["id", "partner", "year", "goals", "quarters", "months", "version"]
        read_only_fields = fields


class PlanInput(serializers.Serializer):
    partner = ScopedPrimaryKeyRelatedField(queryset=Partner.objects.all(), label="共建单位")
    year = serializers.IntegerField(min_value=2000, max_value=2100, label="年度")
    goals = serializers.CharField(label="年度目标与主要活动")


class QuarterInput(serializers.Serializer):
    quarter = serializers.IntegerField(min_value=1, max_value=4, label="季度")
    content = serializers.CharField(label="活动安排")


class MonthInput(serializers.Serializer):
    month = serializers.IntegerField(min_value=1, max_value=12, label="月份")
    activity_type = serializers.PrimaryKeyRelatedField(queryset=ActivityType.objects.filter(active=True))
    content = serializers.CharField(label="活动内容")


class ActivitySerializer(serializers.ModelSerializer):
    partner_name = serializers.CharField(source="partner.name", read_only=True)
    activity_type_name = serializers.CharField(source="activity_type.name", read_only=True)

    class Meta:
        model = Activity
        fields = [
            "id", "partner", "partner_name", "plan_item", "activity_type", "activity_type_name", "types_version",
            "title", "held_on", "place", "our_participants", "partner_participants", "beneficiaries", "account",
            "version",
        ]  # fmt: skip
        read_only_fields = fields


class ActivityInput(serializers.Serializer):
    partner = ScopedPrimaryKeyRelatedField(queryset=Partner.objects.all(), label="共建单位")
    plan_item = ScopedPrimaryKeyRelatedField(
        queryset=MonthlyContent.objects.all(),
        required=False,
        allow_null=True,
        default=None,
        label="对应计划内容",
    )
    activity_type = serializers.PrimaryKeyRelatedField(queryset=ActivityType.objects.filter(active=True))
    title = serializers.CharField(max_length=200)
    held_on = serializers.DateField()
    place = serializers.CharField(max_length=200)
    our_participants = serializers.IntegerField(min_value=0, default=0)
    partner_participants = serializers.IntegerField(min_value=0, default=0)
    beneficiaries = serializers.IntegerField(min_value=0, default=0)
    account = serializers.CharField(required=False, allow_blank=True, default="")


class _ReadCreate(
    ScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    scoped_actions = {"create": "add"}


@extend_schema(tags=["community"])
class PartnerViewSet(_ReadCreate):
    """共建单位：列出、查看、登记（与消防救援站或大队结对）。"""

    queryset = Partner.objects.select_related("station").order_by("region_id", "name")
    serializer_class = PartnerSerializer
    filterset_class = PartnerFilter

    @extend_schema(request=PartnerInput, responses={201: PartnerSerializer})
    def create(self, request, *args: Any, **kwargs: Any) -> Response:
        partner = services.partner_create(by=request.user, **parse_input(PartnerInput, request))
        return Response(PartnerSerializer(partner).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=["community"])
class PlanViewSet(_ReadCreate):
    """年度共建计划：年有计划、季有安排、月有内容。"""

    queryset = AnnualPlan.objects.prefetch_related("quarters", "months").order_by("-year", "pk")
    serializer_class = AnnualPlanSerializer
    scoped_actions = {"create": "add", "quarters": "change", "months": "change"}

    @extend_schema(request=PlanInput, responses={201: AnnualPlanSerializer})
    def create(self, request, *args: Any, **kwargs: Any) -> Response:
        plan = services.plan_create(by=request.user, **parse_input(PlanInput, request))
        return Response(AnnualPlanSerializer(plan).data, status=status.HTTP_201_CREATED)

    def _part(self, request, service, serializer) -> Response:
        plan = self.get_object()
        service(by=request.user, plan=plan, **parse_input(serializer, request))
        plan = AnnualPlan.objects.prefetch_related("quarters", "months").get(pk=plan.pk)
        return Response(AnnualPlanSerializer(plan).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=QuarterInput, responses={201: AnnualPlanSerializer})
    @action(detail=True, methods=["post"])
    def quarters(self, request, pk: str | None = None) -> Response:
        return self._part(request, services.quarter_arrange, QuarterInput)

    @extend_schema(request=MonthInput, responses={201: AnnualPlanSerializer})
    @action(detail=True, methods=["post"])
    def months(self, request, pk: str | None = None) -> Response:
        return self._part(request, services.monthly_content_add, MonthInput)


@extend_schema(tags=["community"])
class ActivityViewSet(_ReadCreate):
    """共建活动：列出、查看、登记（对应计划内容的活动须在计划年度内）。"""

    queryset = Activity.objects.select_related("partner", "activity_type").order_by("-held_on", "-pk")
    serializer_class = ActivitySerializer
    filterset_class = ActivityFilter

    @extend_schema(request=ActivityInput, responses={201: ActivitySerializer})
    def create(self, request, *args: Any, **kwargs: Any) -> Response:
        activity = services.activity_record(by=request.user, **parse_input(ActivityInput, request))
        return Response(ActivitySerializer(activity).data, status=status.HTTP_201_CREATED)


class MemberSerializer(serializers.ModelSerializer):
    phone = serializers.CharField(source="phone_masked", read_only=True)

    class Meta:
        model = VolunteerMember
        fields = ["id", "person", "name", "civilian", "phone", "joined_on"]
        read_only_fields = fields


class TeamSerializer(serializers.ModelSerializer):
    station_name = serializers.CharField(source="station.name", read_only=True)
    members = MemberSerializer(many=True, read_only=True)

    class Meta:
        model = VolunteerTeam
        fields = ["id", "name", "station", "station_name", "leader_name", "founded_on", "description", "members",
                  "version"]  # fmt: skip
        read_only_fields = fields


class TeamInput(serializers.Serializer):
    name = serializers.CharField(max_length=200, label="服务队名称")
    station = serializers.PrimaryKeyRelatedField(
        queryset=Organization.objects.filter(kind__in=PAIRING_KINDS), label="所属站/大队",
        help_text="须为您辖区内的消防救援站或大队（服务另行校验）。",
    )  # fmt: skip
    leader_name = serializers.CharField(max_length=60, label="队长")
    founded_on = serializers.DateField(label="成立日期")
    description = serializers.CharField(required=False, allow_blank=True, default="")


class HoursInput(serializers.Serializer):
    member = serializers.IntegerField(label="队员")
    hours = serializers.DecimalField(max_digits=5, decimal_places=1, label="服务时长（小时）")


class ServiceInput(serializers.Serializer):
    served_on = serializers.DateField(label="服务日期")
    title = serializers.CharField(max_length=200, label="服务内容")
    people_served = serializers.IntegerField(min_value=0, default=0, label="服务人数")
    hours = HoursInput(many=True)


@extend_schema(tags=["community"])
class TeamViewSet(_ReadCreate):
    """学雷锋志愿服务队：列出、查看（含队员，社会志愿者电话脱敏）、登记，登记服务及每名队员的服务时长。"""

    queryset = (
        VolunteerTeam.objects.select_related("station")
        .prefetch_related("members")
        .order_by("region_id", "name")
    )
    serializer_class = TeamSerializer
    scoped_actions = {"create": "add", "services": "change"}

    @extend_schema(request=TeamInput, responses={201: TeamSerializer})
    def create(self, request, *args: Any, **kwargs: Any) -> Response:
        team = volunteers.team_create(by=request.user, **parse_input(TeamInput, request))
        return Response(TeamSerializer(team).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=ServiceInput, responses={201: TeamSerializer})
    @action(detail=True, methods=["post"])
    def services(self, request, pk: str | None = None) -> Response:
        team = self.get_object()
        data = parse_input(ServiceInput, request)
        members = {m.pk: m for m in team.members.all()}
        try:
            data["hours"] = [(members[row["member"]], row["hours"]) for row in data["hours"]]
        except KeyError as exc:
            raise serializers.ValidationError({"hours": ["所选队员不是本队队员。"]}) from exc
        volunteers.service_record(by=request.user, team=team, **data)
        return Response(TeamSerializer(team).data, status=status.HTTP_201_CREATED)


def register(router) -> None:
    router.register("community-partners", PartnerViewSet, basename="community-partner")
    router.register("community-plans", PlanViewSet, basename="community-plan")
    router.register("community-activities", ActivityViewSet, basename="community-activity")
    router.register("volunteer-teams", TeamViewSet, basename="community-team")
    router.register("community-party-meetings", PartyMeetingViewSet, basename="community-meeting")
    router.register("community-visits", VisitViewSet, basename="community-visit")
    router.register("community-opinions", OpinionViewSet, basename="community-opinion")
    router.register("community-education", ProgrammeViewSet, basename="community-programme")
