"""Pages of the determination record and listed supervision: the determination form with the engine's live
suggestion (htmx), its detail with the discussion / panel / conclusion forms, the case list, the case detail
with the steps open to the user, the listing document as Word, and a government's supervision page.
Each POST parses a form and calls one service; errors come back on the same page with the input kept."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views import generic

from flameblue.core.errors import DomainError
from flameblue.core.http import DOCX_CONTENT_TYPE, attachment_response
from flameblue.core.scoping import has_action
from flameblue.core.service_errors import run_service
from flameblue.core.views import ScopedDetailView, ScopedListView, ScopedMixin
from flameblue.hazards.models import Hazard, MajorHazardDetermination, SupervisionCase
from flameblue.hazards.supervision import determination as engine
from flameblue.hazards.supervision import determination_services as dets
from flameblue.hazards.supervision import selectors as sel
from flameblue.hazards.supervision import services as sup
from flameblue.hazards.supervision.documents import listing_docx
from flameblue.hazards.supervision.forms import (
    CaseDecideForm,
    CaseDelistForm,
    CasePublicForm,
    CaseReportForm,
    CaseRequestForm,
    ConcludeForm,
    DeterminationForm,
    DiscussionForm,
    PanelForm,
)

# ------------------------------------------------------------------------------------------ determination


class DeterminationCreateView(ScopedMixin, generic.FormView):
    """From a hazard: pick categories and elements from the catalogue; the suggestion updates live."""

    model = MajorHazardDetermination
    action = "add"
    form_class = DeterminationForm
    template_name = "hazards/determination_form.html"

    def dispatch(self, request, *args: Any, **kwargs: Any):
        if request.user.is_authenticated and has_action(request.user, self.model, self.action):
            self.hazard = get_object_or_404(Hazard.objects.visible_to(request.user), pk=kwargs["hazard_pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_initial(self) -> dict[str, Any]:
        found_on = timezone.localtime(self.hazard.found_at).date()
        std = engine.standard_for(found_on)
        initial = {"found_on": found_on, "standard": std.code}
        # A hazard from an inspection carries the checklist's GB 35181-2017 element: shown in the version used.
        element = engine.equivalent(self.hazard.gb35181_element, std) if self.hazard.gb35181_element else ""
        if element:
            initial["elements"] = [element]
        return initial

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["hazard"] = self.hazard
        return context

    def form_valid(self, form: DeterminationForm):
        data = form.cleaned_data
        det, status = run_service(self.request, lambda: dets.determination_create(
            hazard=self.hazard, by=self.request.user, standard=data["standard"], categories=data["categories"],
            elements=data["elements"], corrected_on_spot=data["corrected_on_spot"], exclusions=data["exclusions"],
            found_on=data["found_on"],
        ), form=form)  # fmt: skip
        if status is not None:
            return self.render_to_response(self.get_context_data(form=form), status=status)
        messages.success(self.request, _("判定记录已建立，系统建议已保存。"))
        for warning in det.engine_warnings:
            messages.warning(self.request, warning)
        return HttpResponseRedirect(reverse("hazards:determination-detail", kwargs={"pk": det.pk}))


class DeterminationSuggestView(ScopedMixin, generic.TemplateView):
    """The engine's suggestion for the inputs typed so far (an htmx partial of the determination form)."""

    model = MajorHazardDetermination
    action = "add"
    template_name = "hazards/determination_suggestion.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        get = self.request.GET
        try:
            found_on = parse_date(get.get("found_on", "") or "")
        except ValueError:  # well-formed but impossible, e.g. 2025-02-30
            found_on = None
        try:
            context["result"] = dets.suggestion(
                standard=get.get("standard") or None, categories=get.getlist("categories"),
                elements=get.getlist("elements"), corrected_on_spot=get.getlist("corrected_on_spot"),
                exclusions=get.getlist("exclusions"), found_on=found_on,
            )  # fmt: skip
        except engine.DeterminationError as exc:
            context["error"] = exc.message
        return context


def _category_labels(det: MajorHazardDetermination) -> list[str]:
    """The place categories by their names in the standard (人员密集场所, not ``crowded``)."""
    try:
        names = engine.load_standard(det.standard).categories
    except engine.DeterminationError:
        names = {}
    return [names.get(code, code) for code in det.categories]


