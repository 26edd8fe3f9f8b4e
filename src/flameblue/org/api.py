"""API for organizations, people, memberships, roles and industries, and the token login.

Viewsets parse input and call one service from :mod:`flameblue.org.services`; rows come only from the
user's scope (``ScopedViewSetMixin``), so a record outside it is a 404 and a missing permission a 403."""

from __future__ import annotations

from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.models import update_last_login
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field, extend_schema_view
from rest_framework import exceptions, status
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from flameblue.core import audit
from flameblue.core.api import ScopedPermission, ScopedReadOnlyViewSet, ServiceWriteViewSet
from flameblue.core.errors import DomainError
from flameblue.core.filters import IdFilter, RegionFilter
from flameblue.core.scoping import has_action
from flameblue.org import services
from flameblue.org.api_auth import fresh_token
from flameblue.org.filters import MembershipFilter, OrganizationFilter, PersonFilter
from flameblue.org.models import Industry, Membership, Organization, Person, Role
from flameblue.org.serializers import (
    IndustrySerializer,
    MembershipSerializer,
    OrganizationSerializer,
    PersonRevealRequestSerializer,
    PersonRevealSerializer,
    PersonSerializer,
    RoleSerializer,
    TokenRequestSerializer,
    TokenSerializer,
)
from flameblue.org.twofactor import has_confirmed_device, needs_second_factor, totp_check

__all__ = [
    "IndustryViewSet",
    "MembershipViewSet",
    "ObtainTokenView",
    "OrganizationViewSet",
    "PersonViewSet",
    "RevokeTokenView",
    "RoleViewSet",
    "register",
]


@extend_schema_field(OpenApiTypes.STR)
class RegionCodeFilter(RegionFilter):
    """The lists' region filter, described in the schema as what clients send: a GB/T 2260 code."""


class PersonApiFilter(PersonFilter):
    region = RegionCodeFilter(region_path="organization__region_id")


class OrganizationApiFilter(OrganizationFilter):
    """The organization list's filters plus ``parent``, which API clients use to walk the tree."""

    parent = IdFilter(label=_l("上级组织"), field_name="parent_id")


@extend_schema(tags=["organizations"])
class OrganizationViewSet(ServiceWriteViewSet):
    """组织机构：政府、消防安全委员会、行业部门、消防救援机构和社会单位，仅限本人管辖范围。"""

    queryset = Organization.objects.select_related("region")
    serializer_class = OrganizationSerializer
    filterset_class = OrganizationApiFilter

    def create_object(self, data):
        return services.organization_create(by=self.request.user, data=data)

    def update_object(self, obj, data, version):
        return services.organization_update(obj, by=self.request.user, data=data, expected_version=version)


@extend_schema(tags=["people"])
@extend_schema_view(
    reveal=extend_schema(
        summary="查看完整手机号码和身份证号码",
        description="需要“查看个人信息”权限并填写事由；每次查看都记入审计日志。",
        request=PersonRevealRequestSerializer,
        responses={200: PersonRevealSerializer, 400: OpenApiResponse(description="未填写事由")},
    )
)
class PersonViewSet(ServiceWriteViewSet):
    """人员：手机号码和身份证号码只以脱敏形式返回；查看完整信息须使用 reveal 并填写事由。"""

    queryset = Person.objects.select_related("organization")
    serializer_class = PersonSerializer
    filterset_class = PersonApiFilter
    scoped_actions = {"reveal": "reveal"}

    def create_object(self, data):
        return services.person_create(by=self.request.user, data=data)

    def update_object(self, obj, data, version):
        return services.person_update(obj, by=self.request.user, data=data, expected_version=version)

    @action(detail=True, methods=["post"])
    def reveal(self, request, pk=None):
        person = self.get_object()
        payload = PersonRevealRequestSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        values = services.person_reveal(person, by=request.user, reason=payload.validated_data["reason"])
        return Response(PersonRevealSerializer(values).data)


class MembershipPermission(ScopedPermission):
    """Writes are open to those who may add/change memberships and to the security administrator, who may
    only assign the three duties (``assign_duty``); which one applies is decided by the service."""

    def has_permission(self, request, view) -> bool:
        if super().has_permission(request, view):
            return True
        return (
            request.method in ("POST", "PUT", "PATCH")
            and request.user.is_authenticated
            and has_action(request.user, Membership, "assign_duty")
        )


@extend_schema(tags=["memberships"])
class MembershipViewSet(ServiceWriteViewSet):
    """任职：人员在组织中担任的角色；组织决定管辖范围，角色决定可执行的操作。三员（系统、安全、审计管理员）
    不得由一人兼任，其任免、变更和停用只能由安全管理员办理。"""

    permission_classes = [MembershipPermission]
    queryset = Membership.objects.select_related("person", "organization", "role")
    serializer_class = MembershipSerializer
    filterset_class = MembershipFilter

    def create_object(self, data):
        return services.membership_create(by=self.request.user, data=data)

    def update_object(self, obj, data, version):
        return services.membership_update(obj, by=self.request.user, data=data, expected_version=version)


