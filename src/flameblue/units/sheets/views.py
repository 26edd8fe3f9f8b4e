"""Pages for moving units in and out of Excel, and the units' QR codes: the import template, upload, the
import job page (polled by htmx while it runs), applying a clean job, the export of the filtered list, a
unit's QR code image and the printable QR sheets."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View, generic

from flameblue.core.errors import DomainError, PermissionDeniedError
from flameblue.core.http import XLSX_CONTENT_TYPE, attachment_response
from flameblue.core.service_errors import deny
from flameblue.core.views import ScopedDetailView, ScopedMixin, is_htmx
from flameblue.units.filters import UnitFilter
from flameblue.units.models import ImportJobStatus, Unit, UnitImportJob
from flameblue.units.sheets import qr
from flameblue.units.sheets.exporting import export_units, template_bytes
from flameblue.units.sheets.import_jobs import job_apply, job_create, job_retry, mark_stale_jobs
from flameblue.units.sheets.scan import max_rows
from flameblue.units.tasks import apply_import_job, validate_import_job

__all__ = [
    "ImportApplyView",
    "ImportJobView",
    "ImportTemplateView",
    "ImportUploadView",
    "UnitExportView",
    "UnitQRSheetView",
    "UnitQRSheetsView",
    "UnitQRView",
]

#: At most this many QR plates are put on one printable sheet.
QR_SHEET_LIMIT = 200


class ImportTemplateView(ScopedMixin, View):
    model = Unit
    action = "import"

    def get(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        return attachment_response(template_bytes(), "社会单位导入模板.xlsx", XLSX_CONTENT_TYPE)


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("单位信息表（.xlsx）"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
        help_text=gettext_lazy("请使用导入模板填写；表格全部校验通过后才会导入。"),
    )

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.user = user


class ImportUploadView(ScopedMixin, generic.FormView):
    model = Unit
    action = "import"
    form_class = UploadForm
    template_name = "units/import_upload.html"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["jobs"] = UnitImportJob.objects.mine(self.request.user)[:10]
        context["max_rows"] = max_rows()
        return context

    def form_valid(self, form: UploadForm) -> HttpResponse:
        try:
            job = job_create(by=self.request.user, upload=form.cleaned_data["file"])
        except PermissionDeniedError as exc:
            raise deny(self.request, exc.message) from exc
        except DomainError as exc:
            form.add_error("file", exc.message)
            return self.form_invalid(form)
        # Counting, reading and validating happen in the task queue, never in this request.
        validate_import_job(job.pk)
        return HttpResponseRedirect(reverse("units:import-job", kwargs={"pk": job.pk}))


class _JobMixin(ScopedMixin):
    model = Unit
    action = "import"

    def get_job(self) -> UnitImportJob:
        return get_object_or_404(UnitImportJob.objects.mine(self.request.user), pk=self.kwargs["pk"])


class ImportJobView(_JobMixin, View):
    template_name = "units/import_job.html"
    partial_template_name = "units/import_job_status.html"

    def get(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        job = self.get_job()
        mark_stale_jobs(job=job)  # a job whose worker died shows as interrupted, with a way to restart
        if is_htmx(request):
            if not job.is_running:
                # Finished while the page was polling: reload it to show the problems or the import button.
                response = HttpResponse(status=204)
                response["HX-Refresh"] = "true"
                return response
            return render(request, self.partial_template_name, {"job": job})
        return render(request, self.template_name, {"job": job, "errors": job.errors})


class ImportApplyView(_JobMixin, View):
    def post(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        job = self.get_job()
        mark_stale_jobs(job=job)
        status = job.get_status_display()
        try:
            if job.status == ImportJobStatus.INTERRUPTED:
                task = job_retry(job, by=request.user)
            else:
                task = "apply" if job_apply(job, by=request.user) else None
        except PermissionDeniedError as exc:
            raise deny(request, exc.message) from exc
        if task is None:
            messages.warning(request, _("该导入任务当前状态为“%(status)s”，不能导入。") % {"status": status})
        elif task == "validate":
            validate_import_job(job.pk)
        else:
            apply_import_job(job.pk)
        return HttpResponseRedirect(reverse("units:import-job", kwargs={"pk": job.pk}))


class UnitExportView(ScopedMixin, View):
    """The current filtered list (same query as the list page) as the import sheet."""

    model = Unit
    action = "export"

    def get(self, request, *args: Any, **kwargs: Any) -> FileResponse:
        queryset = Unit.objects.visible_to(request.user, "export")
        filterset = UnitFilter(request.GET or None, queryset=queryset, request=request)
        filters = {k: v for k, v in request.GET.items() if v and k != "page"}
        handle, _count = export_units(filterset.qs, by=request.user, filters=filters)
        filename = f"社会单位_{timezone.localtime():%Y%m%d_%H%M}.xlsx"
        return attachment_response(handle, filename, XLSX_CONTENT_TYPE)


class UnitQRView(ScopedDetailView):
    """The unit's QR code as PNG (default) or SVG (``?format=svg``)."""

    model = Unit

    def get(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        unit = self.get_object()
        url = qr.unit_url(request, unit)
        kind = request.GET.get("format", "png")
        if kind == "svg":
            content, content_type = qr.qr_svg(url), "image/svg+xml"
        elif kind == "png":
            content, content_type = qr.qr_png(url), "image/png"
        else:
            raise Http404(_("不支持的格式。"))
        return attachment_response(content, f"unit-{unit.pk}.{kind}", content_type, inline=True)


def _plates(request, units) -> list[dict[str, Any]]:
    plates = []
    for unit in units:
        url = qr.unit_url(request, unit)
        plates.append({"unit": unit, "url": url, "svg": qr.qr_svg_inline(url)})
    return plates


class UnitQRSheetView(ScopedDetailView):
    """A printable A4 sheet with one unit's name, address and QR code."""

    model = Unit
    template_name = "units/qr_sheet.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["plates"] = _plates(self.request, [self.object])
        return context


class UnitQRSheetsView(ScopedMixin, generic.TemplateView):
    """Printable QR plates for the filtered list (same filters as the list page), at most 200 units."""

    model = Unit
    template_name = "units/qr_sheet.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        queryset = Unit.objects.visible_to(self.request.user, "view").select_related("region__parent")
        filterset = UnitFilter(self.request.GET or None, queryset=queryset, request=self.request)
        units = list(filterset.qs[: QR_SHEET_LIMIT + 1])
        context["truncated"] = len(units) > QR_SHEET_LIMIT
        context["plates"] = _plates(self.request, units[:QR_SHEET_LIMIT])
        context["limit"] = QR_SHEET_LIMIT
        return context
