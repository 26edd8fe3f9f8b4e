"""Pages of the 双拥 co-construction work: partners, their annual plans (quarterly arrangements and monthly
content added on the plan's page), activities, and the plan-discipline heat map with its due list. Every
page fetches through ``visible_to``; every write is one service call."""

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

from flameblue.community import services, volunteers
from flameblue.community.filters import ActivityFilter, PartnerFilter
from flameblue.community.forms import (
    ActivityForm,
    MemberForm,
    MonthlyContentForm,
    PartnerForm,
    PlanForm,
    QuarterForm,
    ServiceRecordForm,
    TeamForm,
)
from flameblue.community.models import Activity, AnnualPlan, Partner, VolunteerMember, VolunteerTeam
from flameblue.community.selectors import brigade_compliance, plan_discipline
from flameblue.core import audit
from flameblue.core.exports import xlsx_response
from flameblue.core.scoping import has_action
from flameblue.core.service_errors import deny, run_service
from flameblue.core.views import ScopedCreateView, ScopedDetailView, ScopedListView, ScopedMixin

__all__ = [
    "ActivityCreateView",
    "ActivityDetailView",
    "ActivityExportView",
    "ActivityListView",
    "PartnerCreateView",
    "PartnerDetailView",
    "PartnerListView",
    "PlanCreateView",
    "PlanDetailView",
    "PlanDisciplineView",
    "PlanPartAddView",
    "MemberCertificateView",
    "TeamCreateView",
    "TeamDetailView",
    "TeamListView",
    "TeamPartAddView",
]


def _may(user: Any, model: Any, action: str, pk: int) -> bool:
    return model.objects.visible_to(user, action).filter(pk=pk).exists()


def _year(request) -> int:
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return timezone.localdate().year
    return year if 2000 <= year <= 2100 else timezone.localdate().year


# ------------------------------------------------------------------------------------------- partners


class PartnerListView(ScopedListView):
    model = Partner
    filterset_class = PartnerFilter
    template_name = "community/partner_list.html"
    partial_template_name = "community/_partner_table.html"

    def get_queryset(self):
        qs = super().get_queryset().select_related("station").annotate(n_activities=Count("activities"))
        return qs.order_by("region_id", "name")


class PartnerCreateView(ScopedCreateView):
    model = Partner
    form_class = PartnerForm
    template_name = "community/form.html"
    success_message = gettext_lazy("共建单位已登记，可继续制定年度计划。")

    def perform(self, form: PartnerForm) -> Partner:
        return services.partner_create(by=self.request.user, **form.cleaned_data)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            heading=_("登记共建单位"), cancel_url=reverse("community:partner-list"), **kwargs
        )

    def get_success_url(self) -> str:
        return reverse("community:partner-detail", kwargs={"pk": self.object.pk})


class PartnerDetailView(ScopedDetailView):
    model = Partner
    template_name = "community/partner_detail.html"

    def scoped_queryset(self, action: str = "view"):
        return super().scoped_queryset(action).select_related("station", "organization")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        partner = self.object
        context.update(
            plans=partner.plans.annotate(n_quarters=Count("quarters", distinct=True), n_months=Count("months", distinct=True)),
            activities=partner.activities.select_related("activity_type")[:20],
        )  # fmt: skip
        return context


# ------------------------------------------------------------------------------------------- plans


