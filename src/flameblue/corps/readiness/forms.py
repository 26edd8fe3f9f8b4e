"""The readiness check form: one answer per item of the chosen checklist version and, for each item
answered 不符合, the problem and its corrective action; one owner and deadline for the check's findings
(the station by default)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from flameblue.core.scoping import within_scopes
from flameblue.corps.incidents.forms import owner_choices
from flameblue.corps.readiness.choices import Answer
from flameblue.corps.readiness.models import ReadinessCheck, ReadinessChecklist, ReadinessFinding
from flameblue.org.choices import OrgKind
from flameblue.org.models import Organization

__all__ = ["CheckForm"]

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class NameChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.name


class CheckForm(forms.Form):
    station = NameChoiceField(label=_("受检单位"), queryset=Organization.objects.none())
    checked_on = forms.DateField(label=_("检查日期"), widget=DATE)
    inspectors = forms.CharField(label=_("检查人员"), max_length=200)
    owner = NameChoiceField(label=_("整改责任单位"), queryset=Organization.objects.none(), required=False,
                            help_text=_("留空则为受检单位。"))  # fmt: skip
    due_on = forms.DateField(label=_("整改期限"), widget=DATE, required=False)
    summary = forms.CharField(label=_("检查小结"), widget=forms.Textarea(attrs={"rows": 2}), required=False,
                              max_length=2000)  # fmt: skip

    def __init__(self, *args: Any, checklist: ReadinessChecklist, user: Any = None, **kwargs: Any):
        kwargs.pop("instance", None)
        super().__init__(*args, **kwargs)
        self.checklist = checklist
        self.fields["station"].queryset = within_scopes(
            Organization.objects.filter(kind__in=(OrgKind.STATION, OrgKind.FULLTIME_BRIGADE), is_active=True),
            user, ReadinessCheck, "add",
        ).order_by("region_id", "name")  # fmt: skip
        self.fields["owner"].queryset = owner_choices(user, ReadinessFinding)
        for item in checklist.items:
            code = item["code"]
            self.fields[f"answer_{code}"] = forms.ChoiceField(
                label=f"{item['section']}：{item['text']}", choices=Answer.choices, initial=Answer.PASS,
                widget=forms.RadioSelect(attrs={"class": "form-check-inline"}),
            )  # fmt: skip
            self.fields[f"problem_{code}"] = forms.CharField(
                label=_("存在问题"), required=False, max_length=2000
            )
            self.fields[f"task_{code}"] = forms.CharField(
                label=_("整改措施"), required=False, max_length=2000
            )

    def head_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in ("station", "checked_on", "inspectors", "owner", "due_on")]

    def item_rows(self) -> list[dict[str, Any]]:
        return [{"item": item, "answer": self[f"answer_{item['code']}"], "problem": self[f"problem_{item['code']}"],
                 "task": self[f"task_{item['code']}"]} for item in self.checklist.items]  # fmt: skip

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        for item in self.checklist.items:
            code = item["code"]
            if data.get(f"answer_{code}") == Answer.FAIL:
                for part, message in (("problem", _("请填写存在的问题。")), ("task", _("请填写整改措施。"))):
                    if not (data.get(f"{part}_{code}") or "").strip():
                        self.add_error(f"{part}_{code}", message)
                if not data.get("due_on"):
                    self.add_error("due_on", _("有不符合项时请填写整改期限。"))
        return data

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        owner = data.get("owner") or data["station"]
        answers = {i["code"]: data[f"answer_{i['code']}"] for i in self.checklist.items}
        findings = [
            {"item_code": code, "problem": data[f"problem_{code}"], "task": data[f"task_{code}"], "owner": owner,
             "due_on": data["due_on"]}
            for code, answer in answers.items() if answer == Answer.FAIL
        ]  # fmt: skip
        return {"checklist": self.checklist, "station": data["station"], "checked_on": data["checked_on"],
                "inspectors": data["inspectors"], "answers": answers, "summary": data.get("summary", ""),
                "findings": findings}  # fmt: skip
