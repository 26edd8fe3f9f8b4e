"""The 年度工作总结 pages: the list, starting a summary, reading a version (each number links to the records
behind it, numbers that moved at the last refresh are marked), editing the text, refreshing the figures,
downloading Word/Markdown/JSON, and editing the prose templates."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views import generic

from flameblue.core.figures import figure, figures
from flameblue.core.http import attachment_response
from flameblue.core.scoping import may
from flameblue.core.service_errors import refused, run_service
from flameblue.core.views import ScopedDetailView, ScopedListView, ScopedMixin, ScopedObjectMixin
from flameblue.reports.models import AnnualReport, ProseTemplate
from flameblue.reports.summary import services
from flameblue.reports.summary.forms import AnnualReportCreateForm, AnnualReportEditForm, ProseTemplateForm
from flameblue.reports.summary.output import FORMATS, Summary, filename, render, summary_of
from flameblue.reports.summary.prose import BUILTIN
from flameblue.reports.summary.tokens import TOKEN

__all__ = [
    "AnnualReportCreateView",
    "AnnualReportDetailView",
    "AnnualReportEditView",
    "AnnualReportExportView",
    "AnnualReportListView",
    "AnnualReportRefreshView",
    "ProseTemplateView",
]

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "json": "application/json; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
}


def html_text(summary: Summary, text: str) -> str:
    """Escaped text with each figure placeholder as a link to its records; a number that changed at the
    last refresh is marked and says what it was."""
    parts: list[str] = []
    last = 0
    for match in TOKEN.finditer(text):
        parts.append(escape(text[last : match.start()]))
        code = match.group(1)
        value = summary.figures.get(code, "0")
        try:
            fig = figure(code)
            title = f"{fig.label}：{fig.definition}"
        except KeyError:  # a figure no longer registered: the stored value, without its definition
            title = code
        changed = summary.changed.get(code)
        if changed:
            parts.append(format_html(
                '<a class="figure figure-changed" data-figure="{}" href="{}" title="{}"><mark>{}</mark></a>'
                '<small class="text-danger figure-was">（{}）</small>',
                code, summary.records_url(code), title, value,
                _("上一版为 %(old)s") % {"old": changed[0] if changed[0] is not None else "—"},
            ))  # fmt: skip
        else:
            parts.append(format_html('<a class="figure" data-figure="{}" href="{}" title="{}">{}</a>',
                                     code, summary.records_url(code), title, value))  # fmt: skip
        last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece above is escaped or format_html


def html_blocks(summary: Summary) -> list[dict[str, Any]]:
    return [
        {"level": b["level"], "key": b["key"], "heading": html_text(summary, b.get("heading", "")),
         "paragraphs": [html_text(summary, line.strip()) for line in b.get("text", "").splitlines() if line.strip()]}
        for b in summary.blocks
    ]  # fmt: skip


class _InvalidIs400:
    """A refused form answers 400, like a refused service call, with everything typed still in it."""

    def form_invalid(self, form):
        return refused(super().form_invalid(form), 400)


class AnnualReportListView(ScopedListView):
    model = AnnualReport
    template_name = "reports/annual/list.html"

    def get_queryset(self):
        return super().get_queryset().select_related("organization", "region", "updated_by")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["may_add"] = may(self.request.user, "reports.annualreport.add")
        context["may_edit_templates"] = may(self.request.user, "reports.prosetemplate.add")
        return context


class AnnualReportCreateView(_InvalidIs400, ScopedMixin, generic.FormView):
    model = AnnualReport
    action = "add"
    form_class = AnnualReportCreateForm
    template_name = "reports/annual/create.html"

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"user": self.request.user}

    def form_valid(self, form):
        data = form.cleaned_data
        report, status = run_service(
            self.request,
            lambda: services.create_report(
                by=self.request.user, organization=data["organization"], year=data["year"]
            ),
            form=form,
        )
        if status is not None:
            return refused(self.form_invalid(form), status)
        messages.success(self.request, _("已按记录生成初稿（第1版）。"))
        return HttpResponseRedirect(report.get_absolute_url())


class _VersionMixin:
    def version_of(self, report: AnnualReport):
        number = self.request.GET.get("version")
        versions = report.versions.all()
        if number:
            if not number.isdigit():
                raise Http404
            return get_object_or_404(versions, number=int(number))
        return versions.order_by("-number").first()


class AnnualReportDetailView(_VersionMixin, ScopedDetailView):
    model = AnnualReport
    template_name = "reports/annual/detail.html"

    def get_queryset(self):
        return self.scoped_queryset("view").select_related("organization", "region")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        version = self.version_of(self.object)
        summary = summary_of(version)
        latest_number = self.object.versions.order_by("-number").values_list("number", flat=True).first()
        context.update(
            version=version, summary=summary, blocks=html_blocks(summary), is_latest=version.number == latest_number,
            versions=self.object.versions.select_related("created_by").order_by("-number"),
            changed=[(figure_label(code), old, new) for code, (old, new) in (version.changed or {}).items()],
            may_change=may(self.request.user, "reports.annualreport.change", self.object),
            formats=FORMATS,
        )  # fmt: skip
        return context


def figure_label(code: str) -> str:
    try:
        fig = figure(code)
    except KeyError:
        return code
    return f"{fig.label}（{fig.unit}）"


class AnnualReportEditView(_InvalidIs400, ScopedObjectMixin, generic.FormView):
    model = AnnualReport
    action = "change"
    form_class = AnnualReportEditForm
    template_name = "reports/annual/edit.html"

    def get_form(self, form_class=None):
        self.object = self.get_object()  # after the permission check of dispatch
        return super().get_form(form_class)

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"version": self.object.latest}

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"object": self.object,
                                                       "figures": figures()}  # fmt: skip

    def form_valid(self, form):
        data = form.cleaned_data
        version, status = run_service(
            self.request,
            lambda: services.save_edit(
                self.object,
                by=self.request.user,
                title=data["title"],
                blocks=form.blocks(),
                expected_version=data["expected_version"],
                note=data.get("note", ""),
            ),  # fmt: skip
            form=form,
        )
        if status is not None:
            return refused(self.form_invalid(form), status)
        messages.success(self.request, _("已保存为第%(number)d版。") % {"number": version.number})
        return HttpResponseRedirect(self.object.get_absolute_url())


class AnnualReportRefreshView(ScopedObjectMixin, generic.View):
    """POST: take today's figures under the latest text."""

    model = AnnualReport
    action = "change"

    def post(self, request, *args, **kwargs):
        report = self.get_object()
        expected = request.POST.get("expected_version")
        version, status = run_service(
            request,
            lambda: services.refresh_figures(
                report,
                by=request.user,
                expected_version=int(expected) if (expected or "").isdigit() else None,
            ),
        )
        if status is None:
            if version.changed:
                messages.success(request, _("数据已刷新（第%(number)d版）：%(count)d 项数字有变化，已在正文中标出。")
                                 % {"number": version.number, "count": len(version.changed)})  # fmt: skip
            else:
                messages.info(
                    request, _("数据已刷新（第%(number)d版）：数字没有变化。") % {"number": version.number}
                )
        return HttpResponseRedirect(report.get_absolute_url())


