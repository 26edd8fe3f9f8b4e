"""API: /api/v1/committees/ (read), /api/v1/meetings/ (list, retrieve, record, add a decision),
/api/v1/action-items/ (list, retrieve, answer, close, return) and /api/v1/responsibility-letters/ (list,
retrieve, prepare one, prepare a batch, sign with the scan, Word, signing progress). The same services and
filters as the pages; a colleague's move in between answers 409 with the message."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from flameblue.core.api import (
    ScopedPrimaryKeyRelatedField,
    ScopedReadOnlyViewSet,
    ScopedViewSetMixin,
    VersionInput,
    parse_input,
)
from flameblue.core.filters import YEAR_RANGE
from flameblue.core.http import DOCX_CONTENT_TYPE, attachment_response
from flameblue.governance import letters, services
from flameblue.governance.choices import MeetingKind, RecordKind, SeatPosition
from flameblue.governance.filters import (
    ActionItemFilter,
    AnalysisDueFilter,
    LetterFilter,
    MeetingFilter,
    RecordFilter,
)
from flameblue.governance.models import (
    ActionItem,
    AnalysisDue,
    AssessmentItem,
    AssessmentScheme,
    Committee,
    CommitteeRoster,
    CommitteeSeat,
    Decision,
    GovernmentRecord,
    LetterTarget,
    Meeting,
    ResponsibilityLetter,
)
from flameblue.governance.selectors import signing_progress
from flameblue.org.models import Organization

__all__ = [
    "ActionItemViewSet",
    "AnalysisDueViewSet",
    "CommitteeViewSet",
    "LetterViewSet",
    "MeetingViewSet",
    "RecordViewSet",
    "SchemeViewSet",
    "register",
]


# ------------------------------------------------------------------------------------------- serializers


class CommitteeSerializer(serializers.ModelSerializer):
    government = serializers.CharField(source="parent.name", default="", read_only=True)

    class Meta:
        model = Committee
        fields = ["id", "name", "region", "government"]
        read_only_fields = fields


class ActionItemSerializer(serializers.ModelSerializer):
    owner_name = serializers.CharField(source="owner.name", read_only=True)
    meeting = serializers.IntegerField(source="decision.meeting_id", read_only=True, allow_null=True)
    record = serializers.IntegerField(source="decision.record_id", read_only=True, allow_null=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = ActionItem
        fields = [
            "id", "decision", "meeting", "record", "owner", "owner_name", "task", "due_on", "feedback_due_on", "status",
            "status_display", "answer", "answered_at", "overdue_since", "escalation_level", "rules_version",
            "version",
        ]  # fmt: skip
        read_only_fields = fields


class DecisionSerializer(serializers.ModelSerializer):
    action_items = serializers.SerializerMethodField()

    class Meta:
        model = Decision
        fields = ["id", "number", "text", "action_items"]
        read_only_fields = fields

    def get_action_items(self, decision: Decision) -> list[int]:
        request = self.context.get("request")
        visible = ActionItem.objects.visible_to(getattr(request, "user", None))
        return list(visible.filter(decision=decision).values_list("pk", flat=True))


class MeetingSerializer(serializers.ModelSerializer):
    committee_name = serializers.CharField(source="committee.name", read_only=True)
    decisions = DecisionSerializer(many=True, read_only=True)

    class Meta:
        model = Meeting
        fields = [
            "id", "committee", "committee_name", "region", "kind", "title", "held_on", "chair", "attendees",
            "topics", "minutes", "decisions", "version",
        ]  # fmt: skip
        read_only_fields = fields


class MeetingInput(serializers.Serializer):
    committee = ScopedPrimaryKeyRelatedField(queryset=Committee.objects.all(), label="消防安全委员会")
    kind = serializers.ChoiceField(choices=MeetingKind.choices, label="会议类型")
    title = serializers.CharField(max_length=200, label="会议名称")
    held_on = serializers.DateField(label="会议日期")
    chair = serializers.CharField(max_length=100, label="主持人")
    topics = serializers.CharField(label="议题")
    attendees = serializers.CharField(required=False, allow_blank=True, default="", label="参会人员")
    minutes = serializers.CharField(required=False, allow_blank=True, default="", label="会议纪要")
    minutes_file = serializers.FileField(required=False, default=None, label="会议纪要扫描件")


class RecordSerializer(serializers.ModelSerializer):
    government_name = serializers.CharField(source="government.name", read_only=True)
    decisions = DecisionSerializer(many=True, read_only=True)

    class Meta:
        model = GovernmentRecord
        fields = [
            "id", "government", "government_name", "region", "kind", "title", "held_on", "document_no", "leaders",
            "summary", "findings", "decisions", "version",
        ]  # fmt: skip
        read_only_fields = fields


class RecordInput(serializers.Serializer):
    government = ScopedPrimaryKeyRelatedField(queryset=Organization.objects.all(), label="人民政府")
    kind = serializers.ChoiceField(choices=RecordKind.choices, label="类型")
    title = serializers.CharField(max_length=200, label="名称")
    held_on = serializers.DateField(label="日期")
    summary = serializers.CharField(label="主要内容")
    document_no = serializers.CharField(
        max_length=80, required=False, allow_blank=True, default="", label="文号"
    )
    leaders = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default="", label="领导"
    )
    findings = serializers.CharField(required=False, allow_blank=True, default="", label="发现的问题")
    document_file = serializers.FileField(required=False, default=None, label="纪要或文件扫描件")


class DecisionInput(serializers.Serializer):
    text = serializers.CharField(label="议定事项")
    owners = serializers.PrimaryKeyRelatedField(
        queryset=Organization.objects.all(), many=True, label="责任单位",
        help_text="责任单位须在会议所属委员会的辖区内（服务另行校验）。",
    )  # fmt: skip
    task = serializers.CharField(required=False, allow_blank=True, default="", label="落实要求")
    due_on = serializers.DateField(label="完成期限")
    feedback_due_on = serializers.DateField(
        required=False, default=None, label="书面反馈期限（默认会后15日）"
    )


class AnswerInput(VersionInput):
    answer = serializers.CharField(label="落实情况")
    attachments = serializers.ListField(child=serializers.FileField(), required=False, default=list)


class CloseInput(VersionInput):
    reason = serializers.CharField(required=False, allow_blank=True, default="", label="办结意见")


class ReturnInput(VersionInput):
    reason = serializers.CharField(label="退回理由")
    feedback_due_on = serializers.DateField(label="新的书面反馈期限")


class LetterTargetSerializer(serializers.ModelSerializer):
    class Meta:
        model = LetterTarget
        fields = ["number", "section", "content", "weight", "indicator"]
        read_only_fields = fields


class LetterSerializer(serializers.ModelSerializer):
    issuer_name = serializers.CharField(source="issuer.name", read_only=True)
    signatory_name = serializers.CharField(source="signatory.name", read_only=True)
    targets = LetterTargetSerializer(many=True, read_only=True)

    class Meta:
        model = ResponsibilityLetter
        fields = [
            "id", "year", "issuer", "issuer_name", "signatory", "signatory_name", "title", "template_version",
            "status", "signed_on", "issuer_signer", "signatory_signer", "targets", "version",
        ]  # fmt: skip
        read_only_fields = fields


class LetterInput(serializers.Serializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100, label="年度")
    issuer = ScopedPrimaryKeyRelatedField(queryset=Organization.objects.all(), label="发放政府")
    signatory = serializers.PrimaryKeyRelatedField(
        queryset=Organization.objects.all(),
        label="签订单位",
        help_text="须在发放政府的辖区内（服务另行校验）。",
    )


class BatchInput(serializers.Serializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100, label="年度")
    issuer = ScopedPrimaryKeyRelatedField(queryset=Organization.objects.all(), label="发放政府")


class SignInput(VersionInput):
    signed_on = serializers.DateField(label="签订日期")
    issuer_signer = serializers.CharField(max_length=60, label="发放方签订人")
    signatory_signer = serializers.CharField(max_length=60, label="签订方签订人")
    scan = serializers.FileField(label="签字盖章后的扫描件（PDF/JPEG/PNG）")


# ------------------------------------------------------------------------------------------- viewsets


@extend_schema(tags=["governance"])
class CommitteeViewSet(ScopedReadOnlyViewSet):
    """消防安全委员会：按管辖范围列出、查看（即组织机构中的委员会）。"""

    queryset = Committee.objects.select_related("parent").order_by("region_id")
    serializer_class = CommitteeSerializer


@extend_schema(tags=["governance"])
class MeetingViewSet(
    ScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """委员会会议：列出、查看、登记会议，录入议定事项（每个责任单位生成一项督办事项）。"""

    queryset = Meeting.objects.select_related("committee").prefetch_related("decisions")
    serializer_class = MeetingSerializer
    filterset_class = MeetingFilter
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    scoped_actions = {"create": "add", "decisions": "change"}

    @extend_schema(request=MeetingInput, responses={201: MeetingSerializer})
    def create(self, request, *args: Any, **kwargs: Any) -> Response:
        meeting = services.meeting_create(by=request.user, **parse_input(MeetingInput, request))
        return Response(MeetingSerializer(meeting, context={"request": request}).data, status=201)

    @extend_schema(request=DecisionInput, responses={201: DecisionSerializer})
    @action(detail=True, methods=["post"])
    def decisions(self, request, pk=None) -> Response:
        meeting = self.get_object()
        decision = services.decision_add(
            by=request.user, meeting=meeting, **parse_input(DecisionInput, request)
        )
        return Response(DecisionSerializer(decision, context={"request": request}).data, status=201)


@extend_schema(tags=["governance"])
class RecordViewSet(
    ScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """政府研究部署：党委常委会议、政府常务会议研究消防工作，政策文件，领导检查调研；列出、查看、登记，录入交办事项。"""

    queryset = GovernmentRecord.objects.select_related("government").prefetch_related("decisions")
    serializer_class = RecordSerializer
    filterset_class = RecordFilter
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    scoped_actions = {"create": "add", "decisions": "change"}

    @extend_schema(request=RecordInput, responses={201: RecordSerializer})
    def create(self, request, *args: Any, **kwargs: Any) -> Response:
        record = services.record_create(by=request.user, **parse_input(RecordInput, request))
        return Response(RecordSerializer(record, context={"request": request}).data, status=201)

    @extend_schema(request=DecisionInput, responses={201: DecisionSerializer})
    @action(detail=True, methods=["post"])
    def decisions(self, request, pk=None) -> Response:
        record = self.get_object()
        decision = services.decision_add(
            by=request.user, record=record, **parse_input(DecisionInput, request)
        )
        return Response(DecisionSerializer(decision, context={"request": request}).data, status=201)


def _item_move(name: str, serializer: type[serializers.Serializer], call):
    @extend_schema(request=serializer, responses=ActionItemSerializer)
    def handler(self, request, pk=None):
        item = self.get_object()
        data = parse_input(serializer, request)
        item = call(item=item, by=request.user, expected_version=data.pop("version", None), **data)
        return Response(ActionItemSerializer(item, context={"request": request}).data)

    handler.__name__ = name
    return action(detail=True, methods=["post"], url_path=name.replace("_", "-"))(handler)


@extend_schema(tags=["governance"])
class ActionItemViewSet(ScopedReadOnlyViewSet):
    """督办事项：列出、查看；责任单位反馈落实情况，委员会办公室办结或退回。"""

    queryset = ActionItem.objects.select_related("owner", "decision")
    serializer_class = ActionItemSerializer
    filterset_class = ActionItemFilter
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    scoped_actions = {"answer": "answer", "close": "close", "send_back": "close"}

    answer = _item_move("answer", AnswerInput, services.action_item_answer)
    close = _item_move("close", CloseInput, services.action_item_close)
    send_back = _item_move("send_back", ReturnInput, services.action_item_return)


@extend_schema(tags=["governance"])
class LetterViewSet(
    ScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """目标管理责任书：列出、查看、准备（单份或为下级政府和本级部门批量准备）、登记签订、下载 Word、签订进度。"""

    queryset = ResponsibilityLetter.objects.select_related("issuer", "signatory").prefetch_related("targets")
    serializer_class = LetterSerializer
    filterset_class = LetterFilter
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    scoped_actions = {"create": "add", "batch": "add", "sign": "change", "progress": "view"}

    @extend_schema(request=LetterInput, responses={201: LetterSerializer})
    def create(self, request, *args: Any, **kwargs: Any) -> Response:
        letter = letters.letter_prepare(by=request.user, **parse_input(LetterInput, request))
        return Response(
            LetterSerializer(letter, context={"request": request}).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(
        request=BatchInput,
        responses={
            201: inline_serializer(
                "LetterBatch", {"created": serializers.ListField(), "existing": serializers.ListField()}
            )
        },
    )
    @action(detail=False, methods=["post"])
    def batch(self, request) -> Response:
        result = letters.letters_prepare_batch(by=request.user, **parse_input(BatchInput, request))
        return Response(
            {"created": [le.pk for le in result.created], "existing": [o.pk for o in result.existing]},
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(request=SignInput, responses=LetterSerializer)
    @action(detail=True, methods=["post"])
    def sign(self, request, pk=None) -> Response:
        letter = self.get_object()
        data = parse_input(SignInput, request)
        letter = letters.letter_sign(
            letter=letter, by=request.user, expected_version=data.pop("version", None), **data
        )
        return Response(LetterSerializer(letter, context={"request": request}).data)

    @extend_schema(responses={(200, DOCX_CONTENT_TYPE): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"])
    def docx(self, request, pk=None) -> HttpResponse:
        letter = self.get_object()
        name = f"{letter.year}年度目标管理责任书-{letter.signatory.name}.docx"
        return attachment_response(letters.letter_docx(letter, by=request.user), name, DOCX_CONTENT_TYPE)

    @extend_schema(
        responses=inline_serializer(
            "LetterProgress",
            {"issuer_id": serializers.IntegerField(), "issuer": serializers.CharField(),
             "signed": serializers.IntegerField(), "total": serializers.IntegerField(),
             "unsigned": serializers.IntegerField()},
            many=True,
        )
    )  # fmt: skip
    @action(detail=False, methods=["get"], pagination_class=None, filter_backends=[])
    def progress(self, request) -> Response:
        """“已签订 N / M” per issuing government for ``?year=`` (default this year)."""
        from django.utils import timezone

        try:
            year = int(request.query_params.get("year") or timezone.localdate().year)
        except ValueError:
            year = timezone.localdate().year
        if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
            raise serializers.ValidationError(
                {"year": [f"年度应在 {YEAR_RANGE[0]} 至 {YEAR_RANGE[1]} 之间。"]}
            )
        return Response(signing_progress(request.user, year))


class AssessmentItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = AssessmentItem
        fields = [
            "section", "section_order", "number", "code", "title", "weight", "method", "indicator", "rule", "evidence",
            "event", "per_event", "max_deduction",
        ]  # fmt: skip
        read_only_fields = fields


class SchemeSerializer(serializers.ModelSerializer):
    items = AssessmentItemSerializer(many=True, read_only=True)

    class Meta:
        model = AssessmentScheme
        fields = ["id", "code", "version", "title", "assessed_kind", "grades", "is_active", "items"]
        read_only_fields = fields


@extend_schema(tags=["governance"])
class SchemeViewSet(ScopedReadOnlyViewSet):
    """年度消防工作考核细则（版本化数据）：考核项目、分值、评分方式、佐证要求和等次。"""

    queryset = AssessmentScheme.objects.prefetch_related("items").order_by("code", "-version")
    serializer_class = SchemeSerializer


class SeatSerializer(serializers.ModelSerializer):
    organization_name = serializers.CharField(source="organization.name", read_only=True)

    class Meta:
        model = CommitteeSeat
        fields = [
            "position",
            "organization",
            "organization_name",
            "person_name",
            "title",
            "liaison_name",
            "liaison_phone",
        ]
        read_only_fields = fields


class RosterSerializer(serializers.ModelSerializer):
    seats = SeatSerializer(many=True, read_only=True)

    class Meta:
        model = CommitteeRoster
        fields = [
            "id",
            "committee",
            "year",
            "adjusted_on",
            "document_no",
            "office_host",
            "reason",
            "seats",
            "version",
        ]
        read_only_fields = fields


class SeatInput(serializers.Serializer):
    position = serializers.ChoiceField(choices=SeatPosition.choices, label="职务")
    organization = serializers.PrimaryKeyRelatedField(queryset=Organization.objects.all(), label="所在单位")
    person_name = serializers.CharField(max_length=60, label="姓名")
    title = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    liaison_name = serializers.CharField(max_length=60, required=False, allow_blank=True, default="")
    liaison_phone = serializers.CharField(max_length=30, required=False, allow_blank=True, default="")


class RosterInput(serializers.Serializer):
    committee = ScopedPrimaryKeyRelatedField(queryset=Committee.objects.all(), label="消防安全委员会")
    year = serializers.IntegerField(min_value=2000, max_value=2100, label="年度")
    adjusted_on = serializers.DateField(label="调整日期")
    document_no = serializers.CharField(max_length=60, required=False, allow_blank=True, default="")
    office_host = serializers.PrimaryKeyRelatedField(
        queryset=Organization.objects.all(), label="办公室设在单位"
    )
    reason = serializers.CharField(required=False, allow_blank=True, default="")
    seats = SeatInput(many=True)


@extend_schema(tags=["governance"])
class RosterViewSet(
    ScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """委员会组成：历次调整（主任、副主任、成员单位及联络员、办公室），登记新的调整。"""

    queryset = CommitteeRoster.objects.prefetch_related("seats__organization").order_by("-adjusted_on", "-pk")
    serializer_class = RosterSerializer
    scoped_actions = {"create": "add"}

    @extend_schema(request=RosterInput, responses={201: RosterSerializer})
    def create(self, request, *args: Any, **kwargs: Any) -> Response:
        data = parse_input(RosterInput, request)
        data["seats"] = [dict(seat) for seat in data["seats"]]
        roster = services.roster_adjust(by=request.user, **data)
        return Response(
            RosterSerializer(roster, context={"request": request}).data, status=status.HTTP_201_CREATED
        )


class AnalysisDueSerializer(serializers.ModelSerializer):
    committee_name = serializers.CharField(source="committee.name", read_only=True)
    state = serializers.SerializerMethodField()

    class Meta:
        model = AnalysisDue
        fields = ["id", "committee", "committee_name", "region", "schedule", "name", "period_start",
                  "period_end", "period_label", "due_on", "meeting", "overdue_since", "state"]  # fmt: skip
        read_only_fields = fields

    def get_state(self, obj: AnalysisDue) -> str:
        """done（已研判）、late（逾期后研判）、overdue（逾期未研判）或 due（待研判）。"""
        from django.utils import timezone

        from flameblue.governance.analysis import status_of

        return status_of(obj, timezone.localdate())


@extend_schema(tags=["governance"])
class AnalysisDueViewSet(ScopedReadOnlyViewSet):
    """形势研判到期：各级委员会按周期应组织的研判、完成情况和逾期情况（筛选同页面）。"""

    queryset = AnalysisDue.objects.select_related("committee", "meeting")
    serializer_class = AnalysisDueSerializer
    filterset_class = AnalysisDueFilter


def register(router) -> None:
    router.register("committees", CommitteeViewSet, basename="governance-committee")
    router.register("committee-rosters", RosterViewSet, basename="governance-roster")
    router.register("meetings", MeetingViewSet, basename="governance-meeting")
    router.register("situation-analyses", AnalysisDueViewSet, basename="governance-analysis")
    router.register("government-records", RecordViewSet, basename="governance-record")
    router.register("action-items", ActionItemViewSet, basename="governance-actionitem")
    router.register("responsibility-letters", LetterViewSet, basename="governance-letter")
    router.register("assessment-schemes", SchemeViewSet, basename="governance-scheme")
    from flameblue.governance.assessment.api import register as register_assessment

    register_assessment(router)
