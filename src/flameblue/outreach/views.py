"""Pages of the outreach app: list (with Excel export), detail, new and edit for training sessions,
publicity drives, materials and education bases; the roster and the sign-in sheet import of a session,
photos of a drive, print runs and distributions of a material, visits of a base; the training coverage
and the publicity reach pages. Every page reads through ``visible_to`` (out of scope is 404) and writes
through one service; refusals come back on the form."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Count, Sum
from django.http import HttpResponse, HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import generic

from flameblue.core import audit
from flameblue.core.exports import xlsx_response
from flameblue.core.http import XLSX_CONTENT_TYPE, attachment_response
from flameblue.core.notify_models import StoredFile
from flameblue.core.service_errors import refused, run_service
from flameblue.core.views import (
    ScopedDetailView,
    ScopedListView,
    ScopedMixin,
    ServiceCreateView,
    ServiceUpdateView,
)
from flameblue.outreach import services
from flameblue.outreach.filters import BaseFilter, DriveFilter, MaterialFilter, SessionFilter
from flameblue.outreach.forms import (
    AttendeeForm,
    BaseForm,
    DistributionForm,
    DriveForm,
    MaterialForm,
    PhotoForm,
    PrintRunForm,
    SessionForm,
    SigninForm,
    VisitForm,
)
from flameblue.outreach.models import EducationBase, Material, PublicityDrive, TrainingSession
from flameblue.outreach.selectors import materials_with_stock, publicity_reach, training_coverage
from flameblue.outreach.signin import template_bytes

# --- shared pieces ----------------------------------------------------------------------------------------


class ExportView(ScopedMixin, generic.View):
    """A filtered list as Excel (the list's filter), audited as an export."""

    filterset_class: Any
    title = ""
    headers: tuple[str, ...] = ()

    def queryset(self):
        return self.model.objects.visible_to(self.request.user)

    def row(self, obj: Any) -> list[Any]:  # pragma: no cover - abstract
        raise NotImplementedError

    def get(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        queryset = self.filterset_class(request.GET or None, queryset=self.queryset(), request=request).qs
        rows = [self.row(obj) for obj in queryset]
        name = str(self.title)
        filters = {k: v for k, v in request.GET.items() if v and k != "page"}
        audit.record(audit.AuditAction.EXPORT, by=request.user, object_type=self.model._meta.label_lower,
                     object_repr=name, changes={"rows": len(rows), "filters": filters})  # fmt: skip
        return xlsx_response(f"{name}_{timezone.localtime():%Y%m%d_%H%M}.xlsx", [str(h) for h in self.headers],
                             rows, title=name)  # fmt: skip


class ChildPostView(ScopedDetailView):
    """POST only: one write on the record from a form of its page; errors re-show the page with the input."""

    http_method_names = ["post"]
    action = "change"
    form_class: Any
    form_name = ""
    done_message: Any = ""

    def call(self, obj: Any, data: dict[str, Any]) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def make_form(self, obj: Any) -> Any:
        return self.form_class(self.request.POST, self.request.FILES, parent=obj, user=self.request.user)

    def post(self, request, *args: Any, **kwargs: Any):
        self.object = obj = self.get_object()
        form = self.make_form(obj)
        status = 400
        if form.is_valid():
            _result, status = run_service(request, lambda: self.call(obj, form.cleaned_data), form=form)
            if status is None:
                messages.success(request, self.done_message)
                return HttpResponseRedirect(obj.get_absolute_url())
        return refused(
            self.render_to_response(self.get_context_data(object=obj, **{self.form_name: form})), status
        )


def _may(user: Any, action: str, obj: Any) -> bool:
    return type(obj).objects.visible_to(user, action).filter(pk=obj.pk).exists()


# --- training ---------------------------------------------------------------------------------------------


class SessionListView(ScopedListView):
    model = TrainingSession
    filterset_class = SessionFilter
    template_name = "outreach/session_list.html"
    partial_template_name = "outreach/_session_table.html"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("session_type", "organiser")
            .annotate(n_roster=Count("attendees"))
        )


class SessionExportView(ExportView):
    model = TrainingSession
    filterset_class = SessionFilter
    title = gettext_lazy("培训")
    headers = (gettext_lazy("培训日期"), gettext_lazy("培训主题"), gettext_lazy("培训类型"), gettext_lazy("所学法规"),
               gettext_lazy("组织单位"), gettext_lazy("培训地点"), gettext_lazy("受众类别"), gettext_lazy("花名册人数"),
               gettext_lazy("参训人数"))  # fmt: skip

    def queryset(self):
        return (
            super()
            .queryset()
            .select_related("session_type", "organiser")
            .prefetch_related("rules_taught", "audiences")
            .annotate(n_roster=Count("attendees"))
        )

    def row(self, s: TrainingSession) -> list[Any]:
        return [s.held_on, s.title, s.session_type.name, "".join(r.name for r in s.rules_taught.all()),
                s.organiser.name, s.place, "、".join(a.name for a in s.audiences.all()), s.n_roster,
                s.n_roster or s.head_count]  # fmt: skip


class SessionCreateView(ServiceCreateView):
    model = TrainingSession
    form_class = SessionForm
    service = staticmethod(services.session_create)
    cancel_url_name = "outreach:session-list"
    detail_url_name = "outreach:session-detail"


class SessionUpdateView(ServiceUpdateView):
    model = TrainingSession
    form_class = SessionForm
    service = staticmethod(services.session_update)
    detail_url_name = "outreach:session-detail"


class SessionDetailView(ScopedDetailView):
    model = TrainingSession
    template_name = "outreach/session_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        session, user = self.object, self.request.user
        may_change = _may(user, "change", session)
        context.update(
            attendees=session.attendees.select_related("audience", "organization").order_by("id"),
            may_change=may_change,
            attendee_form=kwargs.get("attendee_form") or (AttendeeForm(parent=session, user=user) if may_change else None),
        )  # fmt: skip
        return context


class AttendeeAddView(SessionDetailView, ChildPostView):
    form_class = AttendeeForm
    form_name = "attendee_form"
    done_message = gettext_lazy("已加入花名册。")

    def call(self, obj: TrainingSession, data: dict[str, Any]) -> Any:
        return services.attendee_add(session=obj, by=self.request.user, **data)


class SigninImportView(ScopedDetailView):
    """导入签到表: upload, see each problem by row and column (nothing saved), or the roster imported."""

    model = TrainingSession
    action = "change"
    template_name = "outreach/signin_import.html"

    def get(self, request, *args: Any, **kwargs: Any):
        self.object = self.get_object()
        return self.render_to_response(self.get_context_data(form=SigninForm()))

    def post(self, request, *args: Any, **kwargs: Any):
        self.object = session = self.get_object()
        form = SigninForm(request.POST, request.FILES)
        errors: list[Any] = []
        status = 400
        if form.is_valid():

            def call() -> Any:
                try:
                    return services.signin_import(
                        session=session, upload=form.cleaned_data["file"], by=request.user
                    )
                except services.SigninRefused as exc:  # the row/column table beside the form's message
                    errors.extend(exc.errors)
                    raise

            result, status = run_service(request, call, form=form)
            if status is None:
                messages.success(request, _("签到表已导入：%(n)d 人列入花名册，其中 %(m)d 人与系统内人员匹配。")
                                 % {"n": result.created, "m": result.matched})  # fmt: skip
                return HttpResponseRedirect(session.get_absolute_url())
        return refused(self.render_to_response(self.get_context_data(form=form, errors=errors)), status)


class SigninTemplateView(ScopedMixin, generic.View):
    model = TrainingSession

    def get(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        return attachment_response(template_bytes(), f"{_('培训签到表模板')}.xlsx", XLSX_CONTENT_TYPE)


def _year(request) -> int:
    text = request.GET.get("year", "")
    return int(text) if text.isdigit() and 1900 <= int(text) <= 2200 else timezone.localdate().year


class CoverageView(ScopedMixin, generic.TemplateView):
    """培训覆盖面: which leaders and departments were trained in a year (counted from the records)."""

    model = TrainingSession
    template_name = "outreach/coverage.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        year = _year(self.request)
        return super().get_context_data(
            year=year, coverage=training_coverage(self.request.user, year), **kwargs
        )


# --- publicity --------------------------------------------------------------------------------------------


class DriveListView(ScopedListView):
    model = PublicityDrive
    filterset_class = DriveFilter
    template_name = "outreach/drive_list.html"
    partial_template_name = "outreach/_drive_table.html"

    def get_queryset(self):
        return super().get_queryset().select_related("drive_type", "target", "township", "organiser")


class DriveExportView(ExportView):
    model = PublicityDrive
    filterset_class = DriveFilter
    title = gettext_lazy("宣传活动")
    headers = (gettext_lazy("活动日期"), gettext_lazy("活动名称"), gettext_lazy("活动类型"), gettext_lazy("“七进”对象"),
               gettext_lazy("乡镇（街道）"), gettext_lazy("组织单位"), gettext_lazy("现场人数"), gettext_lazy("网络浏览量"))  # fmt: skip

    def queryset(self):
        return super().queryset().select_related("drive_type", "target", "township", "organiser")

    def row(self, d: PublicityDrive) -> list[Any]:
        return [d.held_on, d.title, d.drive_type.name, d.target.name if d.target else "", d.township.name,
                d.organiser.name, d.present, d.online_views]  # fmt: skip


class DriveCreateView(ServiceCreateView):
    model = PublicityDrive
    form_class = DriveForm
    service = staticmethod(services.drive_create)
    cancel_url_name = "outreach:drive-list"
    detail_url_name = "outreach:drive-detail"


class DriveUpdateView(ServiceUpdateView):
    model = PublicityDrive
    form_class = DriveForm
    service = staticmethod(services.drive_update)
    detail_url_name = "outreach:drive-detail"


class DriveDetailView(ScopedDetailView):
    model = PublicityDrive
    template_name = "outreach/drive_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        may_change = _may(self.request.user, "change", self.object)
        context.update(
            photos=StoredFile.objects.filter(
                owner_type="outreach.publicitydrive", owner_id=str(self.object.pk)
            ),
            photo_form=kwargs.get("photo_form") or (PhotoForm() if may_change else None),
        )
        return context


class DrivePhotoView(DriveDetailView, ChildPostView):
    form_name = "photo_form"
    done_message = gettext_lazy("照片已上传。")

    def make_form(self, obj: Any) -> Any:
        return PhotoForm(self.request.POST, self.request.FILES)

    def call(self, obj: PublicityDrive, data: dict[str, Any]) -> Any:
        return services.drive_photo_add(drive=obj, upload=data["photo"], by=self.request.user)


class ReachView(ScopedMixin, generic.TemplateView):
    """宣传覆盖面: reach by 七进 target and by township in a year, as bars (ECharts) and tables."""

    model = PublicityDrive
    template_name = "outreach/reach.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        year = _year(self.request)
        reach = publicity_reach(self.request.user, year)
        chart = {
            "labels": {"present": _("现场人数"), "online_views": _("网络浏览量"), "drives": _("活动次数")},
            **{key: [vars(r) for r in rows] for key, rows in reach.items()},
        }
        return super().get_context_data(year=year, reach=reach, chart=chart, **kwargs)


# --- materials --------------------------------------------------------------------------------------------


class MaterialListView(ScopedListView):
    model = Material
    filterset_class = MaterialFilter
    template_name = "outreach/material_list.html"
    partial_template_name = "outreach/_material_table.html"

    def get_queryset(self):
        return materials_with_stock(super().get_queryset().select_related("organiser"))


class MaterialExportView(ExportView):
    model = Material
    filterset_class = MaterialFilter
    title = gettext_lazy("宣传资料")
    headers = (gettext_lazy("资料名称"), gettext_lazy("资料类别"), gettext_lazy("编印单位"), gettext_lazy("印制数量"),
               gettext_lazy("发放数量"), gettext_lazy("库存"))  # fmt: skip

    def queryset(self):
        return materials_with_stock(super().queryset().select_related("organiser"))

    def row(self, m: Material) -> list[Any]:
        return [m.title, m.get_kind_display(), m.organiser.name, m.printed, m.distributed, m.left]


class MaterialCreateView(ServiceCreateView):
    model = Material
    form_class = MaterialForm
    service = staticmethod(services.material_create)
    cancel_url_name = "outreach:material-list"
    detail_url_name = "outreach:material-detail"


class MaterialUpdateView(ServiceUpdateView):
    model = Material
    form_class = MaterialForm
    service = staticmethod(services.material_update)
    detail_url_name = "outreach:material-detail"


class MaterialDetailView(ScopedDetailView):
    model = Material
    template_name = "outreach/material_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        material, user = self.object, self.request.user
        may_change = _may(user, "change", material)
        context.update(
            stock=services.stock(material),
            print_runs=material.print_runs.order_by("printed_on", "id"),
            distributions=material.distributions.select_related("township", "unit").order_by("-distributed_on", "-id"),
            by_township=material.distributions.values("township__name").annotate(copies=Sum("copies"))
            .order_by("township_id"),
            print_form=kwargs.get("print_form") or (PrintRunForm(parent=material, user=user) if may_change else None),
            distribution_form=kwargs.get("distribution_form")
            or (DistributionForm(parent=material, user=user) if may_change else None),
        )  # fmt: skip
        return context


class PrintRunAddView(MaterialDetailView, ChildPostView):
    form_class = PrintRunForm
    form_name = "print_form"
    done_message = gettext_lazy("印制批次已登记。")

    def call(self, obj: Material, data: dict[str, Any]) -> Any:
        return services.print_run_add(material=obj, by=self.request.user, **data)


class DistributionAddView(MaterialDetailView, ChildPostView):
    form_class = DistributionForm
    form_name = "distribution_form"
    done_message = gettext_lazy("发放已登记。")

    def call(self, obj: Material, data: dict[str, Any]) -> Any:
        return services.distribution_add(material=obj, by=self.request.user, **data)


# --- education bases --------------------------------------------------------------------------------------


class BaseListView(ScopedListView):
    model = EducationBase
    filterset_class = BaseFilter
    template_name = "outreach/base_list.html"
    partial_template_name = "outreach/_base_table.html"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("kind", "region")
            .annotate(n_visits=Count("visits"), n_visitors=Sum("visits__visitors"))
        )


class BaseExportView(ExportView):
    model = EducationBase
    filterset_class = BaseFilter
    title = gettext_lazy("消防教育基地")
    headers = (gettext_lazy("基地名称"), gettext_lazy("基地类别"), gettext_lazy("所在区划"), gettext_lazy("地点"),
               gettext_lazy("开放日期"), gettext_lazy("参观次数"), gettext_lazy("参观人数"))  # fmt: skip

    def queryset(self):
        return (
            super()
            .queryset()
            .select_related("kind", "region")
            .annotate(n_visits=Count("visits"), n_visitors=Sum("visits__visitors"))
        )

    def row(self, b: EducationBase) -> list[Any]:
        return [b.name, b.kind.name, b.region.name, b.place, b.opened_on, b.n_visits, b.n_visitors or 0]


class BaseCreateView(ServiceCreateView):
    model = EducationBase
    form_class = BaseForm
    service = staticmethod(services.base_create)
    cancel_url_name = "outreach:base-list"
    detail_url_name = "outreach:base-detail"


class BaseUpdateView(ServiceUpdateView):
    model = EducationBase
    form_class = BaseForm
    service = staticmethod(services.base_update)
    detail_url_name = "outreach:base-detail"


class BaseDetailView(ScopedDetailView):
    model = EducationBase
    template_name = "outreach/base_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        base, user = self.object, self.request.user
        context.update(
            visits=base.visits.order_by("-visited_on", "-id"),
            visitors=base.visits.aggregate(n=Sum("visitors"))["n"] or 0,
            visit_form=kwargs.get("visit_form")
            or (VisitForm(parent=base, user=user) if _may(user, "change", base) else None),
        )
        return context


class VisitAddView(BaseDetailView, ChildPostView):
    form_class = VisitForm
    form_name = "visit_form"
    done_message = gettext_lazy("参观已登记。")

    def call(self, obj: EducationBase, data: dict[str, Any]) -> Any:
        return services.visit_add(base=obj, by=self.request.user, **data)


__all__ = [name for name, value in globals().items() if isinstance(value, type) and name.endswith("View")]
