"""Pages of the annual assessment: the list of assessed organizations' entries (each sees its own), opening
an assessment, the organizer's page (ranking, start review, publish, Excel), an entry's items, and one
item's page where the assessed fill it in and the team reviews it. Reads go through ``visible_to``; writes
through one service each, refusals back on the form or in the page messages."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import generic

from flameblue.core import audit
from flameblue.core.exports import xlsx_response
from flameblue.core.http import DOCX_CONTENT_TYPE, attachment_response
from flameblue.core.scoping import has_action
from flameblue.core.service_errors import run_service
from flameblue.core.views import ScopedCreateView, ScopedDetailView, ScopedListView, ScopedObjectMixin
from flameblue.governance.assessment import services
from flameblue.governance.assessment.documents import results_docx
from flameblue.governance.assessment.forms import (
    AssessmentOpenForm,
    EntryReturnForm,
    ItemReviewForm,
    SelfAssessForm,
)
from flameblue.governance.assessment.indicators import records_behind
from flameblue.governance.assessment.models import Assessment, AssessmentEntry, ItemScore
from flameblue.governance.choices import AssessmentStatus, EntryStatus

__all__ = [
    "AssessmentCreateView",
    "AssessmentDetailView",
    "AssessmentDocxView",
    "AssessmentExportView",
    "AssessmentListView",
    "EntryDetailView",
    "EntryReturnView",
    "ItemScoreView",
    "assessment_move_view",
    "entry_move_view",
]


def _may(user: Any, model: Any, action: str, pk: int) -> bool:
    return has_action(user, model, action) and model.objects.visible_to(user, action).filter(pk=pk).exists()


class AssessmentListView(ScopedListView):
    model = AssessmentEntry
    template_name = "governance/assessment_list.html"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("assessment", "assessed")
            .order_by("-assessment__year", "assessment_id", "rank", "assessed__region_id")
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["may_add"] = has_action(user, Assessment, "add")
        context["organized"] = Assessment.objects.visible_to(user).select_related("organizer", "scheme")[:50]
        return context


class AssessmentCreateView(ScopedCreateView):
    model = Assessment
    form_class = AssessmentOpenForm
    template_name = "core/form.html"
    success_message = gettext_lazy("年度考核已开启，各被考核单位可以开始自评。")

    def perform(self, form: AssessmentOpenForm) -> Assessment:
        return services.assessment_open(by=self.request.user, **form.cleaned_data)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            model_name=Assessment._meta.verbose_name, cancel_url=reverse("governance:assessment-list")
        )
        return context

    def get_success_url(self) -> str:
        return reverse("governance:assessment-detail", kwargs={"pk": self.object.pk})


class AssessmentDetailView(ScopedDetailView):
    model = Assessment
    template_name = "governance/assessment_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        a, user = self.object, self.request.user
        context.update(
            entries=a.entries.select_related("assessed").order_by("rank", "assessed__region_id"),
            may_review=a.status == AssessmentStatus.OPEN and _may(user, Assessment, "review", a.pk),
            may_publish=a.status == AssessmentStatus.REVIEWING and _may(user, Assessment, "publish", a.pk),
            transitions=a.transitions.select_related("by").order_by("at", "id"),
        )
        return context


class _PostMove(ScopedObjectMixin, generic.View):
    http_method_names = ["post"]
    move: Any
    done_message = ""

    def post(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        obj = self.get_object()
        version = request.POST.get("version")
        expected = int(version) if version and version.isdigit() else None
        _result, status = run_service(
            request, lambda: self.move(by=request.user, obj=obj, expected_version=expected)
        )
        if status is None:
            messages.success(request, self.done_message)
        return HttpResponseRedirect(self.success_url(obj))

    def success_url(self, obj: Any) -> str:
        raise NotImplementedError


_ASSESSMENT_MOVES = {
    "review": (services.assessment_start_review, gettext_lazy("自评已截止，进入审核。")),
    "publish": (services.assessment_publish, gettext_lazy("考核结果已公布。")),
}
_ENTRY_MOVES = {
    "submit": ("submit", services.entry_submit, gettext_lazy("自评已提交。")),
    "complete": ("view", services.entry_review_complete, gettext_lazy("该单位审核已完成。")),
}


def assessment_move_view(name: str):
    service, done = _ASSESSMENT_MOVES[name]

    class View(_PostMove):
        model, action, done_message = Assessment, name, done

        def move(self, *, by, obj, expected_version):
            return service(by=by, assessment=obj, expected_version=expected_version)

        def success_url(self, obj):
            return reverse("governance:assessment-detail", kwargs={"pk": obj.pk})

    return View.as_view()


def entry_move_view(name: str):
    action, service, done = _ENTRY_MOVES[name]

    class View(_PostMove):
        model, done_message = AssessmentEntry, done

        def move(self, *, by, obj, expected_version):
            return service(by=by, entry=obj, expected_version=expected_version)

        def success_url(self, obj):
            return reverse("governance:entry-detail", kwargs={"pk": obj.pk})

    View.action = action
    return View.as_view()


class AssessmentExportView(ScopedObjectMixin, generic.View):
    """The published (or provisional) results as Excel: one row per organization, one column per item."""

    model = Assessment

    def get(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        a = self.get_object()
        items = list(a.scheme.items.order_by("number"))
        headers = [_("名次"), _("被考核单位"), _("总分"), _("等次"), _("一票否决")] + [
            f"{i.code} {i.title}" for i in items
        ]
        rows = []
        for entry in (
            a.entries.select_related("assessed")
            .prefetch_related("scores")
            .order_by("rank", "assessed__region_id")
        ):
            by_item = {s.item_id: s for s in entry.scores.all()}
            scores = [_shown(by_item.get(i.pk)) for i in items]
            rows.append(
                [entry.rank, entry.assessed.name, entry.total, entry.grade, _("是") if entry.vetoed else ""]
                + scores
            )
        audit.record(audit.AuditAction.EXPORT, by=request.user, obj=a, changes={"rows": len(rows)})
        name = f"{a.title}_{timezone.localtime():%Y%m%d}.xlsx"
        return xlsx_response(name, headers, rows, title=_("考核结果"))


def _shown(score: ItemScore | None):
    if score is None:
        return ""
    value = score.final_score if score.final_score is not None else services.proposed_score(score)
    return "" if value is None else value


class AssessmentDocxView(ScopedObjectMixin, generic.View):
    model = Assessment

    def get(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        a = self.get_object()
        return attachment_response(results_docx(a, by=request.user), f"{a.title}.docx", DOCX_CONTENT_TYPE)


class EntryDetailView(ScopedDetailView):
    model = AssessmentEntry
    template_name = "governance/entry_detail.html"

    def scoped_queryset(self, action: str = "view"):
        return super().scoped_queryset(action).select_related("assessment__scheme", "assessed")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        entry, user = self.object, self.request.user
        reviewing = entry.assessment.status == AssessmentStatus.REVIEWING
        context.update(
            scores=entry.scores.select_related("item").order_by("item__number"),
            may_submit=entry.status == EntryStatus.SELF_ASSESSING
            and _may(user, AssessmentEntry, "submit", entry.pk),
            may_complete=reviewing
            and entry.status == EntryStatus.SUBMITTED
            and _may(user, Assessment, "review", entry.assessment_id),
            may_see_assessment=_may(user, Assessment, "view", entry.assessment_id),
            transitions=entry.transitions.select_related("by").order_by("at", "id"),
            return_form=kwargs.get("return_form") or EntryReturnForm(initial={"version": entry.version}),
        )
        return context


class ItemScoreView(ScopedObjectMixin, generic.TemplateView):
    """One item of one entry: its rule, the computed value with the records behind it, evidence, and the form
    the moment calls for — self-assessment while the entry is open, review while the team reviews."""

    model = ItemScore
    template_name = "governance/itemscore.html"

    def get_object(self, queryset=None):
        qs = self.scoped_queryset("view").select_related("item", "entry__assessment", "entry__assessed")
        return get_object_or_404(qs, pk=self.kwargs["pk"])

    def _mode(self, score: ItemScore) -> str:
        user, entry = self.request.user, score.entry
        if entry.status == EntryStatus.SELF_ASSESSING and _may(user, ItemScore, "change", score.pk):
            return "self"
        if (
            entry.status == EntryStatus.SUBMITTED
            and entry.assessment.status == AssessmentStatus.REVIEWING
            and _may(user, Assessment, "review", entry.assessment_id)
        ):
            return "review"
        return ""

    def _form(self, mode: str, data=None, files=None):
        if mode == "self":
            return SelfAssessForm(data, files)
        return ItemReviewForm(data, files) if mode == "review" else None

    def get(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = self.get_object()
        return self.render_to_response(self._context(self._form(self._mode(self.object))))

    def post(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        from flameblue.core.views import deny

        self.object = score = self.get_object()
        mode = self._mode(score)
        if not mode:
            raise deny(request)
        form = self._form(mode, request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            if mode == "self":
                call = lambda: services.item_self_assess(by=request.user, score=score, **data)  # noqa: E731
            else:
                call = lambda: services.item_review(by=request.user, score=score, **data)  # noqa: E731
            _result, status = run_service(request, call, form=form)
            if status is None:
                messages.success(request, _("已保存。"))
                return HttpResponseRedirect(reverse("governance:entry-detail", kwargs={"pk": score.entry_id}))
        else:
            status = 400
        return self.render_to_response(self._context(form), status=status)

    def _context(self, form) -> dict[str, Any]:
        score = self.object
        records_label, records = records_behind(score.computed_detail or {}, self.request.user)
        return self.get_context_data(
            object=score,
            form=form,
            proposed=services.proposed_score(score),
            evidence=services.evidence_of(score),
            records_label=records_label,
            records=records,
        )


class EntryReturnView(EntryDetailView):
    """POST only: the team sends the entry back for correction with a reason; errors re-show the entry."""

    http_method_names = ["post"]

    def post(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = entry = self.get_object()
        form = EntryReturnForm(request.POST)
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            _result, status = run_service(
                request,
                lambda: services.entry_return(
                    by=request.user, entry=entry, reason=data["reason"], expected_version=data.get("version")
                ),
                form=form,
            )
            if status is None:
                messages.success(request, _("已退回被考核单位修改。"))
                return HttpResponseRedirect(reverse("governance:entry-detail", kwargs={"pk": entry.pk}))
        return self.render_to_response(self.get_context_data(object=entry, return_form=form), status=status)