class AnnualReportExportView(_VersionMixin, ScopedObjectMixin, generic.View):
    model = AnnualReport

    def get(self, request, *args, **kwargs):
        report = self.get_object()
        fmt = request.GET.get("as", "docx")
        if fmt not in FORMATS:
            raise Http404
        summary = summary_of(self.version_of(report))
        return attachment_response(render(summary, fmt), filename(summary, fmt), CONTENT_TYPES[fmt])


class ProseTemplateView(_InvalidIs400, ScopedMixin, generic.FormView):
    """The prose templates in use, editable by whoever may change them; saving keeps every earlier edit."""

    model = ProseTemplate
    action = "add"
    form_class = ProseTemplateForm
    template_name = "reports/annual/templates.html"

    def get_initial(self):
        saved = ProseTemplate.objects.filter(is_active=True).order_by("-number").first()
        return {"text": saved.text if saved else BUILTIN.read_text(encoding="utf-8")}

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {
            "history": ProseTemplate.objects.select_related("created_by").order_by("-number")[:20],
            "figures": figures(),
        }

    def post(self, request, *args, **kwargs):
        if request.POST.get("restore") == "builtin":
            run_service(request, lambda: services.restore_builtin_templates(by=request.user))
            messages.success(request, _("已恢复使用内置文稿模板。"))
            return HttpResponseRedirect(reverse("reports:annual-templates"))
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        saved, status = run_service(
            self.request,
            lambda: services.save_templates(by=self.request.user, text=form.cleaned_data["text"]),
            form=form,
        )
        if status is not None:
            return refused(self.form_invalid(form), status)
        messages.success(
            self.request,
            _("文稿模板已保存（%(version)s），新生成的初稿将使用它。") % {"version": saved.template_version},
        )
        return HttpResponseRedirect(reverse("reports:annual-templates"))
