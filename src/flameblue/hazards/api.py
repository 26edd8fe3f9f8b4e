"""API: /api/v1/hazards/ (list with the hazard list's filter, retrieve, report, and one POST action per move)
and /api/v1/notices/ (list, retrieve, Word download). The same services as the pages; a colleague's move in
between answers 409 with the message."""

from __future__ import annotations

import importlib
from typing import Any

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from flameblue.core.api import ScopedReadOnlyViewSet, ScopedViewSetMixin
from flameblue.core.http import DOCX_CONTENT_TYPE, attachment_response
from flameblue.hazards import services
from flameblue.hazards.filters import HazardFilter, NoticeFilter
from flameblue.hazards.models import Hazard, Notice
from flameblue.hazards.notices import notice_docx
from flameblue.hazards.serializers import (
    CompletionInput,
    ConfirmInput,
    HazardCreateSerializer,
    HazardSerializer,
    MajorNoticeInput,
    NoticeSerializer,
    OpinionInput,
    ProcedureSerializer,
    ReasonInput,
    RecheckInput,
    StartInput,
    VerifyInput,
)
from flameblue.hazards.services import TRANSITION_ACTIONS

__all__ = ["HazardViewSet", "NoticeViewSet", "register"]

#: Modules of the other hazards areas that register their own viewsets when present.
EXTENSIONS = ("flameblue.hazards.supervision.api", "flameblue.hazards.tips.api")


def _move(name: str, serializer: type, call):
    """Build a POST action that parses input, runs the service and answers with the hazard."""

    @extend_schema(request=serializer, responses=HazardSerializer)
    def handler(self, request, pk=None):
        hazard = self.get_object()
        parsed = serializer(data=request.data, context={"request": request})
        parsed.is_valid(raise_exception=True)
        data = dict(parsed.validated_data)
        version = data.pop("version", None)
        hazard = call(hazard=hazard, by=request.user, expected_version=version, **data)
        return Response(HazardSerializer(hazard, context={"request": request}).data)

    handler.__name__ = name.replace("-", "_")
    return action(detail=True, methods=["post"], url_path=name)(handler)


def _completion(*, hazard, by, expected_version, photos, note):
    return services.hazard_report_completion(
        hazard=hazard, by=by, expected_version=expected_version, photos=photos, note=note
    )


@extend_schema(tags=["hazards"])
class HazardViewSet(
    ScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """火灾隐患：按管辖范围列出、查看、登记，并按流转规则确认、整改、复查、撤销。"""

    queryset = Hazard.objects.select_related("unit", "notice").prefetch_related("transitions__by")
    serializer_class = HazardSerializer
    filterset_class = HazardFilter
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    scoped_actions = {
        "create": "add",
        **{name.replace("-", "_"): TRANSITION_ACTIONS[move][0] for name, move in (
            ("confirm", "confirm"), ("start", "start"), ("report-completion", "report_completion"),
            ("recheck", "recheck"), ("withdraw", "withdraw"), ("dismiss", "dismiss"), ("verify", "verify"),
            ("hand-over", "hand_over"),
        )},
        "major_procedure": "view", "major_procedure_opinion": "confirm", "major_notice": "confirm",
        "major_notice_docx": "view",
    }  # fmt: skip

    def get_queryset(self):
        return super().get_queryset().order_by("-found_at", "-pk")

    @extend_schema(request=HazardCreateSerializer, responses={201: HazardSerializer})
    def create(self, request, *args: Any, **kwargs: Any) -> Response:
        parsed = HazardCreateSerializer(data=request.data, context={"request": request})
        parsed.is_valid(raise_exception=True)
        hazard = services.hazard_report(by=request.user, **parsed.validated_data)
        return Response(HazardSerializer(hazard).data, status=status.HTTP_201_CREATED)

    confirm = _move("confirm", ConfirmInput, services.hazard_confirm)
    start = _move("start", StartInput, services.hazard_start)
    report_completion = _move("report-completion", CompletionInput, _completion)
    recheck = _move("recheck", RecheckInput, services.hazard_recheck)
    withdraw = _move("withdraw", ReasonInput, services.hazard_withdraw)
    dismiss = _move("dismiss", ReasonInput, services.hazard_dismiss)
    verify = _move("verify", VerifyInput, services.hazard_verify)
    hand_over = _move("hand-over", ReasonInput, services.hazard_hand_over)

    def _procedure(self):
        from django.http import Http404

        proc = getattr(self.get_object(), "major_procedure", None)
        if proc is None:
            raise Http404
        return proc

    @extend_schema(responses=ProcedureSerializer)
    @action(detail=True, methods=["get"], url_path="major-procedure")
    def major_procedure(self, request, pk=None) -> Response:
        """第二十一条：重大火灾隐患的处理意见、书面报告和重大火灾隐患整改通知书的期限与办理情况。"""
        return Response(ProcedureSerializer(self._procedure()).data)

    @extend_schema(request=OpinionInput, responses=ProcedureSerializer)
    @action(detail=True, methods=["post"], url_path="major-procedure/opinion")
    def major_procedure_opinion(self, request, pk=None) -> Response:
        """提出处理意见并书面报告本级人民政府（检查之日起七个工作日内；组织专家论证的延长十个工作日）。"""
        from flameblue.core.api import parse_input
        from flameblue.hazards import procedure

        proc = procedure.procedure_opinion(
            proc=self._procedure(), by=request.user, **parse_input(OpinionInput, request)
        )
        return Response(ProcedureSerializer(proc).data)

    @extend_schema(request=MajorNoticeInput, responses=ProcedureSerializer)
    @action(detail=True, methods=["post"], url_path="major-procedure/notice")
    def major_notice(self, request, pk=None) -> Response:
        """签发重大火灾隐患整改通知书（确定之日起三个工作日内），签发后不得修改。"""
        from flameblue.core.api import parse_input
        from flameblue.hazards import procedure

        data = parse_input(MajorNoticeInput, request)
        proc = procedure.major_notice_issue(
            proc=self._procedure(), by=request.user, deadline=data["deadline"]
        )
        return Response(ProcedureSerializer(proc).data)

    @extend_schema(responses={(200, DOCX_CONTENT_TYPE): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"], url_path="major-procedure/notice-docx")
    def major_notice_docx(self, request, pk=None) -> HttpResponse:
        """重大火灾隐患整改通知书（Word）。"""
        from django.http import Http404

        from flameblue.hazards import procedure

        proc = self._procedure()
        if proc.notice_issued_at is None:
            raise Http404
        content = procedure.major_notice_docx(proc, by=request.user)
        return attachment_response(content, f"{proc.notice_number}.docx", DOCX_CONTENT_TYPE)


@extend_schema(tags=["hazards"])
class NoticeViewSet(ScopedReadOnlyViewSet):
    """责令限期改正通知书：按管辖范围列出、查看并下载 Word。"""

    queryset = Notice.objects.select_related("unit", "brigade").prefetch_related("hazards")
    serializer_class = NoticeSerializer
    filterset_class = NoticeFilter

    @extend_schema(responses={(200, DOCX_CONTENT_TYPE): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"])
    def docx(self, request, pk=None) -> HttpResponse:
        notice = self.get_object()
        return attachment_response(
            notice_docx(notice, by=request.user), f"{notice.number}.docx", DOCX_CONTENT_TYPE
        )


def register(router) -> None:
    router.register("hazards", HazardViewSet, basename="hazard")
    router.register("notices", NoticeViewSet, basename="notice")
    for name in EXTENSIONS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(router)