@extend_schema(tags=["roles"])
class RoleViewSet(ServiceWriteViewSet):
    """角色：一组可执行操作（如 org.person.view）。"""

    queryset = Role.objects.all()
    serializer_class = RoleSerializer
    filterset_fields = ["code", "duty_group"]

    def create_object(self, data):
        return services.role_create(by=self.request.user, data=data)

    def update_object(self, obj, data, version):
        return services.role_update(obj, by=self.request.user, data=data, expected_version=version)


@extend_schema(tags=["industries"])
class IndustryViewSet(ScopedReadOnlyViewSet):
    """行业（管行业必须管安全）。"""

    queryset = Industry.objects.all()
    serializer_class = IndustrySerializer
    pagination_class = None


def _lockout_message() -> str:
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return _("登录失败次数过多，账号已锁定 %(minutes)d 分钟，请稍后再试或联系安全管理员解锁。") % {
        "minutes": minutes
    }


def _check_second_factor(user, otp_token: str) -> None:
    """Accounts that must use two-factor login at the login page must use it here too (audited on failure).
    An account that must but has no authenticator yet is told so: it enrols on the web first."""
    if not needs_second_factor(user):
        return
    if not has_confirmed_device(user):
        raise exceptions.ValidationError(
            {
                "otp_token": [
                    _(
                        "该账号必须使用双因素登录，但尚未绑定验证器应用：请先在网页上登录并按提示绑定，"
                        "再用动态验证码获取令牌。"
                    )
                ]
            },
            code="2fa_not_enrolled",
        )
    try:
        totp_check(user=user, token=otp_token)
    except DomainError as exc:
        raise exceptions.ValidationError({"otp_token": [exc.message]}) from exc


def _token_login_succeeded(user) -> None:
    """What a login does, minus the session: a token client must not get a server-side session. Sending
    ``user_logged_in`` would start one (session-limit timestamps, axes' access log), so its effects are
    applied here: the failed-attempt count is reset (AXES_RESET_ON_SUCCESS), last login set, login audited."""
    axes_reset(username=user.get_username())
    update_last_login(None, user)
    audit.record(audit.AuditAction.LOGIN, by=user, obj=user, reason=_("API 令牌登录"))


class ObtainTokenView(APIView):
    """Token login for mobile clients and integrations. Authentication goes through Django's
    ``authenticate`` so django-axes counts failures and locks the account exactly as the login page does."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    serializer_class = TokenRequestSerializer

    @extend_schema(
        summary="用用户名和密码换取 API 令牌",
        request=TokenRequestSerializer,
        responses={
            200: TokenSerializer,
            400: OpenApiResponse(description="用户名、密码或动态验证码错误"),
            403: OpenApiResponse(description="连续登录失败，账号已锁定"),
        },
        auth=[],
        tags=["auth"],
    )
    def post(self, request) -> Response:
        payload = TokenRequestSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        username = payload.validated_data["username"]
        # The DRF request (not request._request) goes to axes, so its lockout flag stays on it and axes'
        # middleware does not swap this JSON answer for the HTML lockout page.
        user = authenticate(request=request, username=username, password=payload.validated_data["password"])
        if getattr(request, "axes_locked_out", False):
            return Response(
                {"detail": _lockout_message(), "code": "locked"}, status=status.HTTP_403_FORBIDDEN
            )
        if user is None:
            # Wrong password, unknown or disabled account: one answer, so none of them is revealed.
            raise exceptions.ValidationError({"non_field_errors": [_("用户名或密码错误。")]})
        _check_second_factor(user, payload.validated_data.get("otp_token", ""))
        token = fresh_token(user)
        _token_login_succeeded(user)
        return Response(TokenSerializer({"token": token.key}).data)


class RevokeTokenView(APIView):
    """Log out of the API: the token sent with this request stops working at once."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="注销 API 令牌",
        request=None,
        responses={204: OpenApiResponse(description="令牌已作废")},
        tags=["auth"],
    )
    def post(self, request) -> Response:
        services.revoke_api_token(request.user)
        audit.record(audit.AuditAction.LOGOUT, by=request.user, obj=request.user, reason=_("API 令牌注销"))
        return Response(status=status.HTTP_204_NO_CONTENT)


def register(router) -> None:
    router.register("organizations", OrganizationViewSet, basename="organization")
    router.register("people", PersonViewSet, basename="person")
    router.register("memberships", MembershipViewSet, basename="membership")
    router.register("roles", RoleViewSet, basename="role")
    router.register("industries", IndustryViewSet, basename="industry")
