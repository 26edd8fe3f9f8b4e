"""Pages of political education: programmes, a programme with its sessions (added on its page, with the
roster of who attended) and the per-person coverage of the programmes of a year."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Count
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import generic

from flameblue.community.agenda.views import year_of
from flameblue.community.education import services
from flameblue.community.education.forms import ProgrammeForm, SessionForm
from flameblue.community.education.models import EducationProgramme, EducationSession
from flameblue.community.education.selectors import coverage
from flameblue.core.scoping import has_action, within_scopes
from flameblue.core.service_errors import run_service
from flameblue.core.views import ScopedCreateView, ScopedDetailView, ScopedListView, ScopedMixin
from flameblue.org.models import Person

__all__ = [
    "CoverageView",
    "ProgrammeCreateView",
    "ProgrammeDetailView",
    "ProgrammeListView",
    "SessionAddView",
]


class ProgrammeListView(ScopedListView):
    model = EducationProgramme
    template_name = "community/programme_list.html"

    def get_queryset(self):
        queryset = super().get_queryset().select_related("organization")
        return queryset.annotate(n_sessions=Count("sessions")).order_by("-starts_on", "-pk")


class ProgrammeCreateView(ScopedCreateView):
    model = EducationProgramme
    form_class = ProgrammeForm
    template_name = "community/form.html"
    success_message = gettext_lazy("教育专题已登记，可继续登记教育场次。")

    def perform(self, form: ProgrammeForm) -> EducationProgramme:
        return services.programme_create(by=self.request.user, **form.cleaned_data)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            heading=_("登记教育专题"), cancel_url=reverse("community:programme-list"), **kwargs
        )

    def get_success_url(self) -> str:
        return reverse("community:programme-detail", kwargs={"pk": self.object.pk})


class ProgrammeDetailView(ScopedDetailView):
    model = EducationProgramme
    template_name = "community/programme_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        programme, user = self.object, self.request.user
        form = kwargs.pop("session_form", None)
        if form is None and has_action(user, EducationSession, "add"):
            form = SessionForm(user=user, programme=programme)
        sessions = (
            EducationSession.objects.visible_to(user).filter(programme=programme)
            .select_related("session_type", "organization").annotate(n_attendees=Count("attendees"))
        )  # fmt: skip
        return super().get_context_data(sessions=sessions, session_form=form, **kwargs)


class SessionAddView(ProgrammeDetailView):
    """POST only: a session with its roster; errors re-show the programme with the input kept."""

    http_method_names = ["post"]

    def post(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = programme = self.get_object()
        form = SessionForm(request.POST, user=request.user, programme=programme)
        status = 400
        if form.is_valid():
            _s, status = run_service(
                request, lambda: services.session_record(by=request.user, programme=programme, **form.cleaned_data),
                form=form,
            )  # fmt: skip
            if status is None:
                messages.success(request, _("教育场次已登记。"))
                return HttpResponseRedirect(
                    reverse("community:programme-detail", kwargs={"pk": programme.pk})
                )
        return self.render_to_response(
            self.get_context_data(object=programme, session_form=form), status=status
        )


class CoverageView(ScopedMixin, generic.TemplateView):
    """教育覆盖情况: for the people the user sees, which of the year's programmes each attended."""

    model = EducationProgramme
    template_name = "community/education_coverage.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        user, year, today = self.request.user, year_of(self.request), timezone.localdate()
        programmes = list(
            EducationProgramme.objects.visible_to(user).filter(
                starts_on__year__lte=year, ends_on__year__gte=year
            )
        )
        people = within_scopes(Person.objects.all(), user, EducationProgramme)
        rows, reached = coverage(people, programmes)
        return super().get_context_data(
            year=year, years=range(today.year, today.year - 8, -1), programmes=programmes, rows=rows,
            reached=[(p, reached[p.pk]) for p in programmes], total=len(rows),
            uncovered=sum(1 for r in rows if not r.sessions), **kwargs,
        )  # fmt: skip
