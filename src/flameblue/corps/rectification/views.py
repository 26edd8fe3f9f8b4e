"""Pages of a corrective action, whatever record it belongs to (a readiness finding, a case review's
action): its detail with evidence and timeline, and one POST view per move. Each sub-domain binds them to
its model in its ``urls.py`` (:func:`action_urls`)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import path
from django.utils.translation import gettext_lazy

from flameblue.core.scoping import may
from flameblue.core.views import ObjectFormView, ScopedDetailView
from flameblue.corps.rectification import services
from flameblue.corps.rectification.forms import CloseForm, ReportForm, ReturnForm

__all__ = ["ActionDetailView", "action_urls"]


class ActionDetailView(ScopedDetailView):
    model = None  # bound per kind in ``action_urls``
    template_name = "corps/rectification/action_detail.html"
    parent_field = ""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        action, user = self.object, self.request.user
        label = action._meta.label_lower
        context.update(
            parent=getattr(action, self.parent_field),
            evidence=services.evidence_of(action),
            transitions=action.transitions.select_related("by").order_by("at", "id"),
            may_report=may(user, f"{label}.report_completion", action),
            may_close=may(user, f"{label}.close", action),
            report_form=ReportForm(initial={"version": action.version}),
            close_form=CloseForm(initial={"version": action.version}),
            return_form=ReturnForm(initial={"version": action.version}),
            url_prefix=self.request.resolver_match.view_name.rsplit("-", 1)[0],
        )
        return context


class _MoveView(ObjectFormView):
    model = None  # bound per kind in ``action_urls``
    http_method_names = ["post"]
    template_name = "corps/rectification/action_move.html"
    done_message = gettext_lazy("已保存。")

    def done(self, result):
        messages.success(self.request, self.done_message)
        return HttpResponseRedirect(result.get_absolute_url())


class ActionReportView(_MoveView):
    action = "report_completion"
    form_class = ReportForm
    done_message = gettext_lazy("已报告整改完成，待验收。")

    def perform(self, form: ReportForm):
        data = form.cleaned_data
        return services.action_report(action=self.object, by=self.request.user, report=data["report"],
                                      evidence=data["evidence"], expected_version=data.get("version"))  # fmt: skip


class ActionCloseView(_MoveView):
    action = "close"
    form_class = CloseForm
    done_message = gettext_lazy("已验收销号。")

    def perform(self, form: CloseForm):
        data = form.cleaned_data
        return services.action_close(action=self.object, by=self.request.user, reason=data.get("reason", ""),
                                     expected_version=data.get("version"))  # fmt: skip


class ActionReturnView(_MoveView):
    action = "close"
    form_class = ReturnForm
    done_message = gettext_lazy("已退回，责任单位须重新整改。")

    def perform(self, form: ReturnForm):
        data = form.cleaned_data
        return services.action_return(action=self.object, by=self.request.user, reason=data["reason"],
                                      expected_version=data.get("version"))  # fmt: skip


def action_urls(prefix: str, url_prefix: str, model: type, parent_field: str) -> list:
    """``<prefix>/<pk>/`` detail and its ``report``, ``close`` and ``return`` moves, named
    ``<url_prefix>-detail`` etc."""
    bind = {"model": model}
    return [
        path(f"{prefix}/<int:pk>/", ActionDetailView.as_view(parent_field=parent_field, **bind),
             name=f"{url_prefix}-detail"),
        path(f"{prefix}/<int:pk>/report/", ActionReportView.as_view(**bind), name=f"{url_prefix}-report"),
        path(f"{prefix}/<int:pk>/close/", ActionCloseView.as_view(**bind), name=f"{url_prefix}-close"),
        path(f"{prefix}/<int:pk>/return/", ActionReturnView.as_view(**bind), name=f"{url_prefix}-return"),
    ]  # fmt: skip
