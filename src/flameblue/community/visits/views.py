"""Pages of holiday visits and opinions: the visits, a visit with its opinions (added on its page), the
opinions list (open ones first — what the political office follows) and an opinion with its moves."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from flameblue.community.filters import OpinionFilter, VisitFilter
from flameblue.community.visits import services
from flameblue.community.visits.choices import OpinionStatus
from flameblue.community.visits.forms import AnswerForm, CloseForm, OpinionForm, ReturnForm, VisitForm
from flameblue.community.visits.models import HolidayVisit, Opinion
from flameblue.core.scoping import has_action
from flameblue.core.service_errors import run_service
from flameblue.core.views import ScopedCreateView, ScopedDetailView, ScopedListView

__all__ = [
    "OpinionAddView",
    "OpinionDetailView",
    "OpinionListView",
    "OpinionMoveView",
    "VisitCreateView",
    "VisitDetailView",
    "VisitListView",
]


class VisitListView(ScopedListView):
    model = HolidayVisit
    filterset_class = VisitFilter
    template_name = "community/visit_list.html"

    def get_queryset(self):
        return super().get_queryset().select_related("organization", "holiday")


class VisitCreateView(ScopedCreateView):
    model = HolidayVisit
    form_class = VisitForm
    template_name = "community/form.html"
    success_message = gettext_lazy("走访慰问已登记，可继续登记征求到的意见建议。")

    def perform(self, form: VisitForm) -> HolidayVisit:
        return services.visit_record(by=self.request.user, **form.cleaned_data)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            heading=_("登记走访慰问"), cancel_url=reverse("community:visit-list"), **kwargs
        )

    def get_success_url(self) -> str:
        return reverse("community:visit-detail", kwargs={"pk": self.object.pk})


class VisitDetailView(ScopedDetailView):
    model = HolidayVisit
    template_name = "community/visit_detail.html"

    def scoped_queryset(self, action: str = "view"):
        return super().scoped_queryset(action).select_related("organization", "holiday", "partner")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        user, visit = self.request.user, self.object
        form = kwargs.pop("opinion_form", None)
        if form is None and has_action(user, HolidayVisit, "add"):
            form = OpinionForm(user=user, visit=visit)
        return super().get_context_data(
            opinions=visit.opinions.select_related("owner"), visitors=visit.visitors.order_by("name"),
            opinion_form=form, **kwargs,
        )  # fmt: skip


class OpinionAddView(VisitDetailView):
    """POST only: an opinion collected on the visit; errors re-show the visit with the input kept."""

    http_method_names = ["post"]

    def post(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = visit = self.get_object()
        form = OpinionForm(request.POST, user=request.user, visit=visit)
        status = 400
        if form.is_valid():
            _o, status = run_service(
                request,
                lambda: services.opinion_add(by=request.user, visit=visit, **form.cleaned_data),
                form=form,
            )
            if status is None:
                messages.success(request, _("意见建议已登记并交责任单位答复。"))
                return HttpResponseRedirect(reverse("community:visit-detail", kwargs={"pk": visit.pk}))
        return self.render_to_response(self.get_context_data(object=visit, opinion_form=form), status=status)


class OpinionListView(ScopedListView):
    model = Opinion
    filterset_class = OpinionFilter
    template_name = "community/opinion_list.html"

    def get_queryset(self):
        if "status" not in self.request.GET:
            # What the political office follows: the open ones, unless another status (or "all": an empty
            # status) is asked for; the filter form then shows the choice it applied.
            self.request.GET = self.request.GET.copy()
            self.request.GET["status"] = OpinionStatus.OPEN
        return super().get_queryset().select_related("owner", "visit__holiday").order_by("due_on", "pk")


MOVES = {
    "answer": (AnswerForm, "answer", lambda o, by, d, v: services.opinion_answer(o, by=by, answer=d["answer"], expected_version=v)),
    "close": (CloseForm, "close", lambda o, by, d, v: services.opinion_close(o, by=by, reason=d["reason"], expected_version=v)),
    "return": (ReturnForm, "close", lambda o, by, d, v: services.opinion_return(o, by=by, reason=d["reason"], expected_version=v)),
}  # fmt: skip


class OpinionDetailView(ScopedDetailView):
    model = Opinion
    template_name = "community/opinion_detail.html"

    def scoped_queryset(self, action: str = "view"):
        return (
            super().scoped_queryset(action).select_related("owner", "visit__holiday", "visit__organization")
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        opinion, user = self.object, self.request.user
        forms = {}
        for move, (form_class, action, _call) in MOVES.items():
            allowed, _to = services.TRANSITIONS[move]
            if (
                opinion.status in allowed
                and Opinion.objects.visible_to(user, action).filter(pk=opinion.pk).exists()
            ):
                forms[move] = kwargs.pop(f"{move}_form", None) or form_class(
                    initial={"version": opinion.version}
                )
        return super().get_context_data(
            transitions=opinion.transitions.select_related("by"), answer_form=forms.get("answer"),
            close_form=forms.get("close"), return_form=forms.get("return"), **kwargs,
        )  # fmt: skip


class OpinionMoveView(OpinionDetailView):
    """POST only: answer (the owner), close or return (the political office); a stale page is refused (409)."""

    http_method_names = ["post"]
    move = "answer"

    @property
    def action(self) -> str:  # type: ignore[override]
        return MOVES[self.move][1]

    def post(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = opinion = self.get_object()
        form_class, _action, call = MOVES[self.move]
        form = form_class(request.POST)
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            _o, status = run_service(
                request, lambda: call(opinion, request.user, data, data.get("version")), form=form
            )
            if status is None:
                messages.success(request, _("已保存。"))
                return HttpResponseRedirect(reverse("community:opinion-detail", kwargs={"pk": opinion.pk}))
        opinion.refresh_from_db()
        context = self.get_context_data(object=opinion, **{f"{self.move}_form": form})
        return self.render_to_response(context, status=status)
