"""Forms of the annual summary pages: start a summary, edit its text, edit the prose templates."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from flameblue.reports.models import AnnualReportVersion
from flameblue.reports.summary.prose import parse_templates
from flameblue.reports.summary.services import reporting_organizations
from flameblue.reports.summary.tokens import check_known

__all__ = ["AnnualReportCreateForm", "AnnualReportEditForm", "ProseTemplateForm"]


class AnnualReportCreateForm(forms.Form):
    organization = forms.ModelChoiceField(label=_("单位"), queryset=None, empty_label=None)
    year = forms.IntegerField(label=_("年度"), min_value=2000)

    def __init__(self, *args, user: Any, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = reporting_organizations(user)
        self.fields["organization"].help_text = _("可为本辖区的支队、大队、人民政府或消防安全委员会撰写。")
        self.fields["year"].initial = timezone.localdate().year - 1
        self.fields["year"].max_value = timezone.localdate().year
        self.fields["year"].widget.attrs["max"] = timezone.localdate().year


class AnnualReportEditForm(forms.Form):
    """The title and, for each block of the latest version, its heading and text. Figure placeholders
    (``{hazards.found}``) are kept as typed; a placeholder naming no figure is refused at its block."""

    title = forms.CharField(label=_("标题"), max_length=200)
    expected_version = forms.IntegerField(widget=forms.HiddenInput)
    note = forms.CharField(label=_("本次修改说明"), max_length=200, required=False)

    def __init__(self, *args, version: AnnualReportVersion, **kwargs):
        super().__init__(*args, **kwargs)
        self.version = version
        self.fields["title"].initial = version.report.title
        self.fields["expected_version"].initial = version.report.version
        self.block_fields: list[tuple[dict[str, Any], str | None, str]] = []
        for block in version.blocks:
            key = block["key"]
            heading_name = None
            if block["level"] > 0:
                heading_name = f"heading_{key}"
                self.fields[heading_name] = forms.CharField(
                    label=_("标题"), max_length=200, required=False, initial=block.get("heading", "")
                )
            text_name = f"text_{key}"
            self.fields[text_name] = forms.CharField(
                label=block.get("heading") or _("开头段"),
                required=False,
                initial=block.get("text", ""),
                widget=forms.Textarea(attrs={"rows": 6 if block.get("text") else 2}),
            )
            self.block_fields.append((block, heading_name, text_name))

    def blocks(self) -> list[dict[str, str]]:
        data = self.cleaned_data
        return [
            {
                "key": block["key"],
                "heading": data.get(heading) or "" if heading else block.get("heading", ""),
                "text": data.get(text) or "",
            }  # fmt: skip
            for block, heading, text in self.block_fields
        ]

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            for key, messages in check_known(self.blocks()).items():
                self.add_error(f"text_{key}", messages)
        return cleaned

    def rows(self):
        """(heading field or None, text field) per block, for the template."""
        return [
            (self[heading] if heading else None, self[text], block)
            for block, heading, text in self.block_fields
        ]


class ProseTemplateForm(forms.Form):
    text = forms.CharField(label=_("文稿模板（YAML + Jinja）"), widget=forms.Textarea(attrs={"rows": 30}))

    def clean_text(self) -> str:
        text = self.cleaned_data["text"]
        try:
            self.templates = parse_templates(text)
        except ValidationError as exc:
            raise ValidationError(exc.message_dict.get("text", exc.messages)) from exc
        return text
