"""Pages of party-committee meetings (党委会议): the list, a meeting with its agenda (items added on its page)
and the agenda discipline of the 双拥 "四不忘" per committee and quarter."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import generic

from flameblue.community.agenda import services
from flameblue.community.agenda.forms import AgendaItemForm, MeetingForm
from flameblue.community.agenda.models import PartyMeeting
from flameblue.community.agenda.selectors import agenda_compliance
from flameblue.community.agenda.services import COMMITTEE_KINDS
from flameblue.core.scoping import within_scopes
from flameblue.core.service_errors import run_service
from flameblue.core.views import ScopedCreateView, ScopedDetailView, ScopedListView, ScopedMixin
from flameblue.org.models import Organization

__all__ = [
    "AgendaComplianceView",
    "AgendaItemAddView",
    "MeetingCreateView",
    "MeetingDetailView",
    "MeetingListView",
]


def year_of(request) -> int:
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return timezone.localdate().year
    return year if 2000 <= year <= 2100 else timezone.localdate().year


class MeetingListView(ScopedListView):
    model = PartyMeeting
    template_name = "community/meeting_list.html"

    def get_queryset(self):
        year = year_of(self.request)
        return (
            super()
            .get_queryset()
            .filter(held_on__year=year)
            .select_related("committee")
            .order_by("-held_on", "-pk")
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        today = timezone.localdate()
        return super().get_context_data(year=year_of(self.request), years=range(today.year, today.year - 8, -1),
                                        **kwargs)  # fmt: skip


class MeetingCreateView(ScopedCreateView):
    model = PartyMeeting
    form_class = MeetingForm
    template_name = "community/form.html"
    success_message = gettext_lazy("党委会议已登记，请逐项登记议题。")

    def perform(self, form: MeetingForm) -> PartyMeeting:
        return services.meeting_create(by=self.request.user, **form.cleaned_data)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            heading=_("登记党委会议"), cancel_url=reverse("community:meeting-list"), **kwargs
        )

    def get_success_url(self) -> str:
        return reverse("community:meeting-detail", kwargs={"pk": self.object.pk})


class MeetingDetailView(ScopedDetailView):
    model = PartyMeeting
    template_name = "community/meeting_detail.html"

    def scoped_queryset(self, action: str = "view"):
        return super().scoped_queryset(action).select_related("committee")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        meeting = self.object
        may_change = (
            PartyMeeting.objects.visible_to(self.request.user, "change").filter(pk=meeting.pk).exists()
        )
        form = kwargs.pop("item_form", None) or (AgendaItemForm(meeting=meeting) if may_change else None)
        return super().get_context_data(
            items=meeting.items.select_related("presenter").prefetch_related("tags"),
            attendees=meeting.attendees.order_by("name"), item_form=form, **kwargs,
        )  # fmt: skip


class AgendaItemAddView(MeetingDetailView):
    """POST only: an agenda item; errors re-show the meeting with the input kept."""

    http_method_names = ["post"]
    action = "change"

    def post(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = meeting = self.get_object()
        form = AgendaItemForm(request.POST, meeting=meeting)
        status = 400
        if form.is_valid():
            _item, status = run_service(
                request, lambda: services.agenda_item_add(by=request.user, meeting=meeting, **form.cleaned_data),
                form=form,
            )  # fmt: skip
            if status is None:
                messages.success(request, _("议题已登记。"))
                return HttpResponseRedirect(reverse("community:meeting-detail", kwargs={"pk": meeting.pk}))
        return self.render_to_response(self.get_context_data(object=meeting, item_form=form), status=status)


class AgendaComplianceView(ScopedMixin, generic.TemplateView):
    """双拥"四不忘"上党委会议: per party committee (the detachment's and the brigades' the user sees) and
    period, how often each aspect was on the agenda against the rule, with the gaps."""

    model = PartyMeeting
    template_name = "community/agenda_compliance.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        year, today = year_of(self.request), timezone.localdate()
        committees = within_scopes(
            Organization.objects.filter(kind__in=COMMITTEE_KINDS, is_active=True),
            self.request.user,
            PartyMeeting,
        )
        tags, rows = agenda_compliance(committees, year, today)
        return super().get_context_data(
            year=year, years=range(today.year, today.year - 8, -1), tags=tags, rows=rows,
            gaps=[(row.committee, gap) for row in rows for gap in row.gaps], **kwargs,
        )  # fmt: skip
