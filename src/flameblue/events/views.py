"""Pages of event security: the event list (and its Excel export), preparing and editing an event, its page
(venues, daily reports, incidents, timeline), the commander's readiness page, a venue's page (pre-event
inspections, hazards and risk acceptance, duty posts and roster), and one POST view per service call. Every
page reads through ``visible_to`` (out of scope is 404) and writes through one service; refusals come back
on the page through ``run_service``."""

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

from flameblue.core import audit
from flameblue.core.exports import xlsx_response
from flameblue.core.scoping import has_action
from flameblue.core.service_errors import run_service
from flameblue.core.views import ScopedCreateView, ScopedDetailView, ScopedListView, ScopedMixin
from flameblue.events import forms as f
from flameblue.events import services
from flameblue.events.choices import EventStatus
from flameblue.events.filters import EventFilter
from flameblue.events.models import Event, Venue
from flameblue.events.selectors import readiness, venue_hazards, venue_inspections
from flameblue.inspections.models import Inspection

S = EventStatus


def _may(user: Any, action: str, event: Event) -> bool:
    return Event.objects.visible_to(user, action).filter(pk=event.pk).exists()


class EventListView(ScopedListView):
    model = Event
    filterset_class = EventFilter
    template_name = "events/event_list.html"
    partial_template_name = "events/_event_table.html"

    def get_queryset(self):
        return super().get_queryset().select_related("organiser", "region").annotate(n_venues=Count("venues"))


class EventExportView(ScopedMixin, generic.View):
    """The filtered event list as Excel (same filter as the page), audited as an export."""

    model = Event

    def get(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        queryset = Event.objects.visible_to(request.user).select_related("organiser", "region")
        queryset = EventFilter(request.GET or None, queryset=queryset, request=request).qs
        rows = [
            [e.name, e.get_level_display(), e.organiser.name, e.region.name, e.starts_on, e.ends_on,
             e.get_status_display(), e.n_venues, e.n_incidents]
            for e in queryset.annotate(n_venues=Count("venues", distinct=True),
                                       n_incidents=Count("incidents", distinct=True))
        ]  # fmt: skip
        headers = [_("活动名称"), _("级别"), _("主办单位"), _("所在区划"), _("开始日期"), _("结束日期"), _("状态"),
                   _("活动场所"), _("安保警情")]  # fmt: skip
        name = _("重大活动消防安保")
        filters = {k: v for k, v in request.GET.items() if v and k != "page"}
        audit.record(audit.AuditAction.EXPORT, by=request.user, object_type="events.event", object_repr=name,
                     changes={"rows": len(rows), "filters": filters})  # fmt: skip
        return xlsx_response(f"{name}_{timezone.localtime():%Y%m%d_%H%M}.xlsx", headers, rows, title=name)


class EventCreateView(ScopedCreateView):
    model = Event
    form_class = f.EventForm
    template_name = "events/event_form.html"
    success_message = gettext_lazy("重大活动已登记，请添加活动场所并组织安保检查。")

    def perform(self, form: f.EventForm) -> Event:
        return services.event_create(by=self.request.user, **form.cleaned_data)

    def get_success_url(self) -> str:
        return reverse("events:event-detail", kwargs={"pk": self.object.pk})


class EventEditView(ScopedDetailView):
    """修改 an event; a stale version comes back as a form error (409)."""

    model = Event
    action = "change"
    template_name = "events/event_form.html"

    def get(self, request, *args: Any, **kwargs: Any):
        self.object = self.get_object()
        form = f.EventEditForm(event=self.object, user=request.user)
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args: Any, **kwargs: Any):
        self.object = event = self.get_object()
        form = f.EventEditForm(request.POST, event=event, user=request.user)
        status = 400
        if form.is_valid():
            _result, status = run_service(
                request,
                lambda: services.event_update(event, by=request.user, **form.service_kwargs()),
                form=form,
            )
            if status is None:
                messages.success(request, _("已保存。"))
                return HttpResponseRedirect(reverse("events:event-detail", kwargs={"pk": event.pk}))
        return self.render_to_response(self.get_context_data(form=form), status=status)


