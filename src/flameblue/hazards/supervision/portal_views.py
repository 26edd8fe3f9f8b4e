"""The public list of listed major fire hazards (重大火灾隐患挂牌督办公示), no login. Shown only while
``public_list_enabled`` is on in ``rules/supervision.yaml`` and only for cases marked public that are listed
or delisted: unit, address, hazard summary, government, deadline and status — never personal data."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.views.generic import ListView

from flameblue.hazards.supervision.selectors import public_cases, public_list_enabled

__all__ = ["PortalSupervisionListView", "public_rows"]

SUMMARY_LENGTH = 80


def public_rows(cases) -> list[dict[str, Any]]:
    """Only the public fields, copied out so a template cannot reach a person through a relation."""
    rows = []
    for case in cases:
        hazard = case.hazard
        summary = (
            hazard.description
            if len(hazard.description) <= SUMMARY_LENGTH
            else hazard.description[:SUMMARY_LENGTH] + "…"
        )
        rows.append(
            {
                "case_number": case.case_number,
                "unit_name": hazard.unit.name,
                "address": hazard.unit.address,
                "summary": summary,
                "government": case.government.name if case.government else "",
                "document_number": case.listing_document_number,
                "deadline": case.deadline,
                "status": case.get_status_display(),
                "delisted_at": case.delisted_at,
            }
        )
    return rows


class PortalSupervisionListView(ListView):
    template_name = "hazards/portal_supervision_list.html"
    paginate_by = 30

    def dispatch(self, request, *args: Any, **kwargs: Any):
        if not public_list_enabled():
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return public_cases()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["rows"] = public_rows(context["object_list"])
        context.pop("object_list", None)
        context.pop("supervisioncase_list", None)
        return context
