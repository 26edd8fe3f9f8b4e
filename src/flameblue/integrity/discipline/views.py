"""Pages of the discipline records. Clues and the procuratorate exchange answer 404 to anyone whose role
does not grant them (the detachment and system administrators included), as if they did not exist. Every
list of clues or declarations is a read recorded with the ids shown; every clue page a read of that clue;
exports carry the reader's name and time in the file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
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
from flameblue.integrity.discipline import forms, services
from flameblue.integrity.discipline.choices import ClueStatus
from flameblue.integrity.discipline.models import (
    Clue,
    CreditCheck,
    FamilyPledge,
    IntegrityReport,
    PhoneRegistration,
    ProcuratorateExchange,
    ServiceMeasure,
    WarningSession,
)
from flameblue.integrity.discipline.policy import measures_in_force
from flameblue.integrity.discipline.selectors import declaration_compliance, list_read, record_read


def reader_stamp(user: Any) -> str:
    """The line an export carries: who read it and when (a leaked copy names its reader)."""
    name = getattr(getattr(user, "person", None), "name", "") or user.get_username()
    return _("导出人：%(reader)s，导出时间：%(at)s。廉政记录，注意保密。") % {
        "reader": f"{name}（{user.get_username()}）", "at": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
    }  # fmt: skip


class HiddenMixin:
    """The most restricted records: a user whose roles do not grant the action gets 404, not 403 (the
    register's existence is not revealed to administrators)."""

    def dispatch(self, request, *args: Any, **kwargs: Any):
        if request.user.is_authenticated and not has_action(request.user, self.model, self.action):
            raise Http404
        return super().dispatch(request, *args, **kwargs)


@dataclass(frozen=True)
class Column:
    label: str
    value: Callable[[Any], Any]


class TableListView(ScopedListView):
    """A scoped list shown with the shared table template: ``columns``, a link column, the add link. When
    ``audited``, the rows shown are recorded as a read."""

    template_name = "integrity/discipline/table.html"
    columns: list[Column] = []
    detail_url_name = ""
    create_url_name = ""
    audited = False
    related: tuple[str, ...] = ()
    intro = ""
    export_url_name = ""

    def get_queryset(self):
        return super().get_queryset().select_related(*self.related)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        objects = list(context["object_list"])
        if self.audited:
            list_read(self.model, [o.pk for o in objects], by=self.request.user)
        user = self.request.user
        context.update(
            title=self.model._meta.verbose_name_plural, intro=self.intro,
            headers=[c.label for c in self.columns],
            rows=[(o, [c.value(o) for c in self.columns]) for o in objects],
            detail_url_name=self.detail_url_name,
            create_url_name=self.create_url_name if has_action(user, self.model, "add") else "",
            export_url_name=self.export_url_name if has_action(user, self.model, "export") else "",
        )  # fmt: skip
        return context


class FormPageView(ScopedCreateView):
    template_name = "integrity/discipline/form.html"
    list_url_name = ""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(model_name=self.model._meta.verbose_name, cancel_url=reverse(self.list_url_name))
        return context

    def get_success_url(self) -> str:
        return reverse(self.list_url_name)


# -------------------------------------------------------------------------------------------- clues


def _status(clue: Clue) -> str:
    label = clue.get_status_display()
    return f"{label}（{_('超期')}）" if clue.overdue_since else label


class ClueListView(HiddenMixin, TableListView):
    model = Clue
    audited = True
    related = ("subject", "organization")
    detail_url_name = "integrity:clue-detail"
    create_url_name = "integrity:clue-create"
    export_url_name = "integrity:clue-export"
    intro = gettext_lazy("廉政问题线索仅纪检监察干部可见，每次查阅均记入审计日志。")
    columns = [
        Column(gettext_lazy("线索编号"), lambda c: c.number),
        Column(gettext_lazy("线索来源"), lambda c: c.get_source_display()),
        Column(gettext_lazy("反映对象"), lambda c: f"{c.subject.name}（{c.organization.name}）"),
        Column(gettext_lazy("受理日期"), lambda c: c.received_on),
        Column(gettext_lazy("处置状态"), _status),
        Column(gettext_lazy("本环节办理期限"), lambda c: c.step_due_on or "—"),
    ]

    def get_queryset(self):
        qs = super().get_queryset()
        status = self.request.GET.get("status")
        if status in ClueStatus.values:
            qs = qs.filter(status=status)
        if self.request.GET.get("overdue") == "1":
            qs = qs.filter(overdue_since__isnull=False)
        return qs


class ClueCreateView(HiddenMixin, FormPageView):
    model = Clue
    form_class = forms.ClueForm
    list_url_name = "integrity:clue-list"
    success_message = gettext_lazy("线索已登记。")

    def perform(self, form):
        return services.clue_register(by=self.request.user, **form.cleaned_data)

    def get_success_url(self) -> str:
        return reverse("integrity:clue-detail", kwargs={"pk": self.object.pk})


class ClueDetailView(HiddenMixin, ScopedDetailView):
    model = Clue
    template_name = "integrity/discipline/clue_detail.html"

    def scoped_queryset(self, action: str = "view"):
        return super().scoped_queryset(action).select_related("subject", "organization")

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        record_read(obj, by=self.request.user)
        return obj

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        clue, user = self.object, self.request.user
        if Clue.objects.visible_to(user, "change").filter(pk=clue.pk).exists():
            form = kwargs.get("dispose_form") or forms.ClueDisposeForm(obj=clue)
            context["dispose_form"] = form if form.fields["to"].choices else None
        context["transitions"] = clue.transitions.select_related("by").order_by("at", "id")
        context["exchanges"] = clue.exchanges.order_by("exchanged_on", "id")
        return context


class ClueDisposeView(ClueDetailView):
    """POST only: move the clue to its next disposal step; errors re-show the clue with the input kept."""

    http_method_names = ["post"]
    action = "change"

    def post(self, request, *args: Any, **kwargs: Any):
        self.object = clue = self.get_object()
        form = forms.ClueDisposeForm(request.POST, obj=clue)
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            _result, status = run_service(
                request,
                lambda: services.clue_dispose(
                    clue=clue, by=request.user, to=data["to"], reason=data["reason"],
                    expected_version=data.get("version"),
                ),
                form=form,
            )  # fmt: skip
            if status is None:
                messages.success(request, _("处置已登记。"))
                return HttpResponseRedirect(reverse("integrity:clue-detail", kwargs={"pk": clue.pk}))
            clue.refresh_from_db()
        context = self.get_context_data(object=clue, dispose_form=form)
        return self.render_to_response(context, status=status)


class ClueExportView(HiddenMixin, ScopedMixin, generic.View):
    """The clues of the jurisdiction as Excel, with the reader's name and the time in the file; audited."""

    model = Clue
    action = "export"

    def get(self, request, *args: Any, **kwargs: Any):
        rows = list(
            Clue.objects.visible_to(request.user, "export")
            .select_related("subject", "organization")
            .order_by("-received_on", "-id")[:50000]
        )
        table = [[c.number, c.get_source_display(), c.subject.name, c.organization.name, c.received_on,
                  c.summary, _status(c), c.step_due_on or "", c.rules_version] for c in rows]  # fmt: skip
        table.append([reader_stamp(request.user)])
        audit.record(
            audit.AuditAction.EXPORT, by=request.user, object_type="integrity.clue",
            object_repr=str(Clue._meta.verbose_name), changes={"ids": [c.pk for c in rows]},
        )  # fmt: skip
        headers = [_("线索编号"), _("线索来源"), _("反映对象"), _("反映对象单位"), _("受理日期"), _("反映问题摘要"),
                   _("处置状态"), _("本环节办理期限"), _("规则版本")]  # fmt: skip
        filename = f"廉政问题线索-{request.user.get_username()}-{timezone.localdate():%Y%m%d}.xlsx"
        return xlsx_response(filename, headers, table, title=_("廉政问题线索"))


class ExchangeListView(HiddenMixin, TableListView):
    model = ProcuratorateExchange
    audited = True
    related = ("clue",)
    create_url_name = "integrity:exchange-create"
    intro = gettext_lazy("与市人民检察院线索移送、反馈的往来记录，仅纪检监察干部可见。")
    columns = [
        Column(gettext_lazy("日期"), lambda e: e.exchanged_on),
        Column(gettext_lazy("方向"), lambda e: e.get_direction_display()),
        Column(gettext_lazy("类别"), lambda e: e.get_kind_display()),
        Column(gettext_lazy("文号"), lambda e: e.document_number or "—"),
        Column(gettext_lazy("内容摘要"), lambda e: e.summary),
        Column(gettext_lazy("关联线索"), lambda e: e.clue.number if e.clue else "—"),
    ]


class ExchangeCreateView(HiddenMixin, FormPageView):
    model = ProcuratorateExchange
    form_class = forms.ExchangeForm
    list_url_name = "integrity:exchange-list"
    success_message = gettext_lazy("往来记录已登记。")

    def perform(self, form):
        return services.exchange_log(by=self.request.user, **form.cleaned_data)


# ------------------------------------------------------------------------------------ declarations


class PhoneListView(TableListView):
    model = PhoneRegistration
    audited = True
    related = ("person", "organization")
    create_url_name = "integrity:phone-create"
    intro = gettext_lazy("手机号码脱敏显示；本人和纪检监察干部可见，每次查阅均记入审计日志。")
    columns = [
        Column(gettext_lazy("登记人"), lambda p: f"{p.person.name}（{p.organization.name}）"),
        Column(gettext_lazy("手机号码"), lambda p: p.masked_number),
        Column(gettext_lazy("品牌型号"), lambda p: p.model_name),
        Column(gettext_lazy("登记日期"), lambda p: p.registered_on),
    ]


class PhoneCreateView(FormPageView):
    model = PhoneRegistration
    form_class = forms.PhoneForm
    list_url_name = "integrity:phone-list"
    success_message = gettext_lazy("手机已登记。")

    def perform(self, form):
        return services.phone_register(by=self.request.user, **form.cleaned_data)


class CreditListView(TableListView):
    model = CreditCheck
    audited = True
    related = ("person", "organization")
    create_url_name = "integrity:credit-create"
    intro = gettext_lazy("只记录是否已查询征信及结果，不保存征信报告。")
    columns = [
        Column(gettext_lazy("年度"), lambda c: c.year),
        Column(gettext_lazy("查询人员"), lambda c: f"{c.person.name}（{c.organization.name}）"),
        Column(gettext_lazy("查询日期"), lambda c: c.checked_on),
        Column(gettext_lazy("查询结果"), lambda c: c.get_result_display()),
    ]


class CreditCreateView(FormPageView):
    model = CreditCheck
    form_class = forms.CreditCheckForm
    list_url_name = "integrity:credit-list"
    success_message = gettext_lazy("征信查询记录已登记。")

    def perform(self, form):
        return services.credit_check_record(by=self.request.user, **form.cleaned_data)


class PledgeListView(TableListView):
    model = FamilyPledge
    audited = True
    related = ("person", "organization", "signed_copy")
    create_url_name = "integrity:pledge-create"
    template_name = "integrity/discipline/pledge_list.html"
    columns = [
        Column(gettext_lazy("年度"), lambda p: p.year),
        Column(gettext_lazy("承诺人"), lambda p: f"{p.person.name}（{p.organization.name}）"),
        Column(gettext_lazy("签订日期"), lambda p: p.signed_on),
        Column(gettext_lazy("家属签名人"), lambda p: p.family_signatory),
    ]


class PledgeCreateView(FormPageView):
    model = FamilyPledge
    form_class = forms.PledgeForm
    list_url_name = "integrity:pledge-list"
    success_message = gettext_lazy("家庭助廉承诺书已提交。")

    def perform(self, form):
        return services.pledge_file(by=self.request.user, **form.cleaned_data)


class ComplianceView(HiddenMixin, ScopedMixin, generic.TemplateView):
    """申报完成情况: every officer the discipline officer oversees against this year's declarations."""

    model = PhoneRegistration
    action = "oversee"
    template_name = "integrity/discipline/compliance.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        try:
            year = int(self.request.GET.get("year") or timezone.localdate().year)
        except ValueError:
            year = timezone.localdate().year
        rows = declaration_compliance(self.request.user, year=year)
        audit.record(
            audit.AuditAction.REVEAL, by=self.request.user, object_type="integrity.declarations",
            object_repr=_("廉政申报完成情况"), changes={"year": year, "people": [r.person.pk for r in rows]},
            reason=_("查阅廉政记录"),
        )  # fmt: skip
        context.update(year=year, rows=rows, missing=sum(1 for r in rows if not r.complete))
        return context


# ----------------------------------------------------------------- education, 述职述廉, measures


class SessionListView(TableListView):
    model = WarningSession
    related = ("organization",)
    detail_url_name = "integrity:session-detail"
    create_url_name = "integrity:session-create"
    columns = [
        Column(gettext_lazy("日期"), lambda s: s.held_on),
        Column(gettext_lazy("形式"), lambda s: s.get_kind_display()),
        Column(gettext_lazy("主题"), lambda s: s.title),
        Column(gettext_lazy("组织单位"), lambda s: s.organization.name),
    ]


class SessionCreateView(FormPageView):
    model = WarningSession
    form_class = forms.WarningSessionForm
    list_url_name = "integrity:session-list"
    success_message = gettext_lazy("警示教育已登记。")

    def perform(self, form):
        return services.warning_session_record(by=self.request.user, **form.cleaned_data)


class SessionDetailView(ScopedDetailView):
    model = WarningSession
    template_name = "integrity/discipline/session_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["roster"] = self.object.attendees.select_related("organization").order_by(
            "organization_id", "name"
        )
        return context