class EventDetailView(ScopedDetailView):
    model = Event
    template_name = "events/event_detail.html"

    def scoped_queryset(self, action: str = "view"):
        return super().scoped_queryset(action).select_related("organiser", "region")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        event, user = self.object, self.request.user
        may_change = _may(user, "change", event) and event.status != S.ENDED
        may_command = _may(user, "command", event)
        under_way = event.status != S.PREPARING
        context.update(
            venues=Venue.objects.visible_to(user).filter(event=event).select_related("unit", "region"),
            reports=event.daily_reports.order_by("-date"),
            incidents=event.incidents.select_related("venue").order_by("-occurred_at"),
            transitions=event.transitions.select_related("by").order_by("at", "id"),
            may_edit=may_change,
            version_form=f.VersionForm(initial={"version": event.version}),
            may_start=may_command and event.status == S.PREPARING,
            end_form=kwargs.get("end_form") or (
                f.EventEndForm(initial={"version": event.version}) if may_command and event.status == S.SECURING
                else None
            ),
            venue_form=kwargs.get("venue_form") or (f.VenueForm(event=event, user=user) if may_change else None),
            report_form=kwargs.get("report_form") or (f.DailyReportForm() if may_change and under_way else None),
            incident_form=kwargs.get("incident_form") or (
                f.IncidentForm(event=event) if may_change and under_way else None
            ),
        )  # fmt: skip
        return context


class ReadinessView(ScopedDetailView):
    """The commander's page: per venue checked / hazards open / posts staffed, and the overall state."""

    model = Event
    template_name = "events/event_readiness.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        event = self.object
        visible = set(
            Venue.objects.visible_to(self.request.user).filter(event=event).values_list("pk", flat=True)
        )
        state = readiness(event)
        context.update(
            readiness=state, rows=[r for r in state.venues if r.venue.pk in visible], days=event.days,
            may_start=_may(self.request.user, "command", event) and event.status == S.PREPARING,
            version_form=f.VersionForm(initial={"version": event.version}),
        )  # fmt: skip
        return context


class _PostMixin:
    """POST only: one service call. A refusal re-shows the record's page (400/409) with the input kept on its
    form (``form_name``) or, for a bare button, in the page messages."""

    http_method_names = ["post"]
    done_message = ""
    form_name = ""

    def form(self, request, obj):  # pragma: no cover - abstract
        raise NotImplementedError

    def call(self, request, obj, data: dict[str, Any]):  # pragma: no cover - abstract
        raise NotImplementedError

    def back(self, obj) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def next_url(self, obj, result) -> str:
        return self.back(obj)

    def post(self, request, *args: Any, **kwargs: Any):
        self.object = obj = self.get_object()
        form = self.form(request, obj)
        status = 400
        if form.is_valid():
            target = form if self.form_name else None
            result, status = run_service(
                request, lambda: self.call(request, obj, form.cleaned_data), form=target
            )
            if status is None:
                messages.success(request, self.done_message)
                return HttpResponseRedirect(self.next_url(obj, result))
        if not self.form_name:
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
        context = self.get_context_data(object=obj, **({self.form_name: form} if self.form_name else {}))
        return self.render_to_response(context, status=status)


class _EventPost(_PostMixin, EventDetailView):
    action = "change"

    def back(self, obj) -> str:
        return reverse("events:event-detail", kwargs={"pk": obj.pk})


class EventStartView(_EventPost):
    action = "command"
    done_message = gettext_lazy("已进入安保。")

    def form(self, request, obj):
        return f.VersionForm(request.POST)

    def call(self, request, obj, data):
        return services.event_start(event=obj, by=request.user, expected_version=data.get("version"))


class EventEndView(_EventPost):
    action = "command"
    form_name = "end_form"
    done_message = gettext_lazy("安保已结束，总结已保存。")

    def form(self, request, obj):
        return f.EventEndForm(request.POST)

    def call(self, request, obj, data):
        return services.event_end(event=obj, by=request.user, summary=data["summary"],
                                  expected_version=data.get("version"))  # fmt: skip


class VenueAddView(_EventPost):
    form_name = "venue_form"
    done_message = gettext_lazy("活动场所已添加。")

    def form(self, request, obj):
        return f.VenueForm(request.POST, event=obj, user=request.user)

    def call(self, request, obj, data):
        return services.venue_add(event=obj, by=request.user, **data)

    def next_url(self, obj, result) -> str:
        return reverse("events:venue-detail", kwargs={"pk": result.pk})