class DeterminationDetailView(ScopedDetailView):
    model = MajorHazardDetermination
    template_name = "hazards/determination_detail.html"

    def scoped_queryset(self, action: str = "view"):
        return super().scoped_queryset(action).select_related("hazard__unit", "decided_by")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        det, user = self.object, self.request.user
        open_ = det.decided_at is None and self.scoped_queryset("change").filter(pk=det.pk).exists()
        forms: dict[str, Any] = {}
        if open_:
            forms = {"discussion": DiscussionForm(user=user), "panel": PanelForm(user=user)}
            if det.discussion_at:
                forms["conclude"] = ConcludeForm(user=user)
            for form in forms.values():
                form.initial["version"] = det.version
        forms.update(kwargs.get("bound_forms", {}))
        context.update(
            step_forms=forms,
            category_labels=_category_labels(det),
            result=det.engine_result,
            may_file=det.is_major is not None
            and not SupervisionCase.objects.filter(hazard=det.hazard).exists()
            and has_action(user, SupervisionCase, "add"),
        )
        return context


DETERMINATION_STEPS: dict[str, tuple[type, Callable[..., Any], str]] = {
    "discussion": (
        DiscussionForm,
        lambda det, f, user: dets.determination_record_discussion(
            det=det,
            by=user,
            participants=f.cleaned_participants(),
            minutes=f.cleaned_data["minutes"],
            at=f.cleaned_data["at"],
            expected_version=f.cleaned_data.get("version"),
        ),  # fmt: skip
        gettext_noop("集体讨论已记录。"),
    ),
    "panel": (
        PanelForm,
        lambda det, f, user: dets.determination_record_panel(
            det=det,
            by=user,
            members=f.cleaned_members(),
            heard=f.cleaned_heard(),
            votes_for=f.cleaned_data["votes_for"],
            votes_against=f.cleaned_data["votes_against"],
            expected_version=f.cleaned_data.get("version"),
        ),  # fmt: skip
        gettext_noop("专家组论证已记录。"),
    ),
    "conclude": (
        ConcludeForm,
        lambda det, f, user: dets.determination_conclude(
            det=det,
            by=user,
            is_major=f.cleaned_data["is_major"],
            conclusion=f.cleaned_data["conclusion"],
            reason=f.cleaned_data["reason"],
            proposed_measures=f.cleaned_data["proposed_measures"],
            proposed_deadline=f.cleaned_data["proposed_deadline"],
            expected_version=f.cleaned_data.get("version"),
        ),  # fmt: skip
        gettext_noop("判定结论已保存。"),
    ),
}


class DeterminationStepView(DeterminationDetailView):
    """POST only, one URL per step of the record."""

    http_method_names = ["post"]
    action = "change"
    step = ""

    def post(self, request, *args: Any, **kwargs: Any):
        self.object = self.get_object()
        form_class, call, done = DETERMINATION_STEPS[self.step]
        form = form_class(request.POST, user=request.user)
        status = 400
        if form.is_valid():
            _result, status = run_service(request, lambda: call(self.object, form, request.user), form=form)
            if status is None:
                messages.success(request, _(done))
                return HttpResponseRedirect(
                    reverse("hazards:determination-detail", kwargs={"pk": self.object.pk})
                )
            self.object.refresh_from_db()
        context = self.get_context_data(object=self.object, bound_forms={self.step: form})
        context["failed_step"] = self.step
        return self.render_to_response(context, status=status)


def determination_step_view(step: str):
    return DeterminationStepView.as_view(step=step)


# ------------------------------------------------------------------------------------------- supervision


class SupervisionListView(ScopedListView):
    model = SupervisionCase
    filterset_class = sel.SupervisionCaseFilter
    template_name = "hazards/supervision_list.html"

    def get_queryset(self):
        return super().get_queryset().select_related("hazard__unit", "government", "region__parent")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["today"] = timezone.localdate()
        return context


class SupervisionFileView(ScopedMixin, generic.View):
    """POST: file the hazard as a case (立案)."""

    model = SupervisionCase
    action = "add"
    http_method_names = ["post"]

    def post(self, request, *args: Any, **kwargs: Any):
        hazard = get_object_or_404(Hazard.objects.visible_to(request.user), pk=kwargs["hazard_pk"])
        case, status = run_service(request, lambda: sup.case_file(hazard=hazard, by=request.user))
        if status is not None:
            return HttpResponseRedirect(reverse("hazards:hazard-detail", kwargs={"pk": hazard.pk}))
        messages.success(request, _("已立案：%(number)s") % {"number": case.case_number})
        return HttpResponseRedirect(reverse("hazards:supervision-detail", kwargs={"pk": case.pk}))


