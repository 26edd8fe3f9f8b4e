"""Pages of the enforcement procedures: for each of 临时查封, 营业前消防安全检查 and 大型群众性活动检查 a list, a
new-record form, a record page with its timeline, its documents and the form of each step the user may take
now, one POST view per step, and the Word documents; plus the due list of every running statutory clock.
Every page reads through ``visible_to`` (out of scope is 404) and writes through one service."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import generic

from flameblue.core.http import attachment_response
from flameblue.core.service_errors import run_service
from flameblue.core.views import ScopedCreateView, ScopedDetailView, ScopedListView, ScopedMixin
from flameblue.enforcement import services
from flameblue.enforcement.choices import EventCheckStatus as E
from flameblue.enforcement.choices import PreOpeningStatus as P
from flameblue.enforcement.choices import SealingStatus as S
from flameblue.enforcement.filters import EventCheckFilter, PreOpeningFilter, SealingFilter
from flameblue.enforcement.forms import STEP_FORMS, EventApplyForm, PreOpeningApplyForm, SealingProposeForm
from flameblue.enforcement.models import EventCheck, PreOpeningCheck, Sealing
from flameblue.enforcement.policy import ground_label, rules
from flameblue.enforcement.selectors import due_list
from flameblue.enforcement.writs import writ_docx, writs_for
from flameblue.units.models import Unit

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class Step:
    action: str
    service: Any
    statuses: tuple[str, ...]
    label: Any
    done: Any


SEALING_STEPS = {
    "decide": Step("decide", services.sealing_decide, (S.PROPOSED,), _("集体研究决定"), _("已记录集体研究决定。")),
    "serve": Step("change", services.sealing_serve, (S.DECIDED,), _("送达决定书"), _("临时查封决定书已送达。")),
    "execute": Step("change", services.sealing_execute, (S.SERVED,), _("实施查封"), _("已实施临时查封。")),
    "request-lift": Step("request_lift", services.sealing_request_lift, (S.SEALED,), _("申请解除查封"),
                         _("已登记解除申请，三个工作日内现场检查。")),
    "check-lift": Step("change", services.sealing_check_lift, (S.LIFT_REQUESTED,), _("解封现场检查"),
                       _("已记录检查情况。")),
    "lift": Step("decide", services.sealing_lift, (S.CHECKED,), _("解除临时查封"), _("已解除临时查封。")),
}  # fmt: skip
PREOPENING_STEPS = {
    "accept": Step("change", services.preopening_accept, (P.APPLIED,), _("受理"), _("已办理受理。")),
    "decide": Step("change", services.preopening_decide, (P.ACCEPTED, P.LICENSED), _("现场检查并决定"),
                   _("已记录检查结论。")),
}  # fmt: skip
EVENT_STEPS = {
    "accept": Step("change", services.event_accept, (E.APPLIED,), _("受理"), _("已受理。")),
    "decide": Step(
        "change", services.event_decide, (E.ACCEPTED,), _("现场检查并决定"), _("已记录检查结论。")
    ),
}


@dataclass(frozen=True)
class Kind:
    key: str
    model: type
    steps: dict[str, Step]


KINDS = {
    "sealing": Kind("sealing", Sealing, SEALING_STEPS),
    "preopening": Kind("preopening", PreOpeningCheck, PREOPENING_STEPS),
    "event": Kind("event", EventCheck, EVENT_STEPS),
}


def _detail_url(kind: str, pk: int) -> str:
    return reverse(f"enforcement:{kind}-detail", kwargs={"pk": pk})


# ---------------------------------------------------------------------------------------- lists


class _List(ScopedListView):
    kind = ""

    def get_template_names(self) -> list[str]:
        if self.request.headers.get("HX-Request") == "true":
            return [f"enforcement/_{self.kind}_table.html"]
        return [f"enforcement/{self.kind}_list.html"]

    def get_queryset(self):
        return super().get_queryset().select_related("unit", "agency")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(today=timezone.localdate(), **kwargs)


class SealingListView(_List):
    model, filterset_class, kind = Sealing, SealingFilter, "sealing"


class PreOpeningListView(_List):
    model, filterset_class, kind = PreOpeningCheck, PreOpeningFilter, "preopening"


class EventListView(_List):
    model, filterset_class, kind = EventCheck, EventCheckFilter, "event"


# --------------------------------------------------------------------------------------- create


class _Create(ScopedCreateView):
    template_name = "enforcement/form.html"
    kind = ""
    title: Any = ""

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs.pop("instance", None)
        return kwargs

    def get_initial(self) -> dict[str, Any]:
        initial = {k: v for k, v in self.request.GET.items() if k in ("hazard", "inspection", "unit")}
        if self.kind != "sealing" and "unit" not in initial:
            # A unit's own staff apply for their unit: offer it without making them look its number up.
            own = list(Unit.objects.visible_to(self.request.user).values_list("pk", flat=True)[:2])
            if len(own) == 1:
                initial["unit"] = own[0]
        return initial

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(title=self.title, cancel_url=reverse(f"enforcement:{self.kind}-list"),
                                        **kwargs)  # fmt: skip

    def get_success_url(self) -> str:
        return _detail_url(self.kind, self.object.pk)


class SealingCreateView(_Create):
    model, form_class, kind, title = Sealing, SealingProposeForm, "sealing", _("提出临时查封")
    success_message = _("已提出临时查封，请负责人组织集体研究。")

    def perform(self, form):
        return services.sealing_propose(by=self.request.user, **form.cleaned_data)


class PreOpeningCreateView(_Create):
    model, form_class, kind, title = (
        PreOpeningCheck,
        PreOpeningApplyForm,
        "preopening",
        _("申请营业前消防安全检查"),
    )
    success_message = _("申请已提交。")

    def perform(self, form):
        return services.preopening_apply(by=self.request.user, **form.cleaned_data)


class EventCreateView(_Create):
    model, form_class, kind, title = EventCheck, EventApplyForm, "event", _("申请大型群众性活动消防安全检查")
    success_message = _("申请已提交。")

    def perform(self, form):
        return services.event_apply(by=self.request.user, **form.cleaned_data)


# --------------------------------------------------------------------------------------- detail


class _Detail(ScopedDetailView):
    kind = ""

    def get_template_names(self) -> list[str]:
        return [f"enforcement/{self.kind}_detail.html"]

    def scoped_queryset(self, action: str = "view"):
        return super().scoped_queryset(action).select_related("unit", "agency", "region")

    def step_forms(self, bound: tuple[str, Any] | None = None) -> list[dict[str, Any]]:
        obj, user = self.object, self.request.user
        model = KINDS[self.kind].model
        forms = []
        for name, step in KINDS[self.kind].steps.items():
            if obj.status not in step.statuses:
                continue
            if not model.objects.visible_to(user, step.action).filter(pk=obj.pk).exists():
                continue
            if bound is not None and bound[0] == name:
                form = bound[1]
            else:
                form = STEP_FORMS[(self.kind, name)](initial={"version": obj.version}, prefix=name)
            forms.append({"name": name, "label": step.label, "form": form,
                          "url": reverse(f"enforcement:{self.kind}-step", kwargs={"pk": obj.pk, "step": name})})  # fmt: skip
        return forms

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        obj = self.object
        context.update(
            steps=self.step_forms(kwargs.get("bound")),
            writs=writs_for(obj),
            transitions=obj.transitions.select_related("by").order_by("at", "id"),
            today=timezone.localdate(),
            rules=rules(),
            kind=self.kind,
        )
        if isinstance(obj, Sealing):
            context["ground_text"] = ground_label(obj.ground)
            context["review"] = getattr(obj, "review", None) if hasattr(obj, "review") else None
        return context


class SealingDetailView(_Detail):
    model, kind = Sealing, "sealing"


class PreOpeningDetailView(_Detail):
    model, kind = PreOpeningCheck, "preopening"


class EventDetailView(_Detail):
    model, kind = EventCheck, "event"


class _StepView(_Detail):
    """POST one step; its action is the step's (403 without it, 404 out of scope); refusals re-show the page
    with the form and its errors (400, 409 when stale or the status moved on)."""

    http_method_names = ["post"]

    def setup(self, request, *args: Any, **kwargs: Any) -> None:
        super().setup(request, *args, **kwargs)
        step = KINDS[self.kind].steps.get(kwargs.get("step", ""))
        if step is None:
            raise Http404(_("没有这个办理环节。"))
        self.step_name, self.step = kwargs["step"], step
        self.action = step.action

    def post(self, request, *args: Any, **kwargs: Any):
        self.object = obj = self.get_object()
        form = STEP_FORMS[(self.kind, self.step_name)](request.POST, prefix=self.step_name)
        status = 400
        if form.is_valid():
            _result, status = run_service(
                request, lambda: self.step.service(obj, by=request.user, **form.service_kwargs()), form=form
            )
            if status is None:
                messages.success(request, self.step.done)
                return HttpResponseRedirect(_detail_url(self.kind, obj.pk))
        obj.refresh_from_db()
        context = self.get_context_data(object=obj, bound=(self.step_name, form))
        return self.render_to_response(context, status=status)


class SealingStepView(_StepView):
    model, kind = Sealing, "sealing"


class PreOpeningStepView(_StepView):
    model, kind = PreOpeningCheck, "preopening"


class EventStepView(_StepView):
    model, kind = EventCheck, "event"


class _WritView(ScopedDetailView):
    """A Word document of the record (audited as an export); 404 for a document it does not have yet."""

    def get(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        obj = self.get_object()
        if kwargs["code"] not in dict(writs_for(obj)):
            raise Http404(_("该环节尚未办结，还没有这份文书。"))
        data, name = writ_docx(obj, kwargs["code"], by=request.user)
        return attachment_response(data, name, DOCX)


class SealingWritView(_WritView):
    model = Sealing


class PreOpeningWritView(_WritView):
    model = PreOpeningCheck


class EventWritView(_WritView):
    model = EventCheck


class DueListView(ScopedMixin, generic.TemplateView):
    """执法时限清单: every running statutory clock the user may see, overdue first by date."""

    model = Sealing
    template_name = "enforcement/due_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        today = timezone.localdate()
        return super().get_context_data(rows=due_list(self.request.user, today), today=today, **kwargs)
