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

from flameblue.community import organization, services, volunteers
from flameblue.community.filters import ActivityFilter, PartnerFilter
from flameblue.community.forms import (
    ActivityEditForm,
    ActivityForm,
    AttachmentForm,
    MemberForm,
    MonthlyContentForm,
    PartnerAccountForm,
    PartnerEditForm,
    PartnerForm,
    PlanEditForm,
    PlanForm,
    QuarterForm,
    ServiceRecordForm,
    TeamEditForm,
    TeamForm,
)
from flameblue.community.models import (
    Activity,
    AnnualPlan,
    Partner,
    PartyMeeting,
    VolunteerMember,
    VolunteerTeam,
)
from flameblue.community.selectors import brigade_compliance, plan_discipline
from flameblue.core import audit
from flameblue.core.exports import xlsx_response
from flameblue.core.scoping import has_action, within_scopes
from flameblue.core.service_errors import deny, run_service
from flameblue.core.views import (
    ObjectFormView,
    ScopedCreateView,
    ScopedDetailView,
    ScopedListView,
    ScopedMixin,
)
from flameblue.org.models import Membership, Organization

__all__ = [
    "ActivityCreateView",
    "ActivityEditView",
    "ActivityPhotoView",
    "AttachView",
    "EditView",
    "ExportView",
    "HoursExportView",
    "LeadingGroupView",
    "PartnerAccountView",
    "PartnerAgreementView",
    "PartnerEditView",
    "PartnerExportView",
    "PlanEditView",
    "TeamEditView",
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


class ExportView(ScopedMixin, generic.View):
    """An Excel export of a filtered list (the list's own filter), audited as an export. Subclasses give
    ``queryset()``, ``row(obj)``, ``headers`` and ``name``; ``rows()`` may replace the per-object rows."""

    filterset_class: Any = None
    name: Any = ""
    headers: tuple = ()

    def queryset(self):  # pragma: no cover - abstract
        raise NotImplementedError

    def row(self, obj: Any) -> list[Any]:  # pragma: no cover - abstract
        raise NotImplementedError

    def rows(self) -> list[list[Any]]:
        qs = self.queryset()
        if self.filterset_class is not None:
            qs = self.filterset_class(self.request.GET or None, queryset=qs, request=self.request).qs
        return [self.row(obj) for obj in qs[:50000]]

    def get(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        rows, name = self.rows(), str(self.name)
        filters = {k: v for k, v in request.GET.items() if v and k != "page"}
        audit.record(audit.AuditAction.EXPORT, by=request.user, object_type=self.model._meta.label_lower,
                     object_repr=name, changes={"rows": len(rows), "filters": filters})  # fmt: skip
        return xlsx_response(f"{name}_{timezone.localtime():%Y%m%d_%H%M}.xlsx", [str(h) for h in self.headers], rows,
                             title=name)  # fmt: skip


class EditView(ObjectFormView):
    """Edit one record through ``update(obj, by=, data=, expected_version=)``: the form starts from the record
    and carries the version the user saw; a change by someone else in between is refused (409, on the form)."""

    action = "change"
    template_name = "community/form.html"
    detail_url_name = ""
    heading: Any = ""

    def update(self, obj: Any, **kwargs: Any) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_initial(self) -> dict[str, Any]:
        obj = self.object
        initial = {name: getattr(obj, name) for name in self.form_class.base_fields if hasattr(obj, name)}
        return {**initial, "version": obj.version}

    def perform(self, form) -> Any:
        data = dict(form.cleaned_data)
        version = data.pop("version", None)
        return self.update(self.object, by=self.request.user, data=data, expected_version=version)

    def get_success_url(self) -> str:
        messages.success(self.request, _("已保存。"))
        return reverse(self.detail_url_name, kwargs={"pk": self.object.pk})

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            heading=f"{self.heading}：{self.object}",
            cancel_url=reverse(self.detail_url_name, kwargs={"pk": self.object.pk}), **kwargs,
        )  # fmt: skip


class AttachView(ObjectFormView):
    """POST a file to a partner (the signed agreement) or an activity (a photo); checked by the upload
    service, refused on the form with the reason."""

    action = "change"
    form_class = AttachmentForm
    template_name = "community/form.html"
    purpose = "photo"
    detail_url_name = ""

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "user": self.request.user}

    def perform(self, form: AttachmentForm) -> Any:
        return services.attach_file(by=self.request.user, obj=self.object, upload=form.cleaned_data["file"],
                                    purpose=self.purpose)  # fmt: skip

    def get_success_url(self) -> str:
        messages.success(self.request, _("文件已上传。"))
        return reverse(self.detail_url_name, kwargs={"pk": self.object.pk})

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            heading=_("上传文件：%(name)s") % {"name": self.object},
            cancel_url=reverse(self.detail_url_name, kwargs={"pk": self.object.pk}), **kwargs,
        )  # fmt: skip


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
            agreements=services.attachments(partner, "agreement"),
            accounts=organization.partner_accounts(partner),
            may_change=_may(self.request.user, Partner, "change", partner.pk),
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


class ActivityExportView(ExportView):
    """The filtered activity list as Excel (same filter as the page), audited as an export."""

    model = Activity
    filterset_class = ActivityFilter
    name = gettext_lazy("共建活动")
    headers = (gettext_lazy("活动日期"), gettext_lazy("活动名称"), gettext_lazy("活动类型"), gettext_lazy("共建单位"),
               gettext_lazy("结对站"), gettext_lazy("活动地点"), gettext_lazy("我方参加人数"),
               gettext_lazy("共建单位参加人数"), gettext_lazy("受益人数"), gettext_lazy("活动简况"))  # fmt: skip

    def queryset(self):
        return Activity.objects.visible_to(self.request.user).select_related(
            "partner__station", "activity_type"
        )

    def row(self, a: Activity) -> list[Any]:
        return [a.held_on, a.title, a.activity_type.name, a.partner.name, a.partner.station.name, a.place,
                a.our_participants, a.partner_participants, a.beneficiaries, a.account]  # fmt: skip


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

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            photos=services.attachments(self.object, "photo"),
            may_change=_may(self.request.user, Activity, "change", self.object.pk), **kwargs,
        )  # fmt: skip


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