class PlanCreateView(ScopedDetailView):
    """GET shows the plan form for one partner; POST creates the annual plan through the service."""

    model = Partner
    action = "view"
    template_name = "community/form.html"

    def dispatch(self, request, *args: Any, **kwargs: Any):
        if request.user.is_authenticated and not has_action(request.user, AnnualPlan, "add"):
            raise deny(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        form = kwargs.pop("form", None) or PlanForm(user=self.request.user)
        return super().get_context_data(
            form=form, heading=_("制定年度共建计划：%(name)s") % {"name": self.object.name},
            cancel_url=reverse("community:partner-detail", kwargs={"pk": self.object.pk}), **kwargs,
        )  # fmt: skip

    def post(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = partner = self.get_object()
        form = PlanForm(request.POST, user=request.user)
        status = 400
        if form.is_valid():
            plan, status = run_service(
                request,
                lambda: services.plan_create(by=request.user, partner=partner, **form.cleaned_data),
                form=form,
            )
            if status is None:
                messages.success(request, _("年度计划已制定，请逐季安排、逐月填写活动内容。"))
                return HttpResponseRedirect(reverse("community:plan-detail", kwargs={"pk": plan.pk}))
        return self.render_to_response(self.get_context_data(form=form), status=status)


PART_FORMS = {"quarter": QuarterForm, "month": MonthlyContentForm}


class PlanDetailView(ScopedDetailView):
    model = AnnualPlan
    template_name = "community/plan_detail.html"

    def scoped_queryset(self, action: str = "view"):
        return super().scoped_queryset(action).select_related("partner__station")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        plan, user = self.object, self.request.user
        may_change = _may(user, AnnualPlan, "change", plan.pk)
        forms = {}
        if may_change:
            forms = {part: kwargs.get(f"{part}_form") or cls() for part, cls in PART_FORMS.items()}
        quarters = {q.quarter: q for q in plan.quarters.all()}
        months: dict[int, list] = {m: [] for m in range(1, 13)}
        for item in plan.months.select_related("activity_type").annotate(n_activities=Count("activities")):
            months[item.month].append(item)
        context.update(
            may_change=may_change, quarter_form=forms.get("quarter"), month_form=forms.get("month"),
            quarters=[(q, quarters.get(q)) for q in range(1, 5)], months=sorted(months.items()),
        )  # fmt: skip
        return context


class PlanPartAddView(PlanDetailView):
    """POST only: a quarterly arrangement or a month's content; errors re-show the plan with the input kept."""

    http_method_names = ["post"]
    action = "change"
    part = "quarter"

    def post(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = plan = self.get_object()
        form = PART_FORMS[self.part](request.POST)
        status = 400
        if form.is_valid():
            service = services.quarter_arrange if self.part == "quarter" else services.monthly_content_add
            _result, status = run_service(
                request, lambda: service(by=request.user, plan=plan, **form.cleaned_data), form=form
            )
            if status is None:
                messages.success(request, _("已保存。"))
                return HttpResponseRedirect(reverse("community:plan-detail", kwargs={"pk": plan.pk}))
        context = self.get_context_data(object=plan, **{f"{self.part}_form": form})
        return self.render_to_response(context, status=status)


class PlanDisciplineView(ScopedMixin, generic.TemplateView):
    """年有计划、季有安排、月有内容: the heat map (pairings × months), the due list of what is missing, and the
    compliance rate per brigade, for the pairings the user sees and the chosen year."""

    model = Partner
    template_name = "community/plan_discipline.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        year, today = _year(self.request), timezone.localdate()
        rows = plan_discipline(Partner.objects.visible_to(self.request.user), year, today)
        gaps = [row for row in rows if not row.compliant]
        return super().get_context_data(
            year=year, years=range(today.year + 1, today.year - 8, -1), rows=rows, gaps=gaps,
            brigades=brigade_compliance(rows), months=range(1, 13), **kwargs,
        )  # fmt: skip


# ------------------------------------------------------------------------------------------- activities


class ActivityListView(ScopedListView):
    model = Activity
    filterset_class = ActivityFilter
    template_name = "community/activity_list.html"
    partial_template_name = "community/_activity_table.html"

    def get_queryset(self):
        return super().get_queryset().select_related("partner", "activity_type")


class ActivityExportView(ScopedMixin, generic.View):
    """The filtered activity list as Excel (same filter as the page), audited as an export."""

    model = Activity

    def get(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        queryset = Activity.objects.visible_to(request.user).select_related(
            "partner__station", "activity_type"
        )
        rows = [
            [a.held_on, a.title, a.activity_type.name, a.partner.name, a.partner.station.name, a.place,
             a.our_participants, a.partner_participants, a.beneficiaries, a.account]
            for a in ActivityFilter(request.GET or None, queryset=queryset, request=request).qs[:50000]
        ]  # fmt: skip
        headers = [_("活动日期"), _("活动名称"), _("活动类型"), _("共建单位"), _("结对站"), _("活动地点"),
                   _("我方参加人数"), _("共建单位参加人数"), _("受益人数"), _("活动简况")]  # fmt: skip
        name = _("共建活动")
        filters = {k: v for k, v in request.GET.items() if v and k != "page"}
        audit.record(audit.AuditAction.EXPORT, by=request.user, object_type=Activity._meta.label_lower,
                     object_repr=name, changes={"rows": len(rows), "filters": filters})  # fmt: skip
        return xlsx_response(f"{name}_{timezone.localtime():%Y%m%d_%H%M}.xlsx", headers, rows, title=name)


class ActivityCreateView(ScopedCreateView):
    model = Activity
    form_class = ActivityForm
    template_name = "community/form.html"
    success_message = gettext_lazy("共建活动已登记。")

    def get_initial(self) -> dict[str, Any]:
        return {"partner": self.request.GET.get("partner"), "plan_item": self.request.GET.get("plan_item")}

    def perform(self, form: ActivityForm) -> Activity:
        return services.activity_record(by=self.request.user, **form.cleaned_data)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            heading=_("登记共建活动"), cancel_url=reverse("community:activity-list"), **kwargs
        )

    def get_success_url(self) -> str:
        return reverse("community:activity-detail", kwargs={"pk": self.object.pk})


class ActivityDetailView(ScopedDetailView):
    model = Activity
    template_name = "community/activity_detail.html"

    def scoped_queryset(self, action: str = "view"):
        return (
            super()
            .scoped_queryset(action)
            .select_related("partner__station", "activity_type", "plan_item__plan")
        )


# ------------------------------------------------------------------------------------------- volunteer teams


class TeamListView(ScopedListView):
    model = VolunteerTeam
    template_name = "community/team_list.html"

    def get_queryset(self):
        year = _year(self.request)
        return volunteers.team_hours(super().get_queryset().select_related("station"), year)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(year=_year(self.request), **kwargs)


class TeamCreateView(ScopedCreateView):
    model = VolunteerTeam
    form_class = TeamForm
    template_name = "community/form.html"
    success_message = gettext_lazy("志愿服务队已登记，可继续添加队员。")

    def perform(self, form: TeamForm) -> VolunteerTeam:
        return volunteers.team_create(by=self.request.user, **form.cleaned_data)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            heading=_("登记学雷锋志愿服务队"), cancel_url=reverse("community:team-list"), **kwargs
        )

    def get_success_url(self) -> str:
        return reverse("community:team-detail", kwargs={"pk": self.object.pk})


TEAM_FORMS = {"member": MemberForm, "record": ServiceRecordForm}


class TeamDetailView(ScopedDetailView):
    model = VolunteerTeam
    template_name = "community/team_detail.html"

    def scoped_queryset(self, action: str = "view"):
        return super().scoped_queryset(action).select_related("station")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        team, year = self.object, _year(self.request)
        may_change = _may(self.request.user, VolunteerTeam, "change", team.pk)
        forms = {}
        if may_change:
            forms = {part: kwargs.get(f"{part}_form") or cls(team=team) for part, cls in TEAM_FORMS.items()}
        members = volunteers.member_hours(team, year)
        context.update(
            year=year, members=members, total=sum((h for _m, h, _n in members), 0), may_change=may_change,
            records=team.records.annotate(n_members=Count("hours"))[:30], member_form=forms.get("member"),
            record_form=forms.get("record"),
        )  # fmt: skip
        return context


class TeamPartAddView(TeamDetailView):
    """POST only: a member or a service record; errors re-show the team page with the input kept."""

    http_method_names = ["post"]
    action = "change"
    part = "member"

    def post(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = team = self.get_object()
        form = TEAM_FORMS[self.part](request.POST, team=team)
        status = 400
        if form.is_valid():
            if self.part == "member":
                call = lambda: volunteers.member_add(by=request.user, team=team, **form.cleaned_data)  # noqa: E731
            else:
                call = lambda: volunteers.service_record(by=request.user, team=team, **form.service_data())  # noqa: E731
            _result, status = run_service(request, call, form=form)
            if status is None:
                messages.success(request, _("已保存。"))
                return HttpResponseRedirect(reverse("community:team-detail", kwargs={"pk": team.pk}))
        context = self.get_context_data(object=team, **{f"{self.part}_form": form})
        return self.render_to_response(context, status=status)


class MemberCertificateView(ScopedDetailView):
    """志愿服务时长证明: a printable page of one member's services and hours in a year."""

    model = VolunteerMember
    template_name = "community/certificate.html"

    def scoped_queryset(self, action: str = "view"):
        return super().scoped_queryset(action).select_related("team__station")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            certificate=volunteers.certificate(self.object, _year(self.request)),
            today=timezone.localdate(),
            **kwargs,
        )
