"""Pages of the supervision sub-domain. Every page fetches through ``visible_to`` (404 outside the scope);
supervision records are read by the detachment's discipline staff, the activity's team and, for its own
findings, the responsible unit's chain; every read of an activity, a finding or a cross-review is audited."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext_lazy
from django.views import generic

from flameblue.core.scoping import has_action
from flameblue.core.service_errors import deny, run_service
from flameblue.core.views import ScopedCreateView, ScopedDetailView, ScopedListView, ScopedMixin
from flameblue.integrity.models import LiaisonPoint
from flameblue.integrity.supervision import forms, services
from flameblue.integrity.supervision.choices import ActivityKind, FindingStatus
from flameblue.integrity.supervision.models import (
    CrossReview,
    CrossReviewItem,
    MustAttendOccasion,
    SupervisionActivity,
    SupervisionFinding,
)
from flameblue.integrity.supervision.policy import must_attend_policy, review_checklist
from flameblue.integrity.supervision.selectors import must_attend_compliance, must_attend_due
from flameblue.integrity.views import AuditedDetailMixin, AuditedListMixin


def _may(user: Any, model: type, action: str, obj: Any) -> bool:
    return model.objects.visible_to(user, action).filter(pk=obj.pk).exists()


class PostOnDetailMixin:
    """POST only: run one service with a bound form; success redirects to ``success_url``, a refusal
    re-renders the detail page with the form (400, or 409 for a stale edit)."""

    http_method_names = ["post"]
    form_context_name = "form"

    def make_form(self, request) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def perform(self, form) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def success_url(self) -> str:
        return self.request.path

    def post(self, request, *args: Any, **kwargs: Any):
        self.object = self.get_object()
        form = self.make_form(request)
        status = 400
        if form.is_valid():
            _result, status = run_service(request, lambda: self.perform(form), form=form)
            if status is None:
                messages.success(request, self.done_message)
                return HttpResponseRedirect(self.success_url())
            self.object.refresh_from_db()
        context = self.get_context_data(object=self.object, **{self.form_context_name: form})
        return self.render_to_response(context, status=status)


# ------------------------------------------------------------------------------------------ 三个必到


class MustAttendDueView(ScopedMixin, generic.TemplateView):
    """“三个必到”应办清单: each liaison point against each occasion of the year so far, and each member's
    compliance."""

    model = LiaisonPoint
    template_name = "integrity/supervision/must_attend.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        on: dt.date = parse_date(self.request.GET.get("on") or "") or timezone.localdate()
        occasions = MustAttendOccasion.objects.visible_to(user, "view")
        rows = must_attend_due(self.scoped_queryset("view"), occasions, on=on)
        context.update(
            on=on, rows=rows, members=must_attend_compliance(rows), policy=must_attend_policy(),
            occasions=occasions.select_related("organization").filter(occurred_on__year=on.year)[:100],
            may_add=has_action(user, MustAttendOccasion, "add"),
        )  # fmt: skip
        return context


class OccasionCreateView(ScopedCreateView):
    model = MustAttendOccasion
    form_class = forms.OccasionForm
    template_name = "core/form.html"
    success_message = gettext_lazy("必到事项已登记。")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(model_name=MustAttendOccasion._meta.verbose_name,
                       cancel_url=reverse("integrity:must-attend"))  # fmt: skip
        return context

    def perform(self, form):
        return services.occasion_record(by=self.request.user, **form.cleaned_data)

    def get_success_url(self) -> str:
        return reverse("integrity:must-attend")


# ------------------------------------------------------------------------------------------ activities


class ActivityListView(AuditedListMixin, ScopedListView):
    model = SupervisionActivity
    template_name = "integrity/supervision/activity_list.html"

    def get_queryset(self):
        qs = super().get_queryset().select_related("leader")
        kind = self.request.GET.get("kind")
        return qs.filter(kind=kind) if kind in ActivityKind.values else qs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["kinds"] = ActivityKind.choices
        return context


class ActivityCreateView(ScopedCreateView):
    model = SupervisionActivity
    form_class = forms.ActivityForm
    template_name = "core/form.html"
    success_message = gettext_lazy("监督检查活动已创建。")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(model_name=SupervisionActivity._meta.verbose_name,
                       cancel_url=reverse("integrity:activity-list"))  # fmt: skip
        return context

    def perform(self, form):
        return services.activity_create(by=self.request.user, **form.cleaned_data)

    def get_success_url(self) -> str:
        return reverse("integrity:activity-detail", kwargs={"pk": self.object.pk})


class ActivityDetailView(AuditedDetailMixin, ScopedDetailView):
    model = SupervisionActivity
    template_name = "integrity/supervision/activity_detail.html"

    def scoped_queryset(self, action: str = "view"):
        return super().scoped_queryset(action).select_related("leader", "organizer")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        activity, user = self.object, self.request.user
        context["findings"] = activity.findings.select_related("responsible").order_by("deadline", "id")
        context["review"] = CrossReview.objects.filter(activity=activity).first()
        if has_action(user, SupervisionFinding, "add") and activity.kind != ActivityKind.CROSS_REVIEW:
            context["finding_form"] = kwargs.get("finding_form") or forms.FindingForm(
                user=user, activity=activity
            )
        if (activity.kind == ActivityKind.CROSS_REVIEW and context["review"] is None
                and has_action(user, CrossReview, "add")):  # fmt: skip
            context["draw_form"] = kwargs.get("draw_form") or forms.DrawForm(user=user, initial={
                "period_start": activity.starts_on, "period_end": activity.ends_on})  # fmt: skip
        return context


class FindingAddView(PostOnDetailMixin, ActivityDetailView):
    form_context_name = "finding_form"
    done_message = gettext_lazy("问题已登记。")

    def make_form(self, request):
        if not has_action(request.user, SupervisionFinding, "add"):
            raise deny(request)
        return forms.FindingForm(request.POST, user=request.user, activity=self.object)

    def perform(self, form):
        return services.finding_add(by=self.request.user, activity=self.object, **form.cleaned_data)

    def success_url(self) -> str:
        return reverse("integrity:activity-detail", kwargs={"pk": self.object.pk})


class DrawView(PostOnDetailMixin, ActivityDetailView):
    form_context_name = "draw_form"
    done_message = gettext_lazy("案卷已抽取。")

    def make_form(self, request):
        if not has_action(request.user, CrossReview, "add"):
            raise deny(request)
        return forms.DrawForm(request.POST, user=request.user)

    def perform(self, form):
        self.review = services.cross_review_draw(
            by=self.request.user, activity=self.object, **form.cleaned_data
        )
        return self.review

    def success_url(self) -> str:
        return reverse("integrity:cross-review-detail", kwargs={"pk": self.review.pk})


# ------------------------------------------------------------------------------------------ findings


class FindingListView(AuditedListMixin, ScopedListView):
    model = SupervisionFinding
    template_name = "integrity/supervision/finding_list.html"

    def get_queryset(self):
        qs = super().get_queryset().select_related("activity", "responsible")
        status = self.request.GET.get("status")
        return qs.filter(status=status) if status in FindingStatus.values else qs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["statuses"] = FindingStatus.choices
        return context


class FindingDetailView(AuditedDetailMixin, ScopedDetailView):
    model = SupervisionFinding
    template_name = "integrity/supervision/finding_detail.html"

    def scoped_queryset(self, action: str = "view"):
        return super().scoped_queryset(action).select_related("activity", "responsible", "review_item")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        finding, user = self.object, self.request.user
        moves = []
        for name in ("rectify", "report", "return", "close"):
            move = services.MOVES[name]
            if finding.status in move.sources and _may(user, SupervisionFinding, move.action, finding):
                form = kwargs.get("form") if kwargs.get("move") == name else None
                form_class = forms.ReportForm if name == "report" else forms.MoveForm
                moves.append((name, move.verb, form or form_class(obj=finding)))
        context.update(
            moves=moves, evidence=services.evidence_of(finding),
            transitions=finding.transitions.select_related("by").order_by("at", "id"),
        )  # fmt: skip
        return context


class FindingMoveView(PostOnDetailMixin, FindingDetailView):
    """POST one move of the transition table (rectify, report, return, close)."""

    move = ""
    done_message = gettext_lazy("已办理。")

    def make_form(self, request):
        self.action = services.MOVES[self.move].action
        if not _may(request.user, SupervisionFinding, self.action, self.object):
            raise deny(request)
        form_class = forms.ReportForm if self.move == "report" else forms.MoveForm
        return form_class(request.POST, request.FILES)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        kwargs["move"] = self.move
        return super().get_context_data(**kwargs)

    def perform(self, form):
        data, by, finding = form.cleaned_data, self.request.user, self.object
        text, version = data.get("text") or "", data.get("version")
        if self.move == "rectify":
            return services.finding_rectify(finding=finding, by=by, text=text, expected_version=version)
        if self.move == "report":
            files = [data["evidence"]] if data.get("evidence") else []
            return services.finding_report(finding=finding, by=by, text=text, evidence=files,
                                           expected_version=version)  # fmt: skip
        if self.move == "return":
            return services.finding_return(finding=finding, by=by, reason=text, expected_version=version)
        return services.finding_close(finding=finding, by=by, note=text, expected_version=version)

    def success_url(self) -> str:
        return reverse("integrity:finding-detail", kwargs={"pk": self.object.pk})


def finding_move_view(move: str):
    return FindingMoveView.as_view(move=move)


# ------------------------------------------------------------------------------------------ cross-review


class CrossReviewDetailView(AuditedDetailMixin, ScopedDetailView):
    model = CrossReview
    template_name = "integrity/supervision/cross_review_detail.html"

    def scoped_queryset(self, action: str = "view"):
        return super().scoped_queryset(action).select_related("activity", "brigade")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        checklist = review_checklist()
        rows = []
        for item in self.object.items.select_related("reviewed_by").order_by("position"):
            checks = [
                (p, item.computed.get(p.code), item.answers.get(p.code))
                for p in checklist.for_type(item.record_type)
            ]
            rows.append((item, checks))
        context["rows"] = rows
        return context


class ItemDetailView(AuditedDetailMixin, ScopedDetailView):
    model = CrossReviewItem
    template_name = "integrity/supervision/item_detail.html"

    def scoped_queryset(self, action: str = "view"):
        return super().scoped_queryset(action).select_related("review__activity", "review__brigade")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        item, user = self.object, self.request.user
        checklist = review_checklist().for_type(item.record_type)
        context["checks"] = [(p, item.computed.get(p.code), item.answers.get(p.code)) for p in checklist]
        context["findings"] = item.findings.select_related("responsible")
        if _may(user, CrossReviewItem, "review", item):
            context["answer_form"] = kwargs.get("answer_form") or forms.AnswerForm(item=item)
            context["finding_form"] = kwargs.get("finding_form") or forms.ReviewFindingForm(user=user)
        return context


class ItemAnswerView(PostOnDetailMixin, ItemDetailView):
    form_context_name = "answer_form"
    done_message = gettext_lazy("巡查结论已保存。")

    def make_form(self, request):
        if not _may(request.user, CrossReviewItem, "review", self.object):
            raise deny(request)
        return forms.AnswerForm(request.POST, item=self.object)

    def perform(self, form):
        return services.cross_review_answer(
            item=self.object, by=self.request.user, answers=form.answers(), note=form.cleaned_data["note"],
            expected_version=form.cleaned_data.get("version"),
        )  # fmt: skip

    def success_url(self) -> str:
        return reverse("integrity:cross-review-item", kwargs={"pk": self.object.pk})


class ItemFindingView(PostOnDetailMixin, ItemDetailView):
    form_context_name = "finding_form"
    done_message = gettext_lazy("问题已转为被巡查大队的整改问题。")

    def make_form(self, request):
        if not _may(request.user, CrossReviewItem, "review", self.object):
            raise deny(request)
        return forms.ReviewFindingForm(request.POST, user=request.user)

    def perform(self, form):
        return services.cross_review_finding(item=self.object, by=self.request.user, **form.cleaned_data)

    def success_url(self) -> str:
        return reverse("integrity:cross-review-item", kwargs={"pk": self.object.pk})