class SupervisionDetailView(ScopedDetailView):
    model = SupervisionCase
    template_name = "hazards/supervision_detail.html"

    def scoped_queryset(self, action: str = "view"):
        return super().scoped_queryset(action).select_related("hazard__unit", "government", "decided_by")

    def _forms(self, case: SupervisionCase, steps: list[str]) -> dict[str, Any]:
        user = self.request.user
        forms: dict[str, Any] = {}
        for step in steps:
            if step == "request":
                forms[step] = CaseRequestForm(case=case, user=user)
            elif step == "public":
                forms[step] = CasePublicForm(
                    user=user, initial={"is_public": "yes" if case.is_public else "no"}
                )
            else:
                forms[step] = CASE_STEPS[step][0](user=user)
        return forms

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        case, user = self.object, self.request.user
        steps = sel.available_case_steps(case, user)
        forms = self._forms(case, steps)
        for form in forms.values():
            form.initial["version"] = case.version
        forms.update(kwargs.get("bound_forms", {}))
        today = timezone.localdate()
        context.update(
            timeline=sel.case_timeline(case),
            step_forms=forms,
            determinations=MajorHazardDetermination.objects.visible_to(user).filter(hazard=case.hazard),
            hazard_visible=Hazard.objects.visible_to(user).filter(pk=case.hazard_id).exists(),
            decision_overdue=case.status == "requested" and case.decision_due and case.decision_due < today,
            report_overdue=case.status == "listed" and case.next_report_due and case.next_report_due < today,
        )
        return context


def _decide(case, form, user):
    d = form.cleaned_data
    return sup.case_decide(
        case=case, listed=d["listed"], by=user, document_number=d["document_number"], deadline=d["deadline"],
        report_interval_days=d["report_interval_days"], reason=d["reason"], expected_version=d.get("version"),
    )  # fmt: skip


#: step → (form, service call, action checked on the case before the service, message)
CASE_STEPS: dict[str, tuple[type, Callable[..., Any], str, str]] = {
    "request": (
        CaseRequestForm,
        lambda case, f, user: sup.case_request_listing(
            case=case,
            government=f.cleaned_data["government"],
            by=user,
            expected_version=f.cleaned_data.get("version"),
        ),
        "change",
        gettext_noop("已提请挂牌督办，等待政府决定。"),
    ),
    "decide": (CaseDecideForm, _decide, "decide", gettext_noop("挂牌决定已保存。")),
    "report": (
        CaseReportForm,
        lambda case, f, user: sup.case_report(
            case=case,
            content=f.cleaned_data["content"],
            by=user,
            expected_version=f.cleaned_data.get("version"),
        ),
        "view",
        gettext_noop("督办报告已报送。"),
    ),
    "delist": (
        CaseDelistForm,
        lambda case, f, user: sup.case_delist(
            case=case,
            by=user,
            expected_version=f.cleaned_data.get("version"),
        ),
        "view",
        gettext_noop("已摘牌销案。"),
    ),
    "public": (
        CasePublicForm,
        lambda case, f, user: sup.case_set_public(
            case=case,
            public=f.cleaned_data["is_public"],
            by=user,
            expected_version=f.cleaned_data.get("version"),
        ),
        "change",
        gettext_noop("公开设置已保存。"),
    ),
}


class SupervisionStepView(SupervisionDetailView):
    http_method_names = ["post"]
    step = ""

    def post(self, request, *args: Any, **kwargs: Any):
        self.object = case = self.get_object()
        form_class, call, _action, done = CASE_STEPS[self.step]
        extra = {"case": case} if self.step == "request" else {}
        form = form_class(request.POST, user=request.user, **extra)
        status = 400
        if form.is_valid():
            result, status = run_service(request, lambda: call(case, form, request.user), form=form)
            if status is None:
                messages.success(request, _(done))
                warning = getattr(result, "due_warning", None)
                if warning:
                    messages.warning(request, warning)
                if getattr(result, "decided_late", False):
                    messages.warning(
                        request, _("本决定已超过7个工作日的决定期限，已记录为逾期并通知政府领导。")
                    )
                return HttpResponseRedirect(reverse("hazards:supervision-detail", kwargs={"pk": case.pk}))
            self.object.refresh_from_db()
        context = self.get_context_data(object=self.object, bound_forms={self.step: form})
        context["failed_step"] = self.step
        return self.render_to_response(context, status=status)


def case_step_view(step: str):
    return SupervisionStepView.as_view(step=step, action=CASE_STEPS[step][2])


class SupervisionDocxView(SupervisionDetailView):
    """The listing document (挂牌督办通知书) as Word; audited as an export."""

    def get(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        case = self.get_object()
        try:
            data = listing_docx(case, by=request.user)
        except DomainError as exc:  # the case is not listed yet: there is no document to show
            raise Http404(exc.message) from exc
        return attachment_response(data, f"挂牌督办通知书-{case.case_number}.docx", DOCX_CONTENT_TYPE)


class GovernmentSupervisionView(ScopedMixin, generic.TemplateView):
    """A government's page: what it supervises (its own and its subordinate governments' cases)."""

    model = SupervisionCase
    template_name = "hazards/supervision_government.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(sel.government_cases(self.request.user))
        context["today"] = timezone.localdate()
        return context