class ReportListView(TableListView):
    model = IntegrityReport
    related = ("person", "organization")
    create_url_name = "integrity:report-create"
    columns = [
        Column(gettext_lazy("述职日期"), lambda r: r.held_on),
        Column(gettext_lazy("述职人"), lambda r: f"{r.person.name}（{r.organization.name}）"),
        Column(gettext_lazy("参加评议人员"), lambda r: f"{r.audience}（{r.audience_size}）"),
        Column(gettext_lazy("评议等次"), lambda r: r.get_rating_display()),
    ]


class ReportCreateView(FormPageView):
    model = IntegrityReport
    form_class = forms.IntegrityReportForm
    list_url_name = "integrity:report-list"
    success_message = gettext_lazy("述职述廉已登记。")

    def perform(self, form):
        return services.integrity_report_record(by=self.request.user, **form.cleaned_data)


class MeasureListView(ScopedMixin, generic.TemplateView):
    """便民利民十项措施 of the data file's version with each one's status."""

    model = ServiceMeasure
    template_name = "integrity/discipline/measure_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        in_force = measures_in_force()
        context["measures"] = in_force & ServiceMeasure.objects.visible_to(self.request.user, "view")
        context["may_change"] = has_action(self.request.user, ServiceMeasure, "change")
        return context


class MeasureUpdateView(ScopedDetailView):
    model = ServiceMeasure
    action = "change"
    template_name = "integrity/discipline/form.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        obj = self.object
        context.update(
            form=kwargs.get("form") or forms.MeasureForm(initial={"status": obj.status, "progress": obj.progress,
                                                                   "version": obj.version}),
            model_name=ServiceMeasure._meta.verbose_name, cancel_url=reverse("integrity:measure-list"),
        )  # fmt: skip
        return context

    def post(self, request, *args: Any, **kwargs: Any):
        self.object = measure = self.get_object()
        form = forms.MeasureForm(request.POST)
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            _result, status = run_service(
                request,
                lambda: services.measure_update(
                    measure=measure, by=request.user, status=data["status"], progress=data["progress"],
                    expected_version=data.get("version"),
                ),
                form=form,
            )  # fmt: skip
            if status is None:
                messages.success(request, _("落实情况已更新。"))
                return HttpResponseRedirect(reverse("integrity:measure-list"))
        return self.render_to_response(self.get_context_data(object=measure, form=form), status=status)
