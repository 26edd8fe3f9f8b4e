"""Forms of the enforcement pages: they parse input, the services do every write. Related records (the
hazard or inspection a sealing comes from, the unit of an application) are limited to what the user may see;
each step form carries the version the user saw, so a stale move is refused (409) instead of overwriting."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from flameblue.enforcement.choices import CheckPath
from flameblue.enforcement.policy import grounds
from flameblue.hazards.models import Hazard
from flameblue.inspections.models import Inspection
from flameblue.units.models import Unit

__all__ = ["EventApplyForm", "PreOpeningApplyForm", "STEP_FORMS", "SealingProposeForm"]

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
YES_NO = [("yes", _("是")), ("no", _("否"))]


def _date(label: Any) -> forms.DateField:
    return forms.DateField(label=label, widget=DATE, initial=timezone.localdate)


class _UserForm(forms.Form):
    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)


class UnitChoiceField(forms.ModelChoiceField):
    """A unit by its number in the registry (the unit page shows it), limited to the user's units."""

    def label_from_instance(self, obj: Any) -> str:
        return obj.name


class SealingProposeForm(_UserForm):
    hazard = forms.ModelChoiceField(
        label=_("隐患编号"), queryset=Hazard.objects.none(), required=False, widget=forms.NumberInput,
        help_text=_("据以提出查封的隐患（隐患页面地址中的编号），与检查记录至少填一项。"),
    )  # fmt: skip
    inspection = forms.ModelChoiceField(
        label=_("检查记录编号"), queryset=Inspection.objects.none(), required=False, widget=forms.NumberInput
    )
    inspected_on = forms.DateField(
        label=_("检查日期"),
        widget=DATE,
        required=False,
        help_text=_("不填则取检查记录或隐患的日期；三个工作日时限由此起算。"),
    )
    ground = forms.ChoiceField(label=_("查封情形（第二十二条）"), choices=())
    premises = forms.CharField(label=_("查封部位或场所"), max_length=200)
    facts = forms.CharField(label=_("违法事实"), widget=forms.Textarea(attrs={"rows": 3}))
    method = forms.CharField(label=_("实施方法"), max_length=200, required=False)
    period_days = forms.IntegerField(label=_("查封期限（日）"), min_value=1, max_value=30, initial=30)
    sealed_on_spot = forms.BooleanField(
        label=_("情况危急，已口头报请负责人同意当场查封"), required=False,
        help_text=_("当场查封的，应在二十四小时内作出决定并送达。"),
    )  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["hazard"].queryset = Hazard.objects.visible_to(self.user)
        self.fields["inspection"].queryset = Inspection.objects.visible_to(self.user)
        self.fields["ground"].choices = grounds()

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not self.errors and not data.get("hazard") and not data.get("inspection"):
            self.add_error("hazard", _("请选择据以提出查封的隐患或检查记录。"))
        return data


class _ApplyForm(_UserForm):
    unit = UnitChoiceField(label=_("单位编号"), queryset=Unit.objects.none(), widget=forms.NumberInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.visible_to(self.user)


class PreOpeningApplyForm(_ApplyForm):
    place_name = forms.CharField(label=_("场所名称"), max_length=120)
    address = forms.CharField(label=_("场所地址"), max_length=200)
    area_m2 = forms.DecimalField(label=_("使用面积（㎡）"), min_value=0, max_digits=10, decimal_places=1)
    applicant = forms.CharField(label=_("申请人（建设或使用单位）"), max_length=120)
    contact_phone = forms.CharField(label=_("联系电话"), max_length=20, required=False)
    path = forms.ChoiceField(label=_("办理方式"), choices=CheckPath.choices, widget=forms.RadioSelect)
    applied_on = _date(_("申请日期"))


class EventApplyForm(_ApplyForm):
    event_name = forms.CharField(label=_("活动名称"), max_length=120)
    venue = forms.CharField(label=_("活动场所"), max_length=200)
    starts_on = forms.DateField(label=_("活动开始日期"), widget=DATE)
    ends_on = forms.DateField(label=_("活动结束日期"), widget=DATE)
    expected_attendance = forms.IntegerField(label=_("预计参加人数"), min_value=1)
    applied_on = _date(_("申请日期"))


class StepForm(forms.Form):
    """A workflow step: the version the user saw plus the step's own fields; ``service_kwargs`` turns the
    yes/no choices into booleans and the participants' lines into a list."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def service_kwargs(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        version = data.pop("version", None)
        for key in ("seal", "passed", "accept"):
            if key in data:
                data[key] = data[key] == "yes"
        if "participants" in data:
            text = data["participants"].replace("、", "\n").replace("，", "\n").replace(",", "\n")
            data["participants"] = [line.strip() for line in text.splitlines() if line.strip()]
        return {**data, "expected_version": version}


def _step(name: str, fields: dict[str, forms.Field]) -> type[StepForm]:
    return type(name, (StepForm,), dict(fields))


def _yes_no(label: Any) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=YES_NO, widget=forms.RadioSelect, initial="yes")


def _text(label: Any, required: bool = True) -> forms.CharField:
    return forms.CharField(label=label, widget=forms.Textarea(attrs={"rows": 3}), required=required)


#: (kind, step) → the form of that step.
STEP_FORMS: dict[tuple[str, str], type[StepForm]] = {
    ("sealing", "decide"): _step("SealingDecideForm", {
        "held_on": _date(_("研究日期")), "seal": _yes_no(_("决定查封")),
        "participants": _text(_("参加人员（每行一人，或以顿号分隔）")), "opinion": _text(_("研究意见")),
    }),
    ("sealing", "serve"): _step("SealingServeForm", {"served_on": _date(_("送达日期"))}),
    ("sealing", "execute"): _step("SealingExecuteForm", {"executed_on": _date(_("实施查封日期"))}),
    ("sealing", "request-lift"): _step("SealingRequestLiftForm", {
        "requested_on": _date(_("申请日期")), "statement": _text(_("整改情况")),
    }),
    ("sealing", "check-lift"): _step("SealingCheckLiftForm", {
        "checked_on": _date(_("检查日期")), "passed": _yes_no(_("火灾隐患已消除")), "notes": _text(_("检查情况")),
    }),
    ("sealing", "lift"): _step("SealingLiftForm", {"lifted_on": _date(_("解除日期"))}),
    ("preopening", "accept"): _step("PreOpeningAcceptForm", {
        "accepted_on": _date(_("受理日期")), "accept": _yes_no(_("予以受理")),
        "reason": _text(_("不予受理理由"), required=False),
    }),
    ("preopening", "decide"): _step("PreOpeningDecideForm", {
        "checked_on": _date(_("检查日期")), "decided_on": _date(_("决定日期")), "passed": _yes_no(_("检查合格")),
        "findings": _text(_("检查情况")),
    }),
    ("event", "accept"): _step("EventAcceptForm", {"accepted_on": _date(_("受理日期"))}),
    ("event", "decide"): _step("EventDecideForm", {
        "checked_on": _date(_("检查日期")), "passed": _yes_no(_("检查合格")), "findings": _text(_("检查情况")),
    }),
}  # fmt: skip
