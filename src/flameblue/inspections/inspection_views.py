"""Inspection pages: the list, one inspection with its Word record, starting one, the mobile form of a draft
and the endpoints it autosaves answers and photos to, and submitting it."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView

from flameblue.core.errors import DomainError, OutOfScope, PermissionDeniedError
from flameblue.core.http import DOCX_CONTENT_TYPE, attachment_response
from flameblue.core.scoping import has_action
from flameblue.core.service_errors import apply_form_errors, run_service_json
from flameblue.core.views import (
    ScopedDetailView,
    ScopedListView,
    ScopedMixin,
    ScopedObjectMixin,
    deny,
)
from flameblue.inspections.filters import InspectionFilterSet
from flameblue.inspections.forms import AnswerForm, InspectionStartForm, InspectionSubmitForm
from flameblue.inspections.models import Inspection, InspectionAnswer
from flameblue.inspections.selectors import answer_photos, inspection_sections, inspections_for
from flameblue.inspections.services import (
    answer_photo_add,
    answer_save,
    inspection_record_docx,
    inspection_start,
    inspection_submit,
)

__all__ = [
    "InspectionAnswerView",
    "InspectionDetailView",
    "InspectionDocxView",
    "InspectionFormView",
    "InspectionListView",
    "InspectionPhotoView",
    "InspectionStartView",
    "InspectionSubmitView",
    "answer_json",
]


def answer_json(answer: InspectionAnswer, photos: list[Any] | None = None) -> dict[str, Any]:
    """The saved state of one answer, as the form script and API clients receive it."""
    return {
        "item": answer.item_id,
        "result": answer.result,
        "note": answer.note,
        "location": answer.location,
        "corrected_on_spot": answer.corrected_on_spot,
        "measurement_values": answer.measurement_values or {},
        "measurement_met": answer.measurement_met,
        "answered_at": timezone.localtime(answer.answered_at).isoformat(),
        "stale": bool(getattr(answer, "stale", False)),
        "photos": [
            {"id": p.pk, "url": reverse("core:file-download", kwargs={"pk": p.pk}), "name": p.original_name}
            for p in (photos or [])
        ],
    }


def _hazard_url(pk: int | None) -> str:
    """The hazard's page, once the hazards app has pages (its URLs may not exist yet)."""
    if pk is None:
        return ""
    try:
        return reverse("hazards:hazard-detail", kwargs={"pk": pk})
    except NoReverseMatch:
        return ""


class InspectionListView(ScopedListView):
    model = Inspection
    filterset_class = InspectionFilterSet
    template_name = "inspections/inspection_list.html"
    partial_template_name = "inspections/_inspection_table.html"

    def scoped_queryset(self, action: str = "view"):
        return inspections_for(self.request.user, action)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["can_add"] = has_action(self.request.user, Inspection, "add")
        return context


class InspectionDetailView(ScopedDetailView):
    model = Inspection
    template_name = "inspections/inspection_detail.html"

    def scoped_queryset(self, action: str = "view"):
        return inspections_for(self.request.user, action).select_related("checklist")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        from flameblue.core.notify_models import StoredFile

        context = super().get_context_data(**kwargs)
        inspection = self.object
        context["sections"] = inspection_sections(inspection)
        context["findings"] = findings = list(inspection.findings.select_related("answer__item"))
        for finding in findings:
            finding.hazard_url = _hazard_url(finding.hazard_id)
        context["signatures"] = StoredFile.objects.filter(
            owner_type="inspections.inspection", owner_id=str(inspection.pk)
        ).order_by("purpose", "id")
        context["can_edit"] = (
            inspection.status == "draft" and self.scoped_queryset("change").filter(pk=inspection.pk).exists()
        )
        return context


class InspectionDocxView(ScopedObjectMixin, View):
    """GET: the signed inspection record as Word (audited as an export)."""

    model = Inspection

    def get(self, request, pk: int):
        inspection = self.get_object()
        try:
            data = inspection_record_docx(inspection, by=request.user)
        except DomainError as exc:
            messages.error(request, exc.message)
            return HttpResponseRedirect(reverse("inspections:inspection-detail", kwargs={"pk": pk}))
        return attachment_response(data, f"inspection-{inspection.pk}.docx", DOCX_CONTENT_TYPE)


class InspectionStartView(ScopedMixin, FormView):
    """Choose the kind and the unit; ``?kind=`` and ``?unit=`` preselect them (e.g. from a unit's page)."""

    model = Inspection
    action = "add"
    form_class = InspectionStartForm
    template_name = "inspections/inspection_new.html"

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        return kwargs

    def get_initial(self) -> dict[str, Any]:
        return {k: self.request.GET[k] for k in ("kind", "unit") if self.request.GET.get(k)}

    def form_valid(self, form):
        try:
            inspection = inspection_start(
                kind=form.cleaned_data["kind"],
                unit=form.cleaned_data["unit"],
                by=self.request.user,
                client_uuid=form.cleaned_data.get("client_uuid"),
            )
        except OutOfScope as exc:
            raise Http404(exc.message) from exc
        except PermissionDeniedError as exc:
            form.add_error(None, exc.message)
            return self.form_invalid(form)
        except (ValidationError, DomainError) as exc:
            apply_form_errors(form, exc)
            return self.form_invalid(form)
        return HttpResponseRedirect(reverse("inspections:inspection-form", kwargs={"pk": inspection.pk}))


