from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from flameblue.core import crypto
from flameblue.core.masking import mask_id_number, mask_phone
from flameblue.core.models import TrackedModel
from flameblue.core.scoping import Scope, ScopedManager, ScopedQuerySet, ScopeSpec
from flameblue.org.choices import DutyGroup, Gender, OrgKind
from flameblue.org.validators import validate_id_number, validate_phone

__all__ = ["Industry", "Membership", "Organization", "PasswordHistory", "Person", "Role", "User"]


class Industry(models.Model):
    """行业: a sector supervised by an industry department (管行业必须管安全), e.g. 教育, 民政, 卫健.
    Loaded from ``org/rules/industries.yaml``; departments and social units carry one."""

    code = models.CharField(_("代码"), max_length=40, primary_key=True)
    name = models.CharField(_("名称"), max_length=40)
    name_en = models.CharField(_("英文名称"), max_length=80, blank=True)
    department_name = models.CharField(_("主管部门名称"), max_length=40, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    objects = ScopedManager()
    scope_spec = ScopeSpec(global_=True)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("行业")
        verbose_name_plural = _("行业")

    def __str__(self) -> str:
        return self.name


class Organization(TrackedModel):
    """组织机构: a government, fire-safety committee, industry department, fire detachment/brigade/station,
    full-time or volunteer fire brigade, or social unit. It sits in a region (its jurisdiction) and may have
    a parent; departments carry their industry. Memberships in an organization give people their scope."""

    name = models.CharField(_("名称"), max_length=120)
    short_name = models.CharField(_("简称"), max_length=40, blank=True)
    kind = models.CharField(_("类型"), max_length=20, choices=OrgKind.choices)
    # Region and industry are served by the unique (region, kind, name) and the (industry, region) index.
    region = models.ForeignKey(
        "geo.Region",
        on_delete=models.PROTECT,
        related_name="organizations",
        verbose_name=_("所在区划"),
        db_index=False,
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("上级组织"),
    )
    industry = models.ForeignKey(
        Industry,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organizations",
        verbose_name=_("行业"),
        db_index=False,
    )
    credit_code = models.CharField(_("统一社会信用代码"), max_length=18, blank=True)
    address = models.CharField(_("地址"), max_length=200, blank=True)
    phone = models.CharField(_("联系电话"), max_length=30, blank=True)
    is_active = models.BooleanField(_("启用"), default=True)

    scope_spec = ScopeSpec(region="region_id", industry="industry_id", unit="id")

    class Meta:
        ordering = ["region_id", "kind", "name"]
        verbose_name = _("组织机构")
        verbose_name_plural = _("组织机构")
        constraints = [
            models.UniqueConstraint(fields=["region", "kind", "name"], name="org_unique_name_in_region"),
        ]
        # Plain indexes, not db_index=True: that adds a varchar_pattern_ops twin for LIKE 'x%', which no
        # query runs on these columns (region subtrees are code ranges), and bulk writes pay for each index.
        indexes = [
            models.Index(fields=["kind"], name="org_organization_kind_idx"),
            models.Index(fields=["industry", "region"]),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        errors = {}
        if self.kind == OrgKind.DEPARTMENT and not self.industry_id:
            errors["industry"] = _("行业部门必须选择所属行业。")
        if self.parent_id and self.parent_id == self.pk:
            errors["parent"] = _("上级组织不能是自己。")
        if self.credit_code:
            from stdnum.cn import uscc
            from stdnum.exceptions import ValidationError as StdnumError

            try:
                self.credit_code = uscc.validate(self.credit_code)
            except StdnumError:
                errors["credit_code"] = _("统一社会信用代码无效（长度或校验位错误）。")
        if errors:
            raise ValidationError(errors)


class Role(TrackedModel):
    """角色: a named set of actions ("org.person.view", "org.*.change", …). Roles are data (loaded from
    ``org/rules/roles.yaml`` and editable by administrators). ``duty_group`` marks the three administrator
    roles that must stay with different people; ``requires_2fa`` makes two-factor login mandatory."""

    code = models.SlugField(_("代码"), max_length=40, unique=True)
    name = models.CharField(_("名称"), max_length=40)
    name_en = models.CharField(_("英文名称"), max_length=80, blank=True)
    description = models.TextField(_("说明"), blank=True)
    actions = models.JSONField(_("可执行操作"), default=list, blank=True)
    duty_group = models.CharField(_("三员分立"), max_length=10, choices=DutyGroup.choices, blank=True)
    requires_2fa = models.BooleanField(_("必须双因素登录"), default=False)
    home = models.CharField(_("首页"), max_length=30, default="jurisdiction")

    scope_spec = ScopeSpec(global_=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("角色")
        verbose_name_plural = _("角色")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if not isinstance(self.actions, list) or not all(
            isinstance(a, str) and a.count(".") == 2 for a in self.actions
        ):
            raise ValidationError({"actions": _("操作须为形如 “org.person.view” 的字符串列表。")})


class Person(TrackedModel):
    """人员: a real person known to the system — staff of the fire service, governments and departments,
    responsible people of units. ID numbers are stored encrypted and shown masked; phones are shown masked
    unless the viewer's role may reveal personal data."""

    name = models.CharField(_("姓名"), max_length=40)
    gender = models.CharField(_("性别"), max_length=1, choices=Gender.choices, blank=True)
    phone = models.CharField(_("手机号码"), max_length=20, blank=True, validators=[validate_phone])
    id_number_encrypted = models.TextField(_("身份证号（密文）"), blank=True, editable=False)
    id_number_digest = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="people", verbose_name=_("所属组织")
    )
    title = models.CharField(_("职务"), max_length=60, blank=True)
    is_active = models.BooleanField(_("在职"), default=True)

    scope_spec = ScopeSpec(
        region="organization__region_id", industry="organization__industry_id", unit="organization_id"
    )

    class Meta:
        ordering = ["organization_id", "name"]
        verbose_name = _("人员")
        verbose_name_plural = _("人员")
        constraints = [
            models.UniqueConstraint(
                fields=["id_number_digest"], condition=~Q(id_number_digest=""), name="person_unique_id_number"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def id_number(self) -> str:
        return crypto.decrypt(self.id_number_encrypted)

    @id_number.setter
    def id_number(self, value: str) -> None:
        value = (value or "").strip().upper()
        if value:
            value = validate_id_number(value)
        self.id_number_encrypted = crypto.encrypt(value)
        self.id_number_digest = crypto.digest(value)

    @property
    def id_number_masked(self) -> str:
        return mask_id_number(self.id_number)

    @property
    def phone_masked(self) -> str:
        return mask_phone(self.phone)

    def audit_masked_values(self) -> dict[str, str]:
        return {"phone": self.phone_masked, "id_number": self.id_number_masked}


class MembershipQuerySet(ScopedQuerySet):
    def current(self, on: dt.date | None = None) -> MembershipQuerySet:
        on = on or timezone.localdate()
        return self.filter(is_active=True).filter(
            Q(start_date__isnull=True) | Q(start_date__lte=on), Q(end_date__isnull=True) | Q(end_date__gte=on)
        )


class Membership(TrackedModel):
    """任职: a person's role in an organization. A person may hold several (a brigade officer who also sits
    on a county committee). The organization decides the scope; the role decides the actions."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("人员")
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("组织")
    )
    role = models.ForeignKey(
        Role, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("角色")
    )
    title = models.CharField(_("职务"), max_length=60, blank=True)
    start_date = models.DateField(_("起始日期"), null=True, blank=True)
    end_date = models.DateField(_("截止日期"), null=True, blank=True)
    is_active = models.BooleanField(_("有效"), default=True)

    objects = ScopedManager.from_queryset(MembershipQuerySet)()
    scope_spec = ScopeSpec(
        region="organization__region_id", industry="organization__industry_id", unit="organization_id"
    )

    class Meta:
        ordering = ["person_id", "organization_id"]
        verbose_name = _("任职")
        verbose_name_plural = _("任职")
        constraints = [
            models.UniqueConstraint(fields=["person", "organization", "role"], name="membership_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.organization} · {self.role}"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("截止日期不能早于起始日期。")})

    def scope(self) -> Scope:
        org = self.organization
        if org.kind == OrgKind.SOCIAL_UNIT:
            return Scope(region_prefix=org.region_id, unit_id=org.pk)
        if org.kind == OrgKind.DEPARTMENT:
            return Scope(region_prefix=org.region_id, industry=org.industry_id)
        return Scope(region_prefix=org.region_id)


class ScopedUserManager(UserManager.from_queryset(ScopedQuerySet)):  # type: ignore[misc]
    pass


class User(AbstractUser):
    """账号: a login. Linked to the person it belongs to, whose memberships give it roles and scope."""

    person = models.OneToOneField(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="user", verbose_name=_("人员")
    )
    password_changed_at = models.DateTimeField(_("密码修改时间"), null=True, blank=True)
    created_by = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name=_("创建人"),
    )
    #: The creator's 三员 duty group when the account was made ("" for anyone else or the operator): an
    #: account made by one of the three administrators may never receive another one's duty group.
    created_by_duty = models.CharField(
        _("创建人三员身份"), max_length=10, choices=DutyGroup.choices, blank=True, editable=False
    )
    #: The two-factor state an API token was issued under (see ``org.api_auth``): a token stops working
    #: when two-factor login becomes required or the authenticator changes.
    api_token_stamp = models.CharField(max_length=200, blank=True, editable=False)

    objects = ScopedUserManager()
    scope_spec = ScopeSpec(
        region="person__organization__region_id",
        industry="person__organization__industry_id",
        unit="person__organization_id",
    )

    class Meta:
        verbose_name = _("账号")
        verbose_name_plural = _("账号")

    def __str__(self) -> str:
        return f"{self.person.name}（{self.username}）" if self.person_id else self.username

    @property
    def display_name(self) -> str:
        return self.person.name if self.person_id else self.username

    def previous_password_hashes(self) -> list[str]:
        """The current and the last ``PASSWORD_HISTORY_COUNT`` password hashes (no-reuse rule)."""
        from django.conf import settings

        keep = settings.PASSWORD_HISTORY_COUNT
        hashes = [self.password] if self.password else []
        if self.pk:
            hashes += list(self.password_history.values_list("password", flat=True)[:keep])
        return hashes


class PasswordHistory(models.Model):
    """密码历史: a former password hash of an account, kept so the last few passwords are not reused."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="password_history")
    password = models.CharField(max_length=128)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-changed_at", "-id"]
        verbose_name = _("密码历史")
        verbose_name_plural = _("密码历史")

    def __str__(self) -> str:
        return f"{self.user_id} @ {self.changed_at:%Y-%m-%d %H:%M}"
