"""API: /api/v1/supervision-cases/ (list with the case list's filter, retrieve, file, and one POST action per
step: request, decide, report, delist, public) and /api/v1/determinations/ (create, retrieve, and the
discussion, panel and conclude steps). The same services as the pages; registered by ``hazards/api.py``."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from flameblue.core.api import ScopedViewSetMixin
from flameblue.hazards.models import Hazard, MajorHazardDetermination, SupervisionCase, SupervisionReport
from flameblue.hazards.supervision import determination_services as dets
from flameblue.hazards.supervision import services as sup
from flameblue.hazards.supervision.selectors import SupervisionCaseFilter

__all__ = ["DeterminationViewSet", "SupervisionCaseViewSet", "register"]


# ------------------------------------------------------------------------------------------- serializers


class SupervisionReportSerializer(serializers.ModelSerializer):
    class Meta:
        model = SupervisionReport
        fields = ["id", "submitted_at", "content"]


class SupervisionCaseSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="hazard.unit.name", read_only=True)
    government_name = serializers.CharField(source="government.name", read_only=True, default="")
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    reports = SupervisionReportSerializer(many=True, read_only=True)

    class Meta:
        model = SupervisionCase
        fields = [
            "id", "case_number", "hazard", "unit_name", "region", "status", "status_display", "filed_at",
            "requested_at", "government", "government_name", "decision_due", "decided_at", "decided_late",
            "decision_reason", "listing_document_number", "deadline", "report_interval_days", "next_report_due",
            "delisted_at", "is_public", "version", "reports",
        ]  # fmt: skip
        read_only_fields = fields


class VersionedInput(serializers.Serializer):
    """A step on an existing record carries the version the client read; a colleague's change in between
    answers 409 (code ``stale``)."""

    version = serializers.IntegerField(
        required=False, allow_null=True, default=None, min_value=1,
        help_text="客户端读取时的版本号；已被他人修改时返回 409",
    )  # fmt: skip


class CaseFileInput(serializers.Serializer):
    hazard = serializers.IntegerField(help_text="隐患编号")


class CaseRequestInput(VersionedInput):
    government = serializers.IntegerField(help_text="提请挂牌的市或县（区）人民政府编号")


class CaseDecideInput(VersionedInput):
    listed = serializers.BooleanField()
    document_number = serializers.CharField(required=False, allow_blank=True, default="")
    deadline = serializers.DateField(required=False, allow_null=True, default=None)
    report_interval_days = serializers.IntegerField(
        required=False, allow_null=True, default=None, min_value=1
    )
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class CaseReportInput(VersionedInput):
    content = serializers.CharField()


class CasePublicInput(VersionedInput):
    is_public = serializers.BooleanField()


class DeterminationSerializer(serializers.ModelSerializer):
    class Meta:
        model = MajorHazardDetermination
        fields = [
            "id", "hazard", "standard", "ruleset_version", "found_on", "categories", "elements",
            "corrected_on_spot", "exclusions", "engine_result", "engine_warnings", "discussion_at",
            "discussion_participants", "discussion_minutes", "expert_panel", "expert_heard", "expert_votes_for",
            "expert_votes_against", "expert_passed", "is_major", "conclusion", "deviation_reason",
            "proposed_measures", "proposed_deadline", "decided_at", "version",
        ]  # fmt: skip
        read_only_fields = fields


class DeterminationCreateInput(serializers.Serializer):
    hazard = serializers.IntegerField()
    standard = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="GB35181-2025 或 GB35181-2017；留空按发现日期选择施行中的版本（2025-11-01 起为 2025 版）",
    )
    categories = serializers.ListField(child=serializers.CharField(), default=list)
    elements = serializers.ListField(child=serializers.CharField())
    corrected_on_spot = serializers.ListField(child=serializers.CharField(), default=list)
    exclusions = serializers.ListField(child=serializers.CharField(), default=list)
    found_on = serializers.DateField(required=False, allow_null=True, default=None)


class ParticipantInput(serializers.Serializer):
    name = serializers.CharField()
    role = serializers.CharField(allow_blank=True, default="")


class DiscussionInput(VersionedInput):
    participants = ParticipantInput(many=True)
    minutes = serializers.CharField()
    at = serializers.DateTimeField(required=False, allow_null=True, default=None)


class MemberInput(serializers.Serializer):
    name = serializers.CharField()
    organisation = serializers.CharField(allow_blank=True, default="")
    interested = serializers.BooleanField(default=False)


class PanelInput(VersionedInput):
    members = MemberInput(many=True)
    heard = MemberInput(many=True, required=False, default=list)
    votes_for = serializers.IntegerField(min_value=0)
    votes_against = serializers.IntegerField(min_value=0)


class ConcludeInput(VersionedInput):
    is_major = serializers.BooleanField()
    conclusion = serializers.CharField()
    reason = serializers.CharField(required=False, allow_blank=True, default="")
    proposed_measures = serializers.CharField(required=False, allow_blank=True, default="")
    proposed_deadline = serializers.DateField(required=False, allow_null=True, default=None)


def _parse(serializer: type[serializers.Serializer], request) -> dict[str, Any]:
    parsed = serializer(data=request.data)
    parsed.is_valid(raise_exception=True)
    data = dict(parsed.validated_data)
    if "version" in data:
        data["expected_version"] = data.pop("version")
    return data


# -------------------------------------------------------------------------------------------- viewsets


@extend_schema(tags=["supervision"])
class SupervisionCaseViewSet(
    ScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """挂牌督办：按管辖范围列出、查看，立案、提请挂牌、政府决定、督办报告、摘牌销案、公开设置。"""

    queryset = SupervisionCase.objects.select_related("hazard__unit", "government").prefetch_related(
        "reports"
    )
    serializer_class = SupervisionCaseSerializer
    filterset_class = SupervisionCaseFilter
    scoped_actions = {
        "create": "add", "request_listing": "change", "decide": "decide", "report": "view", "delist": "view",
        "public": "change",
    }  # fmt: skip

    def get_queryset(self):
        return super().get_queryset().order_by("-filed_at", "-pk")

    def _answer(self, case: SupervisionCase, code: int = status.HTTP_200_OK) -> Response:
        case = SupervisionCase.objects.select_related("hazard__unit", "government").get(pk=case.pk)
        return Response(SupervisionCaseSerializer(case).data, status=code)

    @extend_schema(request=CaseFileInput, responses={201: SupervisionCaseSerializer})
    def create(self, request, *args: Any, **kwargs: Any) -> Response:
        data = _parse(CaseFileInput, request)
        hazard = get_object_or_404(Hazard.objects.visible_to(request.user), pk=data["hazard"])
        return self._answer(sup.case_file(hazard=hazard, by=request.user), status.HTTP_201_CREATED)

    @extend_schema(request=CaseRequestInput, responses=SupervisionCaseSerializer)
    @action(detail=True, methods=["post"], url_path="request")
    def request_listing(self, request, pk=None) -> Response:
        case = self.get_object()
        data = _parse(CaseRequestInput, request)
        # The choices are the form's (the governments over the hazard); anything else, out of scope or not,
        # gets the same answer, which names no organization.
        government = sup.eligible_governments(case).filter(pk=data["government"]).first()
        if government is None:
            raise serializers.ValidationError({"government": ["所选政府不存在或不可选。"]})
        return self._answer(sup.case_request_listing(
            case=case, government=government, by=request.user, expected_version=data["expected_version"]
        ))  # fmt: skip

    @extend_schema(request=CaseDecideInput, responses=SupervisionCaseSerializer)
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None) -> Response:
        case = self.get_object()
        return self._answer(sup.case_decide(case=case, by=request.user, **_parse(CaseDecideInput, request)))

    @extend_schema(request=CaseReportInput, responses=SupervisionCaseSerializer)
    @action(detail=True, methods=["post"])
    def report(self, request, pk=None) -> Response:
        case = self.get_object()
        sup.case_report(case=case, by=request.user, **_parse(CaseReportInput, request))
        return self._answer(case, status.HTTP_201_CREATED)

    @extend_schema(request=VersionedInput, responses=SupervisionCaseSerializer)
    @action(detail=True, methods=["post"])
    def delist(self, request, pk=None) -> Response:
        case = self.get_object()
        return self._answer(sup.case_delist(case=case, by=request.user, **_parse(VersionedInput, request)))

    @extend_schema(request=CasePublicInput, responses=SupervisionCaseSerializer)
    @action(detail=True, methods=["post"])
    def public(self, request, pk=None) -> Response:
        data = _parse(CasePublicInput, request)
        return self._answer(
            sup.case_set_public(
                case=self.get_object(),
                public=data["is_public"],
                by=request.user,
                expected_version=data["expected_version"],
            )  # fmt: skip
        )


@extend_schema(tags=["supervision"])
class DeterminationViewSet(ScopedViewSetMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """重大火灾隐患判定记录：建立（系统建议随之保存）、查看、记录集体讨论与专家组论证、作出结论。"""

    queryset = MajorHazardDetermination.objects.select_related("hazard")
    serializer_class = DeterminationSerializer
    scoped_actions = {"create": "add", "discussion": "change", "panel": "change", "conclude": "change"}

    def _answer(self, det: MajorHazardDetermination, code: int = status.HTTP_200_OK) -> Response:
        return Response(DeterminationSerializer(det).data, status=code)

    @extend_schema(request=DeterminationCreateInput, responses={201: DeterminationSerializer})
    def create(self, request, *args: Any, **kwargs: Any) -> Response:
        data = _parse(DeterminationCreateInput, request)
        hazard = get_object_or_404(Hazard.objects.visible_to(request.user), pk=data.pop("hazard"))
        det = dets.determination_create(hazard=hazard, by=request.user, **data)
        return self._answer(det, status.HTTP_201_CREATED)

    @extend_schema(request=DiscussionInput, responses=DeterminationSerializer)
    @action(detail=True, methods=["post"])
    def discussion(self, request, pk=None) -> Response:
        det = self.get_object()
        data = _parse(DiscussionInput, request)
        return self._answer(dets.determination_record_discussion(det=det, by=request.user, **data))

    @extend_schema(request=PanelInput, responses=DeterminationSerializer)
    @action(detail=True, methods=["post"])
    def panel(self, request, pk=None) -> Response:
        det = self.get_object()
        return self._answer(
            dets.determination_record_panel(det=det, by=request.user, **_parse(PanelInput, request))
        )

    @extend_schema(request=ConcludeInput, responses=DeterminationSerializer)
    @action(detail=True, methods=["post"])
    def conclude(self, request, pk=None) -> Response:
        det = self.get_object()
        return self._answer(
            dets.determination_conclude(det=det, by=request.user, **_parse(ConcludeInput, request))
        )


def register(router) -> None:
    router.register("supervision-cases", SupervisionCaseViewSet, basename="supervision-case")
    router.register("determinations", DeterminationViewSet, basename="determination")
