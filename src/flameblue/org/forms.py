"""Forms for organizations, people, memberships, roles and accounts. Each takes the acting ``user`` and
limits every choice to what that user may see (``visible_to``); the services do the writes."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from flameblue.core.dashboard import homes
from flameblue.core.forms import RegionChoiceField
from flameblue.core.lookups import RemoteSelect
from flameblue.geo.models import Region
from flameblue.org.models import Industry, Membership, Organization, Person, Role
from flameblue.org.validators import validate_id_number

__all__ = [
    "MembershipForm",
    "OrganizationForm",
    "PasswordChangeForm",
    "PersonForm",
    "ReasonForm",
    "RoleForm",
    "ToggleActiveForm",
    "UserCreateForm",
]

TOMSELECT = {"class": "form-select js-tomselect"}


class ScopedFormMixin:
    """Takes ``user``; ``limit_choices`` narrows querysets to the user's scope."""

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)
        self.limit_choices()

    def limit_choices(self) -> None:  # pragma: no cover - overridden
        pass


class ServiceModelForm(ScopedFormMixin, forms.ModelForm):
    """A model form whose cleaned data goes to a service; ``version`` carries the loaded record's version
    back so a stale edit is refused instead of overwriting someone else's change."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial.setdefault("version", self.instance.version)
        else:
            del self.fields["version"]

    def service_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self._meta.fields if name in self.cleaned_data}

    @property
    def expected_version(self) -> int | None:
        return self.cleaned_data.get("version")


class OrganizationForm(ServiceModelForm):
    region = RegionChoiceField(label=_("所在区划"), queryset=Region.objects.none())

    class Meta:
        model = Organization
        fields = [
            "name",
            "short_name",
            "kind",
            "region",
            "parent",
            "industry",
            "credit_code",
            "address",
            "phone",
            "is_active",
        ]
        widgets = {"parent": RemoteSelect("organization"), "industry": forms.Select(attrs=TOMSELECT)}

    def limit_choices(self) -> None:
        self.fields["region"].queryset = Region.objects.visible_to(self.user)
        parents = Organization.objects.visible_to(self.user)
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents
        self.fields["industry"].queryset = Industry.objects.visible_to(self.user)


class PersonForm(ServiceModelForm):
    """Personal data is never put back into the page: on edit, phone and ID number start empty and are
    changed only when something is typed."""

    id_number = forms.CharField(label=_("身份证号码"), max_length=18, required=False)

    class Meta:
        model = Person
        fields = ["name", "gender", "phone", "id_number", "organization", "title", "is_active"]
        widgets = {"organization": RemoteSelect("organization")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["phone"] = ""
            keep = _("留空则不修改（当前：%(value)s）")
            self.fields["phone"].help_text = keep % {"value": self.instance.phone_masked or "—"}
            self.fields["id_number"].help_text = keep % {"value": self.instance.id_number_masked or "—"}

    def limit_choices(self) -> None:
        self.fields["organization"].queryset = Organization.objects.visible_to(self.user)

    def clean_id_number(self) -> str:
        value = (self.cleaned_data.get("id_number") or "").strip().upper()
        if not value:
            return ""
        try:
            return validate_id_number(value)
        except ValidationError as exc:
            raise ValidationError(exc.messages) from exc

    def _post_clean(self) -> None:
        # On edit an empty phone means "unchanged": keep the stored value on the instance being validated.
        if self.instance.pk and not self.cleaned_data.get("phone"):
            self.cleaned_data["phone"] = self.instance.phone
        super()._post_clean()

    def service_data(self) -> dict[str, Any]:
        data = super().service_data()
        if not data.get("id_number"):
            data.pop("id_number", None)
        return data


class MembershipForm(ServiceModelForm):
    class Meta:
        model = Membership
        fields = ["person", "organization", "role", "title", "start_date", "end_date", "is_active"]
        widgets = {
            "person": RemoteSelect("person"),
            "organization": RemoteSelect("organization"),
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args: Any, duties_only: bool = False, **kwargs: Any) -> None:
        self.duties_only = duties_only
        super().__init__(*args, **kwargs)

    def limit_choices(self) -> None:
        self.fields["person"].queryset = Person.objects.visible_to(self.user).select_related("organization")
        self.fields["organization"].queryset = Organization.objects.visible_to(self.user)
        roles = Role.objects.visible_to(self.user)
        self.fields["role"].queryset = roles.exclude(duty_group="") if self.duties_only else roles


_ACTION = re.compile(r"^[a-z_*]+\.[a-z_*]+\.[a-z_*]+$")


class RoleForm(ServiceModelForm):
    actions = forms.CharField(
        label=_("可执行操作"),
        widget=forms.Textarea(attrs={"rows": 10, "class": "font-monospace"}),
        required=False,
        help_text=_("每行一个，形如 org.person.view；可用 * 通配，如 units.*.view。"),
    )
    home = forms.ChoiceField(label=_("首页"), choices=[])

    class Meta:
        model = Role
        fields = ["code", "name", "name_en", "description", "actions", "duty_group", "requires_2fa", "home"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        registered = homes()
        choices = list(registered.items())
        current = self.instance.home if self.instance.pk else ""
        if current and current not in registered:
            choices.append((current, current))
        self.fields["home"].choices = choices
        if self.instance.pk:
            self.initial["actions"] = "\n".join(self.instance.actions or [])
            self.fields["code"].disabled = True

    def clean_actions(self) -> list[str]:
        lines = [line.strip() for line in (self.cleaned_data.get("actions") or "").splitlines()]
        actions: list[str] = []
        for number, line in enumerate(lines, start=1):
            if not line:
                continue
            if not _ACTION.match(line):
                raise ValidationError(
                    _("第 %(n)s 行“%(line)s”格式错误：应形如 org.person.view（应用.模型.动作）。")
                    % {"n": number, "line": line}
                )
            if line not in actions:
                actions.append(line)
        return actions


class UserCreateForm(ScopedFormMixin, forms.Form):
    username = forms.CharField(label=_("用户名"), max_length=150)
    person = forms.ModelChoiceField(
        label=_("人员"),
        queryset=Person.objects.none(),
        required=False,
        widget=RemoteSelect("person-no-account"),
    )
    password = forms.CharField(
        label=_("初始密码"), widget=forms.PasswordInput(render_value=True), strip=False
    )
    password_confirm = forms.CharField(
        label=_("确认密码"), widget=forms.PasswordInput(render_value=True), strip=False
    )

    def limit_choices(self) -> None:
        self.fields["person"].queryset = Person.objects.visible_to(self.user).filter(user__isnull=True)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("password") and data.get("password") != data.get("password_confirm"):
            self.add_error("password_confirm", _("两次输入的密码不一致。"))
        return data


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("事由"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("至少 4 个字，将记入审计日志。"),
    )

    def clean_reason(self) -> str:
        reason = self.cleaned_data["reason"].strip()
        if len(reason) < 4:
            raise ValidationError(_("请填写事由（至少 4 个字）。"))
        return reason


class ToggleActiveForm(ReasonForm):
    active = forms.TypedChoiceField(
        label=_("操作"),
        choices=[("1", _("启用")), ("0", _("停用"))],
        coerce=lambda v: v == "1",
        widget=forms.HiddenInput,
    )


class PasswordChangeForm(forms.Form):
    old_password = forms.CharField(label=_("原密码"), widget=forms.PasswordInput, strip=False)
    password = forms.CharField(label=_("新密码"), widget=forms.PasswordInput, strip=False)
    password_confirm = forms.CharField(label=_("确认新密码"), widget=forms.PasswordInput, strip=False)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_old_password(self) -> str:
        value = self.cleaned_data["old_password"]
        if not self.user.check_password(value):
            raise ValidationError(_("原密码不正确。"))
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("password") and data.get("password") != data.get("password_confirm"):
            self.add_error("password_confirm", _("两次输入的新密码不一致。"))
        return data
