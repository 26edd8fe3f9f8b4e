"""Forms of the determination record and listed supervision. They parse input only; the services in
``determination_services`` and ``services`` decide. Lists of people are typed one per line
(“姓名，职务” / “姓名，单位”), which is how the paper records are written."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from flameblue.hazards.models import SupervisionCase
from flameblue.hazards.supervision import determination as engine
from flameblue.hazards.supervision.determination_services import catalogue, loaded_standards
from flameblue.org.models import Organization

__all__ = [
    "CaseDecideForm",
    "CaseDelistForm",
    "CasePublicForm",
    "CaseReportForm",
    "CaseRequestForm",
    "ConcludeForm",
    "DeterminationForm",
    "DiscussionForm",
    "PanelForm",
    "parse_people",
]

SEPARATORS = re.compile(r"\s*[,，、/|\t]\s*")
YES = {"是", "有", "y", "yes", "1", "利害关系人", "有利害关系"}


def parse_people(text: str, keys: tuple[str, ...]) -> list[dict[str, Any]]:
    """One person per line, fields separated by a comma (，or ,), 、, / or a tab, in the order of ``keys``;
    a key named ``interested`` reads 是/否."""
    rows = []
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        parts = SEPARATORS.split(line.strip())
        row: dict[str, Any] = {}
        for i, key in enumerate(keys):
            value = parts[i].strip() if i < len(parts) else ""
            row[key] = value.lower() in YES if key == "interested" else value
        rows.append(row)
    return rows


class _UserForm(forms.Form):
    #: The version of the record the page showed: a colleague's change in between is refused (409).
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)


# ------------------------------------------------------------------------------------------ determination


class DeterminationForm(_UserForm):
    """The inputs of a determination: standard, place categories, elements picked from the rule-set
    catalogue (grouped by chapter in the template), elements corrected on the spot, exclusions, the date."""

    standard = forms.ChoiceField(label=gettext_lazy("判定标准"))
    categories = forms.MultipleChoiceField(
        label=gettext_lazy("场所类别"), widget=forms.CheckboxSelectMultiple, required=False
    )
    elements = forms.MultipleChoiceField(label=gettext_lazy("判定要素"), widget=forms.CheckboxSelectMultiple)
    corrected_on_spot = forms.MultipleChoiceField(
        label=gettext_lazy("其中当场改正的要素"), widget=forms.CheckboxSelectMultiple, required=False
    )
    exclusions = forms.MultipleChoiceField(
        label=gettext_lazy("排除情形（2017版5.1.3 / 2025版4.2）"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    found_on = forms.DateField(
        label=gettext_lazy("发现日期"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        codes = loaded_standards()
        self.fields["standard"].choices = [(c, c) for c in codes]
        # Unbound: the version in force on the finding's date (the view puts it in initial); else the newest.
        fallback = self.initial.get("standard") or (codes[-1] if codes else "")
        chosen = (self.data.get("standard") if self.is_bound else None) or fallback
        if chosen not in codes:
            chosen = fallback if fallback in codes else (codes[-1] if codes else "")
        self.standard_code = chosen
        std = engine.load_standard(chosen) if chosen else None
        self.groups = catalogue(chosen) if chosen else []
        clauses = [(e.clause, f"{e.clause} {e.text}") for g in self.groups for e in g["elements"]]
        self.fields["elements"].choices = clauses
        self.fields["corrected_on_spot"].choices = clauses
        self.fields["categories"].choices = list(std.categories.items()) if std else []
        if std:
            raw = {k: v for k, v in std.exclusions.items()}
            self.fields["exclusions"].choices = [(k, f"{v}") for k, v in raw.items()]


class DiscussionForm(_UserForm):
    participants = forms.CharField(
        label=gettext_lazy("参加人（每行一人：姓名，职务）"), widget=forms.Textarea(attrs={"rows": 4})
    )
    minutes = forms.CharField(label=gettext_lazy("讨论纪要"), widget=forms.Textarea(attrs={"rows": 4}))
    at = forms.DateTimeField(
        label=gettext_lazy("讨论时间"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )

    def cleaned_participants(self) -> list[dict[str, Any]]:
        return parse_people(self.cleaned_data["participants"], ("name", "role"))


class PanelForm(_UserForm):
    members = forms.CharField(
        label=gettext_lazy("专家组成员（每行一人：姓名，单位，是否利害关系人）"),
        widget=forms.Textarea(attrs={"rows": 7}),
    )
    heard = forms.CharField(
        label=gettext_lazy("列席陈述的利害关系人（每行一人：姓名，单位）"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    votes_for = forms.IntegerField(label=gettext_lazy("同意票"), min_value=0)
    votes_against = forms.IntegerField(label=gettext_lazy("反对票"), min_value=0)

    def cleaned_members(self) -> list[dict[str, Any]]:
        return parse_people(self.cleaned_data["members"], ("name", "organisation", "interested"))

    def cleaned_heard(self) -> list[dict[str, Any]]:
        return parse_people(self.cleaned_data["heard"], ("name", "organisation"))


class ConcludeForm(_UserForm):
    is_major = forms.TypedChoiceField(
        label=gettext_lazy("结论"),
        choices=[("yes", gettext_lazy("构成重大火灾隐患")), ("no", gettext_lazy("不构成重大火灾隐患"))],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
    conclusion = forms.CharField(label=gettext_lazy("结论说明"), widget=forms.Textarea(attrs={"rows": 3}))
    reason = forms.CharField(
        label=gettext_lazy("与系统建议不一致的理由"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    proposed_measures = forms.CharField(
        label=gettext_lazy("整改措施建议"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    proposed_deadline = forms.DateField(
        label=gettext_lazy("建议整改期限"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


# ------------------------------------------------------------------------------------------- supervision


class CaseRequestForm(_UserForm):
    government = forms.ModelChoiceField(
        label=gettext_lazy("提请挂牌的政府"), queryset=Organization.objects.none()
    )

    def __init__(self, *args: Any, case: SupervisionCase, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from flameblue.hazards.supervision.services import eligible_governments

        self.fields["government"].queryset = eligible_governments(case)


class CaseDecideForm(_UserForm):
    listed = forms.TypedChoiceField(
        label=gettext_lazy("决定"),
        choices=[("yes", gettext_lazy("挂牌督办")), ("no", gettext_lazy("不予挂牌"))],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
    document_number = forms.CharField(label=gettext_lazy("挂牌督办文号"), required=False, max_length=80)
    deadline = forms.DateField(
        label=gettext_lazy("督办整改期限"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    report_interval_days = forms.IntegerField(
        label=gettext_lazy("督办报告周期（天）"), required=False, min_value=1, max_value=365
    )
    reason = forms.CharField(
        label=gettext_lazy("说明"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class CaseReportForm(_UserForm):
    content = forms.CharField(label=gettext_lazy("整改进展"), widget=forms.Textarea(attrs={"rows": 3}))


class CaseDelistForm(_UserForm):
    confirm = forms.BooleanField(label=gettext_lazy("隐患已经复查合格，确认摘牌销案"))


class CasePublicForm(_UserForm):
    is_public = forms.TypedChoiceField(
        label=gettext_lazy("向社会公布"),
        choices=[("yes", gettext_lazy("公布")), ("no", gettext_lazy("不公布"))],
        coerce=lambda v: v == "yes",
    )
