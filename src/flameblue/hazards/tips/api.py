"""API: /api/v1/tips/ — public create (no login; same spam checks and rate limits as the page; answers only
the tracking code), public form token and tracking by code (no personal data, never another tip), and for
staff the scoped list and detail and the check moves. The same services as the pages."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from flameblue.core.api import ScopedPrimaryKeyRelatedField, ScopedViewSetMixin, VersionInput
from flameblue.core.masking import mask_phone
from flameblue.core.middleware import client_ip
from flameblue.hazards.choices import HazardGrade, TipCategory
from flameblue.hazards.models import Hazard, Tip
from flameblue.hazards.tips import services as tips
from flameblue.hazards.tips.filters import TipFilter
from flameblue.hazards.tips.guard import (
    RateLimited,
    check_attempts,
    check_form_token,
    check_track_attempts,
    form_token,
    rules,
)
from flameblue.units.models import Unit

__all__ = ["TipViewSet", "register"]

PUBLIC_ACTIONS = {"create", "track", "token"}


class TipSubmitInput(serializers.Serializer):
    category = serializers.ChoiceField(choices=TipCategory.choices, label="举报类别")
    description = serializers.CharField(label="隐患情况", max_length=10000)
    region = serializers.CharField(label="所在乡镇（街道）代码", max_length=12)
    address = serializers.CharField(label="详细地址", max_length=200)
    place_name = serializers.CharField(required=False, allow_blank=True, default="", max_length=120)
    phone = serializers.CharField(required=False, allow_blank=True, default="", max_length=20)
    photos = serializers.ListField(child=serializers.FileField(), required=False, default=list)
    token = serializers.CharField(label="表单令牌（GET /api/v1/tips/token/）", allow_blank=True, default="")
    website = serializers.CharField(required=False, allow_blank=True, default="", help_text="请留空")


class TipReceipt(serializers.Serializer):
    tracking_code = serializers.CharField()
    status = serializers.CharField()
    check_due_at = serializers.DateTimeField()


class TipPublicSerializer(serializers.Serializer):
    tracking_code = serializers.CharField()
    category = serializers.CharField()
    status = serializers.CharField()
    status_label = serializers.CharField()
    township = serializers.CharField()
    received_on = serializers.DateField()
    check_due_at = serializers.DateTimeField()
    public_reply = serializers.CharField()


class TipSerializer(serializers.ModelSerializer):
    phone_masked = serializers.SerializerMethodField()
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    hazards = serializers.SerializerMethodField()

    class Meta:
        model = Tip
        fields = [
            "id", "tracking_code", "category", "description", "region", "address", "place_name", "phone_masked",
            "received_at", "check_due_at", "status", "status_display", "checked_at", "unit", "dismissal_reason",
            "public_reply", "version", "hazards",
        ]  # fmt: skip
        read_only_fields = fields

    def get_phone_masked(self, tip: Tip) -> str:
        return mask_phone(tip.phone)

    def get_hazards(self, tip: Tip) -> list[int]:
        request = self.context.get("request")
        visible = Hazard.objects.visible_to(getattr(request, "user", None))
        return list(visible.filter(tip=tip).values_list("pk", flat=True))


class ConvertInput(VersionInput):
    unit = ScopedPrimaryKeyRelatedField(queryset=Unit.objects.all(), label="单位")
    grade = serializers.ChoiceField(choices=HazardGrade.choices, default=HazardGrade.GENERAL)
    location = serializers.CharField(required=False, allow_blank=True, default="")
    description = serializers.CharField(required=False, allow_blank=True, default="")
    public_reply = serializers.CharField(required=False, allow_blank=True, default="")


class DismissInput(VersionInput):
    reason = serializers.CharField(required=False, allow_blank=True, default="", label="不属实理由")
    public_reply = serializers.CharField(required=False, allow_blank=True, default="")


def _too_many(exc: RateLimited) -> Response:
    return Response({"detail": exc.message, "code": "rate_limited"}, status=status.HTTP_429_TOO_MANY_REQUESTS)


@extend_schema(tags=["tips"])
class TipViewSet(
    ScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """举报投诉：公众提交（无需登录）与凭查询码查询进度；工作人员按管辖范围查看、核查、立为隐患或作不属实处理。"""

    queryset = Tip.objects.select_related("region")
    serializer_class = TipSerializer
    filterset_class = TipFilter
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    scoped_actions = {"start": "change", "convert": "change", "dismiss": "change"}

    def get_permissions(self):
        if self.action in PUBLIC_ACTIONS:
            return [AllowAny()]
        return super().get_permissions()

    def get_queryset(self):
        return super().get_queryset().order_by("-received_at", "-pk")

    @extend_schema(request=TipSubmitInput, responses={201: TipReceipt, 429: None})
    def create(self, request, *args: Any, **kwargs: Any) -> Response:
        ip = client_ip(request)
        try:
            check_attempts(ip)
            parsed = TipSubmitInput(data=request.data)
            parsed.is_valid(raise_exception=True)
            data = dict(parsed.validated_data)
            check_form_token(data.pop("token"), data.pop("website"))
            if hasattr(request.data, "getlist"):
                data["photos"] = request.FILES.getlist("photos")
            tip = tips.tip_submit(ip=ip, **data)
        except RateLimited as exc:
            return _too_many(exc)
        return Response(
            TipReceipt(
                {"tracking_code": tip.tracking_code, "status": tip.status, "check_due_at": tip.check_due_at}
            ).data,
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(
        responses=inline_serializer(
            "TipFormToken", {"token": serializers.CharField(), "min_seconds": serializers.IntegerField()}
        )
    )
    @action(detail=False, methods=["get"])
    def token(self, request) -> Response:
        """A signed timestamp to send back with the tip (at least ``min_seconds`` later)."""
        return Response({"token": form_token(), "min_seconds": rules().min_fill_seconds})

    @extend_schema(responses={200: TipPublicSerializer, 404: None, 429: None})
    @action(detail=False, methods=["get"], url_path=r"track/(?P<code>[A-Za-z0-9-]{1,20})")
    def track(self, request, code: str = "") -> Response:
        try:
            check_track_attempts(client_ip(request))
        except RateLimited as exc:
            return _too_many(exc)
        found = tips.tip_track(code)
        if found is None:
            return Response(
                {"detail": "未找到该查询码，请核对后重新输入。"}, status=status.HTTP_404_NOT_FOUND
            )
        return Response(TipPublicSerializer(found.as_dict()).data)

    def _moved(self, request, tip: Tip) -> Response:
        tip.refresh_from_db()
        return Response(TipSerializer(tip, context={"request": request}).data)

    @extend_schema(request=VersionInput, responses=TipSerializer)
    @action(detail=True, methods=["post"])
    def start(self, request, pk=None) -> Response:
        tip = self.get_object()
        parsed = VersionInput(data=request.data)
        parsed.is_valid(raise_exception=True)
        tips.tip_start_check(tip=tip, by=request.user, expected_version=parsed.validated_data.get("version"))
        return self._moved(request, tip)

    @extend_schema(request=ConvertInput, responses=TipSerializer)
    @action(detail=True, methods=["post"])
    def convert(self, request, pk=None) -> Response:
        tip = self.get_object()
        parsed = ConvertInput(data=request.data, context={"request": request})
        parsed.is_valid(raise_exception=True)
        data = dict(parsed.validated_data)
        tips.tip_convert(tip=tip, by=request.user, expected_version=data.pop("version", None), **data)
        return self._moved(request, tip)

    @extend_schema(request=DismissInput, responses=TipSerializer)
    @action(detail=True, methods=["post"])
    def dismiss(self, request, pk=None) -> Response:
        tip = self.get_object()
        parsed = DismissInput(data=request.data)
        parsed.is_valid(raise_exception=True)
        data = dict(parsed.validated_data)
        tips.tip_dismiss(tip=tip, by=request.user, expected_version=data.pop("version", None), **data)
        return self._moved(request, tip)


def register(router) -> None:
    router.register("tips", TipViewSet, basename="tip")