class DailyReportAddView(_EventPost):
    form_name = "report_form"
    done_message = gettext_lazy("日报已报送。")

    def form(self, request, obj):
        return f.DailyReportForm(request.POST)

    def call(self, request, obj, data):
        return services.daily_report_add(event=obj, by=request.user, **data)


class IncidentAddView(_EventPost):
    form_name = "incident_form"
    done_message = gettext_lazy("警情已登记。")

    def form(self, request, obj):
        return f.IncidentForm(request.POST, event=obj)

    def call(self, request, obj, data):
        return services.incident_add(event=obj, by=request.user, **data)


class VenueDetailView(ScopedDetailView):
    model = Venue
    template_name = "events/venue_detail.html"

    def scoped_queryset(self, action: str = "view"):
        return super().scoped_queryset(action).select_related("event", "unit", "region")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        venue, user = self.object, self.request.user
        event = venue.event
        open_event = event.status != S.ENDED
        may_change = _may(user, "change", event) and open_event
        may_command = _may(user, "command", event) and open_event
        accepted = {a.hazard_id: a for a in venue.acceptances.select_related("accepted_by")}
        hazards = list(venue_hazards(venue))
        for hazard in hazards:
            hazard.acceptance = accepted.get(hazard.pk)
        posts = list(venue.posts.prefetch_related("crew", "shifts__people").order_by("id"))
        state = next(r for r in readiness(event).venues if r.venue.pk == venue.pk)
        context.update(
            event=event, state=state, hazards=hazards, posts=posts,
            inspections=venue_inspections(venue).select_related("inspector"),
            may_inspect=open_event and not venue.is_ad_hoc and has_action(user, Inspection, "add"),
            site_check_form=kwargs.get("site_check_form") or (
                f.SiteCheckForm() if may_change and venue.is_ad_hoc else None
            ),
            accept_form=kwargs.get("accept_form") or (
                f.HazardAcceptForm(venue=venue) if may_command and state.open_hazards else None
            ),
            post_form=kwargs.get("post_form") or (f.PostForm(user=user) if may_change else None),
            shift_form=kwargs.get("shift_form") or (
                f.ShiftForm(venue=venue, user=user) if may_change and posts else None
            ),
        )  # fmt: skip
        return context


class _VenuePost(_PostMixin, VenueDetailView):
    def back(self, obj) -> str:
        return reverse("events:venue-detail", kwargs={"pk": obj.pk})


class VenueInspectView(_VenuePost):
    """Start the venue's pre-event inspection and go to its form."""

    done_message = gettext_lazy("已发起消防安保检查，请逐项填写。")

    def form(self, request, obj):
        return f.VersionForm(request.POST)

    def call(self, request, obj, data):
        return services.venue_inspection_start(venue=obj, by=request.user)

    def next_url(self, obj, result) -> str:
        return reverse("inspections:inspection-form", kwargs={"pk": result.pk})


class VenueSiteCheckView(_VenuePost):
    form_name = "site_check_form"
    done_message = gettext_lazy("现场检查情况已登记。")

    def form(self, request, obj):
        return f.SiteCheckForm(request.POST)

    def call(self, request, obj, data):
        return services.venue_site_check(venue=obj, by=request.user, **data)


class HazardAcceptView(_VenuePost):
    form_name = "accept_form"
    done_message = gettext_lazy("已接受该隐患的风险。")

    def form(self, request, obj):
        return f.HazardAcceptForm(request.POST, venue=obj)

    def call(self, request, obj, data):
        return services.hazard_accept(venue=obj, by=request.user, **data)


class PostAddView(_VenuePost):
    form_name = "post_form"
    done_message = gettext_lazy("执勤岗位已添加。")

    def form(self, request, obj):
        return f.PostForm(request.POST, user=request.user)

    def call(self, request, obj, data):
        return services.post_add(venue=obj, by=request.user, **data)


class ShiftAddView(_VenuePost):
    form_name = "shift_form"
    done_message = gettext_lazy("排班已添加。")

    def form(self, request, obj):
        return f.ShiftForm(request.POST, venue=obj, user=request.user)

    def call(self, request, obj, data):
        data = dict(data)
        return services.shift_add(by=request.user, **data)