# ------------------------------------------------------------------------------------------- edits, files, exports


class PartnerEditView(EditView):
    model = Partner
    form_class = PartnerEditForm
    detail_url_name = "community:partner-detail"
    heading = gettext_lazy("修改共建单位")

    def update(self, obj: Partner, **kwargs: Any) -> Partner:
        return services.partner_update(obj, **kwargs)


class PlanEditView(EditView):
    model = AnnualPlan
    form_class = PlanEditForm
    detail_url_name = "community:plan-detail"
    heading = gettext_lazy("修改年度计划")

    def update(
        self, obj: AnnualPlan, *, by: Any, data: dict[str, Any], expected_version: int | None
    ) -> AnnualPlan:
        return services.plan_update(obj, by=by, goals=data["goals"], expected_version=expected_version)


class ActivityEditView(EditView):
    model = Activity
    form_class = ActivityEditForm
    detail_url_name = "community:activity-detail"
    heading = gettext_lazy("修改共建活动")

    def update(self, obj: Activity, **kwargs: Any) -> Activity:
        return services.activity_update(obj, **kwargs)


class TeamEditView(EditView):
    model = VolunteerTeam
    form_class = TeamEditForm
    detail_url_name = "community:team-detail"
    heading = gettext_lazy("修改志愿服务队")

    def update(self, obj: VolunteerTeam, **kwargs: Any) -> VolunteerTeam:
        return volunteers.team_update(obj, **kwargs)


class PartnerAgreementView(AttachView):
    model = Partner
    purpose = "agreement"
    detail_url_name = "community:partner-detail"


class ActivityPhotoView(AttachView):
    model = Activity
    purpose = "photo"
    detail_url_name = "community:activity-detail"


class PartnerAccountView(ObjectFormView):
    """开通共建单位账号: give one of the partner's registered people an account scoped to this partner."""

    model = Partner
    action = "change"
    form_class = PartnerAccountForm
    template_name = "community/form.html"

    def dispatch(self, request, *args: Any, **kwargs: Any):
        if request.user.is_authenticated and not has_action(request.user, Membership, "add"):
            raise deny(request)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "partner": self.object}

    def perform(self, form: PartnerAccountForm) -> Any:
        return organization.partner_account_grant(by=self.request.user, partner=self.object,
                                                  person=form.cleaned_data["person"])  # fmt: skip

    def get_success_url(self) -> str:
        messages.success(self.request, _("已开通共建单位账号：该账号只能查看本单位的结对、计划和活动。"))
        return reverse("community:partner-detail", kwargs={"pk": self.object.pk})

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            heading=_("开通共建单位账号：%(name)s") % {"name": self.object.name},
            cancel_url=reverse("community:partner-detail", kwargs={"pk": self.object.pk}), **kwargs,
        )  # fmt: skip


class PartnerExportView(ExportView):
    model = Partner
    filterset_class = PartnerFilter
    name = gettext_lazy("共建单位")
    headers = (gettext_lazy("共建单位名称"), gettext_lazy("单位类别"), gettext_lazy("结对消防救援站/大队"),
               gettext_lazy("协议签订日期"), gettext_lazy("协议起始日期"), gettext_lazy("协议截止日期"),
               gettext_lazy("联系人"), gettext_lazy("联系电话"), gettext_lazy("共建中"), gettext_lazy("共建活动"))  # fmt: skip

    def queryset(self):
        return (
            Partner.objects.visible_to(self.request.user).select_related("station")
            .annotate(n_activities=Count("activities")).order_by("region_id", "name")
        )  # fmt: skip

    def row(self, p: Partner) -> list[Any]:
        return [p.name, p.get_kind_display(), p.station.name, p.agreement_signed_on, p.agreement_starts_on,
                p.agreement_ends_on, p.contact_name, p.contact_phone_masked, _("是") if p.active else _("否"),
                p.n_activities]  # fmt: skip


class HoursExportView(ExportView):
    """Each member's services and hours in the chosen year, for the teams the user sees."""

    model = VolunteerTeam
    name = gettext_lazy("志愿服务时长")
    headers = (gettext_lazy("服务队"), gettext_lazy("所属消防救援站/大队"), gettext_lazy("姓名"), gettext_lazy("身份"),
               gettext_lazy("服务次数"), gettext_lazy("服务时长（小时）"))  # fmt: skip

    def rows(self) -> list[list[Any]]:
        return volunteers.hours_rows(VolunteerTeam.objects.visible_to(self.request.user), _year(self.request))


# ------------------------------------------------------------------------------------------- leading group


class LeadingGroupView(ScopedMixin, generic.TemplateView):
    """双拥工作领导小组及办公室，大队、站的对应机构: the memberships under the 双拥 roles that apply to the
    chosen year, in the organizations the user sees."""

    model = PartyMeeting
    template_name = "community/leading_group.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        year, today = _year(self.request), timezone.localdate()
        orgs = within_scopes(Organization.objects.all(), self.request.user, PartyMeeting, "view")
        return super().get_context_data(
            year=year, years=range(today.year + 1, today.year - 8, -1),
            memberships=organization.group_for_year(orgs, year), **kwargs,
        )  # fmt: skip
