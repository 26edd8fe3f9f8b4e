"""API: /api/v1/community-party-meetings/ (list, retrieve, record a meeting, add an agenda item) and
``compliance/?year=`` (the "四不忘" agenda discipline per committee and period)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from flameblue.community.agenda import services
from flameblue.community.agenda.choices import MeetingKind
from flameblue.community.agenda.models import AgendaItem, AgendaTag, PartyMeeting
from flameblue.community.agenda.selectors import agenda_compliance
from flameblue.community.agenda.services import COMMITTEE_KINDS
from flameblue.community.organization import group_for_year
from flameblue.core.api import ScopedViewSetMixin, parse_input
from flameblue.core.scoping import within_scopes
from flameblue.org.models import Organization, Person

__all__ = ["PartyMeetingViewSet"]


class AgendaItemSerializer(serializers.ModelSerializer):
    tags = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = AgendaItem
        fields = ["id", "order", "title", "presenter", "decision", "tags"]
        read_only_fields = fields


class PartyMeetingSerializer(serializers.ModelSerializer):
    committee_name = serializers.CharField(source="committee.name", read_only=True)
    items = AgendaItemSerializer(many=True, read_only=True)

    class Meta:
        model = PartyMeeting
        fields = [
            "id",
            "committee",
            "committee_name",
            "kind",
            "held_on",
            "title",
            "attendees",
            "items",
            "version",
        ]
        read_only_fields = fields


class PartyMeetingInput(serializers.Serializer):
    committee = serializers.PrimaryKeyRelatedField(
        queryset=Organization.objects.filter(kind__in=COMMITTEE_KINDS), label="党委",
        help_text="支队或大队（须在您的辖区内，服务另行校验）。",
    )  # fmt: skip
    kind = serializers.ChoiceField(choices=MeetingKind.choices, label="会议类别")
    held_on = serializers.DateField(label="会议日期")
    title = serializers.CharField(max_length=200, label="会议名称")
    attendees = serializers.PrimaryKeyRelatedField(
        queryset=Person.objects.all(), many=True, required=False, default=list
    )


class AgendaItemInput(serializers.Serializer):
    title = serializers.CharField(max_length=200, label="议题")
    presenter = serializers.PrimaryKeyRelatedField(
        queryset=Person.objects.all(), required=False, allow_null=True, default=None
    )
    decision = serializers.CharField(required=False, allow_blank=True, default="", label="会议决定")
    tags = serializers.SlugRelatedField(
        slug_field="code", queryset=AgendaTag.objects.filter(active=True, vocabulary="shuangyong"), many=True,
        required=False, default=list, label="双拥“四不忘”标签",
    )  # fmt: skip


class GroupMembershipSerializer(serializers.Serializer):
    role = serializers.CharField(source="role.code")
    role_name = serializers.CharField(source="role.name")
    organization = serializers.IntegerField(source="organization.pk")
    organization_name = serializers.CharField(source="organization.name")
    title = serializers.CharField()
    person = serializers.IntegerField(source="person.pk")
    person_name = serializers.CharField(source="person.name")
    start_date = serializers.DateField(allow_null=True)
    end_date = serializers.DateField(allow_null=True)


class AgendaGapSerializer(serializers.Serializer):
    tag = serializers.CharField(source="tag.code")
    period = serializers.CharField()
    count = serializers.IntegerField()
    minimum = serializers.IntegerField()
    due = serializers.BooleanField()


class AgendaComplianceSerializer(serializers.Serializer):
    committee = serializers.IntegerField(source="committee.pk")
    committee_name = serializers.CharField(source="committee.name")
    compliant = serializers.BooleanField()
    counts = serializers.DictField(child=serializers.DictField(child=serializers.IntegerField()))
    gaps = AgendaGapSerializer(many=True)


def _year(request) -> int:
    try:
        year = int(request.query_params.get("year", timezone.localdate().year))
    except ValueError:
        raise serializers.ValidationError({"year": ["年度应为整数。"]}) from None
    if not 2000 <= year <= 2100:
        raise serializers.ValidationError({"year": ["年度应在 2000 至 2100 之间。"]})
    return year


@extend_schema(tags=["community"])
class PartyMeetingViewSet(
    ScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """党委会议及议题（可标注双拥“四不忘”），以及各党委“四不忘”落实情况。"""

    queryset = (
        PartyMeeting.objects.select_related("committee")
        .prefetch_related("items__tags", "attendees")
        .order_by("-held_on", "-pk")
    )
    serializer_class = PartyMeetingSerializer
    scoped_actions = {"create": "add", "items": "change"}

    @extend_schema(request=PartyMeetingInput, responses={201: PartyMeetingSerializer})
    def create(self, request, *args: Any, **kwargs: Any) -> Response:
        meeting = services.meeting_create(by=request.user, **parse_input(PartyMeetingInput, request))
        return Response(PartyMeetingSerializer(meeting).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=AgendaItemInput, responses={201: PartyMeetingSerializer})
    @action(detail=True, methods=["post"])
    def items(self, request, pk: str | None = None) -> Response:
        meeting = self.get_object()
        services.agenda_item_add(by=request.user, meeting=meeting, **parse_input(AgendaItemInput, request))
        meeting = self.get_queryset().get(pk=meeting.pk)
        return Response(PartyMeetingSerializer(meeting).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        parameters=[OpenApiParameter("year", int, description="年度（默认今年）")],
        responses={200: GroupMembershipSerializer(many=True)},
    )
    @action(detail=False, methods=["get"], pagination_class=None, url_path="leading-group")
    def leading_group(self, request) -> Response:
        """双拥工作领导小组及办公室、大队和站的对应机构：适用于该年度的任职。"""
        orgs = within_scopes(Organization.objects.all(), request.user, PartyMeeting, "view")
        return Response(GroupMembershipSerializer(group_for_year(orgs, _year(request)), many=True).data)

    @extend_schema(
        parameters=[OpenApiParameter("year", int, description="年度（默认今年）")],
        responses={200: AgendaComplianceSerializer(many=True)},
    )
    @action(detail=False, methods=["get"], pagination_class=None)
    def compliance(self, request) -> Response:
        today, year = timezone.localdate(), _year(request)
        committees = within_scopes(
            Organization.objects.filter(kind__in=COMMITTEE_KINDS, is_active=True), request.user, PartyMeeting
        )
        _tags, rows = agenda_compliance(committees, year, today)
        return Response(AgendaComplianceSerializer(rows, many=True).data)