class _DraftMixin(ScopedObjectMixin):
    model = Inspection
    action = "change"


class InspectionFormView(_DraftMixin, View):
    """The mobile form of a draft (a submitted inspection redirects to its page)."""

    def get(self, request, pk: int):
        inspection = self.get_object()
        if inspection.status != "draft":
            return HttpResponseRedirect(reverse("inspections:inspection-detail", kwargs={"pk": pk}))
        form = InspectionSubmitForm(initial=self.submit_initial(inspection), inspection=inspection)
        return self.render_form(inspection, form)

    def submit_initial(self, inspection: Inspection) -> dict[str, Any]:
        user = self.request.user
        name = user.person.name if getattr(user, "person_id", None) else user.get_username()
        return {"inspector_name": name, "expected_version": inspection.version}

    def render_form(self, inspection: Inspection, form: InspectionSubmitForm, status: int = 200):
        sections = inspection_sections(inspection)
        answers = [item.answer for section in sections for item in section.items if item.answer]
        photos = answer_photos(answers)
        draft = {str(a.item_id): answer_json(a, photos.get(a.pk)) for a in answers}
        total = sum(len(s.items) for s in sections)
        context = {
            "inspection": inspection, "object": inspection, "sections": sections, "draft": draft,
            "total": total, "submit_form": form,
        }  # fmt: skip
        return render(self.request, "inspections/inspection_form.html", context, status=status)


class InspectionAnswerView(_DraftMixin, View):
    """POST one answer; answers JSON with the saved state (400 with named errors, 409 when submitted)."""

    http_method_names = ["post"]

    def post(self, request, pk: int):
        inspection = self.get_object()
        form = AnswerForm(request.POST)
        if not form.is_valid():
            errors = {
                field: [e["message"] for e in found] for field, found in form.errors.get_json_data().items()
            }
            return JsonResponse({"errors": errors}, status=400)
        item = inspection.checklist.items.filter(pk=form.cleaned_data["item"]).first()
        if item is None:
            return JsonResponse({"errors": {"item": [_("检查项不属于本次检查使用的检查表。")]}}, status=400)
        answer, refused = run_service_json(request, lambda: answer_save(
            inspection=inspection, item=item, result=form.cleaned_data["result"], by=request.user,
            note=form.cleaned_data["note"], location=form.cleaned_data["location"],
            corrected_on_spot=form.cleaned_data["corrected_on_spot"], measurement_values=form.measurement_values(),
            answered_at=form.cleaned_data["answered_at"] or None,
        ))  # fmt: skip
        if refused is not None:
            return refused
        return JsonResponse(answer_json(answer, answer_photos([answer])[answer.pk]))


class InspectionPhotoView(_DraftMixin, View):
    """POST a photo for an answered item (multipart: ``item``, ``photo``)."""

    http_method_names = ["post"]

    def post(self, request, pk: int):
        inspection = self.get_object()
        answer = InspectionAnswer.objects.filter(
            inspection=inspection, item_id=request.POST.get("item") or 0
        ).first()
        if answer is None:
            return JsonResponse({"errors": {"item": [_("请先选择该项的检查结果，再上传照片。")]}}, status=400)
        upload = request.FILES.get("photo")
        if upload is None:
            return JsonResponse({"errors": {"photo": [_("请选择要上传的照片。")]}}, status=400)
        _photo, refused = run_service_json(
            request, lambda: answer_photo_add(answer=answer, upload=upload, by=request.user)
        )
        if refused is not None:
            return refused
        return JsonResponse(answer_json(answer, answer_photos([answer])[answer.pk]))


class InspectionSubmitView(InspectionFormView):
    """POST the signatures; a second submit of the same inspection lands on the same record."""

    http_method_names = ["post"]

    def post(self, request, pk: int):
        inspection = self.get_object()
        form = InspectionSubmitForm(request.POST, inspection=inspection)
        form.is_valid()
        data = form.cleaned_data
        try:
            inspection = inspection_submit(
                inspection=inspection, by=request.user, inspector_name=data.get("inspector_name", ""),
                unit_representative_name=data.get("unit_representative_name", ""),
                co_inspector_people=data.get("co_inspector_people") or [], summary=data.get("summary", ""),
                inspector_signature=data.get("inspector_signature") or None,
                unit_signature=data.get("unit_signature") or None, expected_version=data.get("expected_version"),
            )  # fmt: skip
        except PermissionDeniedError as exc:
            raise deny(request, exc.message) from exc
        except (ValidationError, DomainError) as exc:
            apply_form_errors(form, exc)
            if isinstance(exc, ValidationError) and "answers" in getattr(exc, "message_dict", {}):
                for message in exc.message_dict["answers"]:
                    form.add_error(None, message)
            return self.render_form(inspection, form, status=400)
        count = inspection.findings.count()
        messages.success(
            request, _("检查已提交，发现问题 %(n)d 项。") % {"n": count} if count else _("检查已提交。")
        )
        return HttpResponseRedirect(reverse("inspections:inspection-detail", kwargs={"pk": inspection.pk}))
