"""API representations of organizations, people, roles, memberships and industries (the scoped choice
field and the versioned base they use are core's, :mod:`flameblue.core.api`).

Serializers only parse and present: writes go through :mod:`flameblue.org.services`."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from flameblue.core.api import ScopedPrimaryKeyRelatedField, VersionedSerializer
from flameblue.geo.models import Region
from flameblue.org.models import Industry, Membership, Organization, Person, Role
from flameblue.org.validators import validate_id_number, validate_phone

__all__ = [
    "IndustrySerializer",
    "MembershipSerializer",
    "OrganizationSerializer",
    "PersonRevealRequestSerializer",
    "PersonRevealSerializer",
    "PersonSerializer",
    "RoleSerializer",
    "TokenRequestSerializer",
    "TokenSerializer",
]


class IndustrySerializer(serializers.ModelSerializer):
    class Meta:
        model = Industry
        fields = ["code", "name", "name_en", "department_name"]
        read_only_fields = fields


class OrganizationSerializer(VersionedSerializer):
    region = ScopedPrimaryKeyRelatedField(queryset=Region.objects.all(), label=_("所在区划"))
    parent = ScopedPrimaryKeyRelatedField(
        queryset=Organization.objects.all(), label=_("上级组织"), required=False, allow_null=True
    )
    industry = serializers.PrimaryKeyRelatedField(
        queryset=Industry.objects.all(), label=_("行业"), required=False, allow_null=True
    )
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    region_name = serializers.CharField(source="region.name", read_only=True)

    class Meta:
        model = Organization
        fields = [
            "id",
            "name",
            "short_name",
            "kind",
            "kind_display",
            "region",
            "region_name",
            "parent",
            "industry",
            "credit_code",
            "address",
            "phone",
            "is_active",
            "version",
            "created_at",
            "updated_at",
        ]


class PersonSerializer(VersionedSerializer):
    """Phone and ID number are write-only; output shows them masked. The full values need ``reveal``."""

    organization = ScopedPrimaryKeyRelatedField(queryset=Organization.objects.all(), label=_("所属组织"))
    organization_name = serializers.CharField(source="organization.name", read_only=True)
    phone = serializers.CharField(
        write_only=True, required=False, allow_blank=True, max_length=20, label=_("手机号码")
    )
    id_number = serializers.CharField(
        write_only=True, required=False, allow_blank=True, max_length=18, label=_("身份证号码")
    )
    phone_masked = serializers.CharField(read_only=True, label=_("手机号码（脱敏）"))
    id_number_masked = serializers.CharField(read_only=True, label=_("身份证号码（脱敏）"))

    class Meta:
        model = Person
        fields = [
            "id",
            "name",
            "gender",
            "organization",
            "organization_name",
            "title",
            "is_active",
            "phone",
            "id_number",
            "phone_masked",
            "id_number_masked",
            "version",
            "created_at",
            "updated_at",
        ]

    def validate_phone(self, value: str) -> str:
        value = value.strip()
        try:
            validate_phone(value)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.messages) from exc
        return value

    def validate_id_number(self, value: str) -> str:
        value = value.strip().upper()
        if not value:
            return value
        try:
            return validate_id_number(value)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.messages) from exc


class PersonRevealRequestSerializer(serializers.Serializer):
    reason = serializers.CharField(
        label=_("查看事由"), max_length=500, help_text=_("至少 4 个字，记入审计日志。")
    )


class PersonRevealSerializer(serializers.Serializer):
    phone = serializers.CharField(label=_("手机号码"))
    id_number = serializers.CharField(label=_("身份证号码"))


class RoleSerializer(VersionedSerializer):
    actions = serializers.ListField(child=serializers.CharField(max_length=80), label=_("可执行操作"))

    class Meta:
        model = Role
        fields = [
            "id",
            "code",
            "name",
            "name_en",
            "description",
            "actions",
            "duty_group",
            "requires_2fa",
            "home",
            "version",
        ]

    def validate_code(self, value: str) -> str:
        if self.instance is not None and value != self.instance.code:
            raise serializers.ValidationError(_("角色代码创建后不能修改。"))
        return value


class MembershipSerializer(VersionedSerializer):
    person = ScopedPrimaryKeyRelatedField(queryset=Person.objects.all(), label=_("人员"))
    organization = ScopedPrimaryKeyRelatedField(queryset=Organization.objects.all(), label=_("组织"))
    role = ScopedPrimaryKeyRelatedField(queryset=Role.objects.all(), label=_("角色"))
    person_name = serializers.CharField(source="person.name", read_only=True)
    organization_name = serializers.CharField(source="organization.name", read_only=True)
    role_name = serializers.CharField(source="role.name", read_only=True)

    class Meta:
        model = Membership
        fields = [
            "id",
            "person",
            "person_name",
            "organization",
            "organization_name",
            "role",
            "role_name",
            "title",
            "start_date",
            "end_date",
            "is_active",
            "version",
        ]


class TokenRequestSerializer(serializers.Serializer):
    username = serializers.CharField(label=_("用户名"), max_length=150)
    password = serializers.CharField(label=_("密码"), style={"input_type": "password"}, trim_whitespace=False)
    otp_token = serializers.CharField(
        label=_("动态验证码"),
        required=False,
        allow_blank=True,
        max_length=16,
        help_text=_("已启用或必须使用双因素登录的账号须填写 6 位动态验证码。"),
    )


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(
        label=_("令牌"), help_text=_("请求时放在请求头 Authorization: Token <令牌>。")
    )
