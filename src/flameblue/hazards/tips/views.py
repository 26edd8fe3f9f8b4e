"""Staff pages for public tips: the list (scoped by region; filters status/category/overdue), the detail
with its photos and linked hazards, and one POST URL per move (start checking, convert, dismiss)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from flameblue.core.masking import mask_phone
from flameblue.core.notify_models import StoredFile
from flameblue.core.service_errors import run_service
from flameblue.core.views import ScopedDetailView, ScopedListView
from flameblue.hazards.models import Hazard, Tip
from flameblue.hazards.tips import services as tips
from flameblue.hazards.tips.filters import TipFilter
from flameblue.hazards.tips.forms import TIP_MOVE_FORMS

__all__ = ["TipDetailView", "TipListView", "TipMoveView"]

MOVES_FROM = {
    "start": ("received",),
    "convert": ("received", "checking"),
    "dismiss": ("received", "checking"),
}
MESSAGES = {
    "start": gettext_lazy("已开始核查。"),
    "convert": gettext_lazy("举报已立为隐患。"),
    "dismiss": gettext_lazy("举报已作为不属实处理。"),
}


class TipListView(ScopedListView):
    model = Tip
    filterset_class = TipFilter
    template_name = "hazards/tip_list.html"
    partial_template_name = "hazards/_tip_table.html"

    def get_queryset(self):
        return super().get_queryset().select_related("region__parent")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["now"] = timezone.now()
        return context


class TipDetailView(ScopedDetailView):
    model = Tip
    template_name = "hazards/tip_detail.html"

    def scoped_queryset(self, action: str = "view"):
        return super().scoped_queryset(action).select_related("region__parent", "unit", "checked_by")

    def available_moves(self, tip: Tip) -> list[str]:
        if not Tip.objects.visible_to(self.request.user, "change").filter(pk=tip.pk).exists():
            return []
        return [move for move, allowed in MOVES_FROM.items() if tip.status in allowed]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        tip, user = self.object, self.request.user
        forms = {m: TIP_MOVE_FORMS[m](tip=tip, user=user) for m in self.available_moves(tip)}
        forms.update(kwargs.get("bound_forms", {}))
        context.update(
            move_forms=forms,
            phone_masked=mask_phone(tip.phone),
            overdue=tip.status in MOVES_FROM["convert"] and tip.check_due_at < timezone.now(),
            photos=StoredFile.objects.filter(owner_type=tip._meta.label_lower, owner_id=str(tip.pk)),
            hazards=Hazard.objects.visible_to(user).filter(tip=tip).select_related("unit"),
        )
        return context


def _perform(move: str, tip: Tip, data: dict[str, Any], user: Any) -> Any:
    common = {"tip": tip, "by": user, "expected_version": data.get("version")}
    if move == "start":
        return tips.tip_start_check(**common)
    if move == "convert":
        return tips.tip_convert(
            **common, unit=data["unit"], grade=data["grade"], location=data["location"],
            description=data["description"], public_reply=data["public_reply"],
        )  # fmt: skip
    if move == "dismiss":
        return tips.tip_dismiss(**common, reason=data["reason"], public_reply=data["public_reply"])
    raise Http404


class TipMoveView(TipDetailView):
    """POST only; errors re-show the detail page with the message and the input kept."""

    http_method_names = ["post"]
    action = "change"
    move = ""

    def post(self, request, *args: Any, **kwargs: Any):
        self.object = tip = self.get_object()
        form = TIP_MOVE_FORMS[self.move](request.POST, tip=tip, user=request.user)
        status = 400
        if form.is_valid():
            result, status = run_service(
                request, lambda: _perform(self.move, tip, form.cleaned_data, request.user), form=form
            )
            if status is None:
                messages.success(request, MESSAGES[self.move])
                if isinstance(result, Hazard):
                    return HttpResponseRedirect(reverse("hazards:hazard-detail", kwargs={"pk": result.pk}))
                return HttpResponseRedirect(reverse("hazards:tip-detail", kwargs={"pk": tip.pk}))
            self.object.refresh_from_db()
        context = self.get_context_data(object=self.object, bound_forms={self.move: form})
        context["failed_move"] = self.move
        return self.render_to_response(context, status=status)


def tip_move_view(move: str):
    return TipMoveView.as_view(move=move)
