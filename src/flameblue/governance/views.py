"""Pages of governance: committees, meetings with their decisions, action items and their moves, and
target-responsibility letters (list with "signed N of M" per government, one by one or batch preparation,
signing, Word). Every page reads through ``visible_to`` (out of scope is 404) and writes through one service;
refusals come back on the form through ``run_service``."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import generic

from flameblue.core import audit
from flameblue.core.exports import xlsx_response
from flameblue.core.http import DOCX_CONTENT_TYPE, attachment_response
from flameblue.core.notify_models import StoredFile
from flameblue.core.scoping import has_action, within_scopes
from flameblue.core.service_errors import run_service
from flameblue.core.views import ScopedCreateView, ScopedDetailView, ScopedListView, ScopedMixin, deny
from flameblue.governance import letters, services
from flameblue.governance.choices import ActionItemStatus, LetterStatus
from flameblue.governance.filters import (
    ActionItemFilter,
    AnalysisDueFilter,
    LetterFilter,
    MeetingFilter,
    RecordFilter,
)
from flameblue.governance.forms import (
    MOVE_FORMS,
    DecisionForm,
    LetterBatchForm,
    LetterForm,
    LetterSignForm,
    MeetingForm,
    RecordForm,
    RosterForm,
    seat_formset,
)
from flameblue.governance.models import (
    ActionItem,
    AnalysisDue,
    AssessmentScheme,
    Committee,
    CommitteeRoster,
    GovernmentRecord,
    Meeting,
    ResponsibilityLetter,
)
from flameblue.governance.selectors import meetings_by_kind, overdue_q, signing_progress

__all__ = [
    "ActionItemDetailView",
    "ActionItemExportView",
    "ActionItemListView",
    "CommitteeDetailView",
    "CommitteeListView",
    "DecisionAddView",
    "LetterBatchView",
    "LetterCreateView",
    "LetterDetailView",
    "LetterDocxView",
    "LetterExportView",
    "LetterListView",
    "LetterSignView",
    "MeetingCreateView",
    "MeetingDetailView",
    "MeetingExportView",
    "MeetingListView",
    "RosterAdjustView",
    "SchemeDetailView",
    "SchemeListView",
    "action_item_move_view",
]


def _files(obj: Any, purpose: str):
    return StoredFile.objects.filter(owner_type=obj._meta.label_lower, owner_id=str(obj.pk), purpose=purpose)


def _may(user: Any, model: Any, action: str, pk: int) -> bool:
    return model.objects.visible_to(user, action).filter(pk=pk).exists()


def _export(request, *, model: Any, name: str, headers: list[str], rows: list[list[Any]]) -> HttpResponse:
    filters = {k: v for k, v in request.GET.items() if v and k != "page"}
    audit.record(audit.AuditAction.EXPORT, by=request.user, object_type=model._meta.label_lower,
                 object_repr=name, changes={"rows": len(rows), "filters": filters})  # fmt: skip
    return xlsx_response(f"{name}_{timezone.localtime():%Y%m%d_%H%M}.xlsx", headers, rows, title=name)


# ------------------------------------------------------------------------------------------- committees


class CommitteeListView(ScopedListView):
    model = Committee
    template_name = "governance/committee_list.html"

    def get_queryset(self):
        year = timezone.localdate().year
        return (
            super().get_queryset().select_related("region", "parent")
            .annotate(meetings_this_year=Count("meetings", filter=Q(meetings__held_on__year=year)))
            .order_by("region_id")
        )  # fmt: skip


class CommitteeDetailView(ScopedDetailView):
    model = Committee
    template_name = "governance/committee_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user, year = self.request.user, timezone.localdate().year
        meetings = Meeting.objects.visible_to(user).filter(committee=self.object)
        items = ActionItem.objects.visible_to(user).filter(decision__meeting__committee=self.object)
        rosters = CommitteeRoster.objects.visible_to(user).filter(committee=self.object)
        current = rosters.order_by("-adjusted_on", "-pk").first()
        context.update(
            roster=current,
            seats=current.seats.select_related("organization").order_by("position", "id") if current else [],
            roster_history=rosters.order_by("-adjusted_on", "-pk")[:20],
            may_adjust=within_scopes(
                Committee.objects.filter(pk=self.object.pk), user, CommitteeRoster, "add"
            ).exists(),
            year=year,
            by_kind=meetings_by_kind(meetings, year),
            recent=meetings.order_by("-held_on", "-pk")[:10],
            open_items=items.filter(status=ActionItemStatus.OPEN).count(),
            overdue_items=items.filter(overdue_q(timezone.localdate())).count(),
            may_add_meeting=within_scopes(
                Committee.objects.filter(pk=self.object.pk), user, Meeting, "add"
            ).exists(),
        )
        return context


class RosterAdjustView(ScopedDetailView):
    """调整委员会组成: the form starts from the current composition; saving records a new one (history kept)."""

    model = Committee
    template_name = "governance/roster_form.html"

    def dispatch(self, request, *args: Any, **kwargs: Any):
        if request.user.is_authenticated and not has_action(request.user, CommitteeRoster, "add"):
            raise deny(request)
        return super().dispatch(request, *args, **kwargs)

    def _initial(self) -> list[dict[str, Any]]:
        current = (
            CommitteeRoster.objects.filter(committee=self.object).order_by("-adjusted_on", "-pk").first()
        )
        if current is None:
            return []
        fields = ("position", "organization", "person_name", "title", "liaison_name", "liaison_phone")
        return [{f: getattr(seat, f) for f in fields} for seat in current.seats.order_by("id")]

    def get(self, request, *args: Any, **kwargs: Any):
        self.object = committee = self.get_object()
        form = RosterForm(committee=committee, initial={"year": timezone.localdate().year})
        return self.render_to_response(
            self.get_context_data(form=form, formset=seat_formset(committee, initial=self._initial()))
        )

    def post(self, request, *args: Any, **kwargs: Any):
        self.object = committee = self.get_object()
        form = RosterForm(request.POST, committee=committee)
        formset = seat_formset(committee, request.POST)
        status = 400
        if form.is_valid() and formset.is_valid():
            seats = [f.cleaned_data for f in formset.forms if f.cleaned_data.get("person_name")]
            _result, status = run_service(
                request, lambda: services.roster_adjust(by=request.user, committee=committee, seats=seats, **form.cleaned_data),
                form=form,
            )  # fmt: skip
            if status is None:
                messages.success(request, _("委员会组成已调整。"))
                return HttpResponseRedirect(
                    reverse("governance:committee-detail", kwargs={"pk": committee.pk})
                )
        return self.render_to_response(self.get_context_data(form=form, formset=formset), status=status)


# ------------------------------------------------------------------------------------------- meetings


class MeetingListView(ScopedListView):
    model = Meeting
    filterset_class = MeetingFilter
    template_name = "governance/meeting_list.html"
    partial_template_name = "governance/_meeting_table.html"

    def get_queryset(self):
        return super().get_queryset().select_related("committee").annotate(n_decisions=Count("decisions"))


class MeetingExportView(ScopedMixin, generic.View):
    """The filtered meeting list as Excel (same filter as the page), audited as an export."""

    model = Meeting

    def get(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        queryset = Meeting.objects.visible_to(request.user).select_related("committee")
        filterset = MeetingFilter(request.GET or None, queryset=queryset, request=request)
        rows = [[m.pk, m.committee.name, m.get_kind_display(), m.title, m.held_on, m.chair, m.attendees, m.topics,
                 m.minutes] for m in filterset.qs[:50000]]  # fmt: skip
        headers = [_("编号"), _("消防安全委员会"), _("会议类型"), _("会议名称"), _("会议日期"), _("主持人"),
                   _("参会人员"), _("议题"), _("会议纪要")]  # fmt: skip
        return _export(request, model=Meeting, name=_("委员会会议"), headers=headers, rows=rows)


class MeetingCreateView(ScopedCreateView):
    model = Meeting
    form_class = MeetingForm
    template_name = "governance/meeting_form.html"
    success_message = gettext_lazy("会议已登记，可继续录入议定事项。")

    def get_initial(self) -> dict[str, Any]:
        return {"committee": self.request.GET.get("committee")}

    def perform(self, form: MeetingForm) -> Meeting:
        return services.meeting_create(by=self.request.user, **form.cleaned_data)

    def get_success_url(self) -> str:
        return reverse("governance:meeting-detail", kwargs={"pk": self.object.pk})


def _decisions_context(source: Meeting | GovernmentRecord, user: Any, form: Any = None) -> dict[str, Any]:
    """The decisions of a meeting or a government record with the action items the user may see, and the
    form to add one when the user may change the source."""
    visible_items = ActionItem.objects.visible_to(user).select_related("owner")
    decisions = [
        {"decision": d, "items": visible_items.filter(decision=d)}
        for d in source.decisions.order_by("number")
    ]
    may_change = _may(user, type(source), "change", source.pk)
    if form is None and may_change:
        form = DecisionForm(meeting=source, user=user)
    return {
        "decisions": decisions,
        "may_change": may_change,
        "decision_form": form,
        "today": timezone.localdate(),
    }


class MeetingDetailView(ScopedDetailView):
    model = Meeting
    template_name = "governance/meeting_detail.html"

    def scoped_queryset(self, action: str = "view"):
        return super().scoped_queryset(action).select_related("committee", "region")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(_decisions_context(self.object, self.request.user, kwargs.get("decision_form")))
        context.update(minutes_files=_files(self.object, "minutes"),
                       decision_url=reverse("governance:decision-add", kwargs={"pk": self.object.pk}))  # fmt: skip
        return context


class DecisionAddView(MeetingDetailView):
    """POST only: a decision and its action items; errors re-show the meeting page with the input kept."""

    http_method_names = ["post"]
    action = "change"

    def post(self, request, *args: Any, **kwargs: Any):
        self.object = meeting = self.get_object()
        form = DecisionForm(request.POST, meeting=meeting, user=request.user)
        status = 400
        if form.is_valid():
            _result, status = run_service(
                request, lambda: services.decision_add(by=request.user, meeting=meeting, **form.cleaned_data),
                form=form,
            )  # fmt: skip
            if status is None:
                messages.success(request, _("议定事项已录入，督办事项已通知责任单位。"))
                return HttpResponseRedirect(reverse("governance:meeting-detail", kwargs={"pk": meeting.pk}))
        context = self.get_context_data(object=meeting, decision_form=form)
        return self.render_to_response(context, status=status)


# ------------------------------------------------------------------------------------------- action items


#: What an action item's pages show of where it came from (a committee meeting or a government record).
ITEM_SOURCE = ("owner", "decision__meeting__committee", "decision__record__government")


def _may_source(user: Any, item: ActionItem, action: str) -> bool:
    """May ``user`` do ``action`` on the meeting or government record the item's decision was made in?"""
    decision = item.decision
    if decision.meeting_id:
        return _may(user, Meeting, action, decision.meeting_id)
    return _may(user, GovernmentRecord, action, decision.record_id)


class ActionItemListView(ScopedListView):
    model = ActionItem
    filterset_class = ActionItemFilter
    template_name = "governance/actionitem_list.html"
    partial_template_name = "governance/_actionitem_table.html"

    def get_queryset(self):
        return super().get_queryset().select_related(*ITEM_SOURCE)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(today=timezone.localdate(), **kwargs)


class ActionItemExportView(ScopedMixin, generic.View):
    model = ActionItem

    def get(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        queryset = ActionItem.objects.visible_to(request.user).select_related(*ITEM_SOURCE)
        filterset = ActionItemFilter(request.GET or None, queryset=queryset, request=request)
        rows = [
            [i.pk, i.decision.source.committee.name, i.decision.source.title, i.decision.source.held_on,
             i.decision.text, i.owner.name, i.task, i.due_on, i.feedback_due_on, i.get_status_display(),
             i.answer, i.answered_at, i.overdue_since, i.escalation_level]
            for i in filterset.qs[:50000]
        ]  # fmt: skip
        headers = [_("编号"), _("消防安全委员会"), _("会议"), _("会议日期"), _("议定事项"), _("责任单位"),
                   _("落实要求"), _("完成期限"), _("书面反馈期限"), _("状态"), _("落实情况反馈"), _("反馈时间"),
                   _("逾期日期"), _("升级层级")]  # fmt: skip
        return _export(request, model=ActionItem, name=_("督办事项"), headers=headers, rows=rows)


MOVE_FROM = {
    "answer": ("answer", (ActionItemStatus.OPEN,)),
    "close": ("close", (ActionItemStatus.ANSWERED,)),
    "return": ("close", (ActionItemStatus.ANSWERED,)),
}
MOVE_MESSAGES = {
    "answer": gettext_lazy("落实情况已反馈。"),
    "close": gettext_lazy("督办事项已办结。"),
    "return": gettext_lazy("督办事项已退回责任单位。"),
}


class ActionItemDetailView(ScopedDetailView):
    model = ActionItem
    template_name = "governance/actionitem_detail.html"

    def scoped_queryset(self, action: str = "view"):
        return super().scoped_queryset(action).select_related(*ITEM_SOURCE)

    def available_moves(self, item: ActionItem) -> list[str]:
        user, moves = self.request.user, []
        committee_side = _may_source(user, item, "change")
        for move, (action, allowed) in MOVE_FROM.items():
            if item.status not in allowed or not _may(user, ActionItem, action, item.pk):
                continue
            if move != "answer" and not committee_side:
                continue
            moves.append(move)
        return moves

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        item, user = self.object, self.request.user
        forms = {m: MOVE_FORMS[m](obj=item, user=user) for m in self.available_moves(item)}
        forms.update(kwargs.get("bound_forms", {}))
        context.update(
            move_forms=forms,
            overdue=item.status == ActionItemStatus.OPEN and item.feedback_due_on < timezone.localdate(),
            attachments=_files(item, "feedback"),
            # An owner below the committee's level (a county for the city committee) reads the meeting and
            # its decision here; the meeting page itself stays within the committee's region.
            meeting_visible=_may_source(user, item, "view"),
            transitions=item.transitions.select_related("by").order_by("at", "id"),
        )
        return context


def _perform(move: str, item: ActionItem, data: dict[str, Any], user: Any) -> ActionItem:
    common = {"item": item, "by": user, "expected_version": data.get("version")}
    if move == "answer":
        return services.action_item_answer(**common, answer=data["answer"], attachments=data["attachments"])
    if move == "close":
        return services.action_item_close(**common, reason=data["reason"])
    if move == "return":
        return services.action_item_return(
            **common, reason=data["reason"], feedback_due_on=data["feedback_due_on"]
        )
    raise Http404


class ActionItemMoveView(ActionItemDetailView):
    """POST only; errors re-show the detail page with the message and the input kept."""

    http_method_names = ["post"]
    move = ""

    def post(self, request, *args: Any, **kwargs: Any):
        self.object = item = self.get_object()
        form = MOVE_FORMS[self.move](request.POST, request.FILES, obj=item, user=request.user)
        status = 400
        if form.is_valid():
            _result, status = run_service(
                request, lambda: _perform(self.move, item, form.cleaned_data, request.user), form=form
            )
            if status is None:
                messages.success(request, MOVE_MESSAGES[self.move])
                return HttpResponseRedirect(reverse("governance:actionitem-detail", kwargs={"pk": item.pk}))
            self.object.refresh_from_db()
        context = self.get_context_data(object=self.object, bound_forms={self.move: form})
        context["failed_move"] = self.move
        return self.render_to_response(context, status=status)


def action_item_move_view(move: str):
    return ActionItemMoveView.as_view(move=move, action=MOVE_FROM[move][0])


# ------------------------------------------------------------------------------------------- letters


class LetterListView(ScopedListView):
    model = ResponsibilityLetter
    filterset_class = LetterFilter
    template_name = "governance/letter_list.html"
    partial_template_name = "governance/_letter_table.html"

    def get_queryset(self):
        return super().get_queryset().select_related("issuer", "signatory")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        try:
            year = int(self.request.GET.get("year") or timezone.localdate().year)
        except ValueError:
            year = timezone.localdate().year
        context.update(year=year, progress=signing_progress(self.request.user, year))
        context["may_add"] = has_action(self.request.user, ResponsibilityLetter, "add")
        return context


class LetterExportView(ScopedMixin, generic.View):
    model = ResponsibilityLetter

    def get(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        queryset = ResponsibilityLetter.objects.visible_to(request.user).select_related("issuer", "signatory")
        filterset = LetterFilter(request.GET or None, queryset=queryset, request=request)
        rows = [[le.pk, le.year, le.issuer.name, le.signatory.name, le.title, le.template_version,
                 le.get_status_display(), le.signed_on, le.issuer_signer, le.signatory_signer]
                for le in filterset.qs[:50000]]  # fmt: skip
        headers = [_("编号"), _("年度"), _("发放政府"), _("签订单位"), _("责任书名称"), _("模板版本"), _("状态"),
                   _("签订日期"), _("发放方签订人"), _("签订方签订人")]  # fmt: skip
        return _export(
            request, model=ResponsibilityLetter, name=_("目标管理责任书"), headers=headers, rows=rows
        )


class LetterCreateView(ScopedCreateView):
    model = ResponsibilityLetter
    form_class = LetterForm
    template_name = "core/form.html"
    success_message = gettext_lazy("责任书已准备，待签订。")

    def perform(self, form: LetterForm) -> ResponsibilityLetter:
        return letters.letter_prepare(by=self.request.user, **form.cleaned_data)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            model_name=ResponsibilityLetter._meta.verbose_name, cancel_url=reverse("governance:letter-list")
        )
        return context

    def get_success_url(self) -> str:
        return reverse("governance:letter-detail", kwargs={"pk": self.object.pk})


class LetterBatchView(ScopedMixin, generic.FormView):
    """Prepare the year's letters for every government and department under an issuing government."""

    model = ResponsibilityLetter
    action = "add"
    form_class = LetterBatchForm
    template_name = "governance/letter_batch.html"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form: LetterBatchForm):
        data = form.cleaned_data
        result, status = run_service(
            self.request,
            lambda: letters.letters_prepare_batch(
                by=self.request.user, issuer=data["issuer"], year=data["year"]
            ),
            form=form,
        )
        if status is not None:
            return self.render_to_response(self.get_context_data(form=form), status=status)
        messages.success(
            self.request,
            _("已准备 %(created)d 份责任书（%(existing)d 个单位此前已准备）。")
            % {"created": len(result.created), "existing": len(result.existing)},
        )
        query = f"?year={data['year']}&issuer={data['issuer'].pk}"
        return HttpResponseRedirect(reverse("governance:letter-list") + query)


class LetterDetailView(ScopedDetailView):
    model = ResponsibilityLetter
    template_name = "governance/letter_detail.html"

    def scoped_queryset(self, action: str = "view"):
        return super().scoped_queryset(action).select_related("issuer", "signatory", "template")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        letter, user = self.object, self.request.user
        form = kwargs.get("sign_form")
        if (
            form is None
            and letter.status == LetterStatus.DRAFT
            and _may(user, ResponsibilityLetter, "change", letter.pk)
        ):
            form = LetterSignForm(obj=letter, user=user)
        context.update(
            targets=letter.targets.order_by("number"),
            sign_form=form,
            scans=_files(letter, "signed"),
            transitions=letter.transitions.select_related("by").order_by("at", "id"),
        )
        return context


class LetterSignView(LetterDetailView):
    http_method_names = ["post"]
    action = "change"

    def post(self, request, *args: Any, **kwargs: Any):
        self.object = letter = self.get_object()
        form = LetterSignForm(request.POST, request.FILES, obj=letter, user=request.user)
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            _result, status = run_service(
                request,
                lambda: letters.letter_sign(
                    letter=letter, by=request.user, signed_on=data["signed_on"], issuer_signer=data["issuer_signer"],
                    signatory_signer=data["signatory_signer"], scan=data["scan"], expected_version=data["version"],
                ),
                form=form,
            )  # fmt: skip
            if status is None:
                messages.success(request, _("已登记签订。"))
                return HttpResponseRedirect(reverse("governance:letter-detail", kwargs={"pk": letter.pk}))
            self.object.refresh_from_db()
        return self.render_to_response(
            self.get_context_data(object=self.object, sign_form=form), status=status
        )


class LetterDocxView(LetterDetailView):
    def get(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        letter = self.get_object()
        name = f"{letter.year}年度目标管理责任书-{letter.signatory.name}.docx"
        return attachment_response(letters.letter_docx(letter, by=request.user), name, DOCX_CONTENT_TYPE)


# ------------------------------------------------------------------------------------------- assessment schemes


class SchemeListView(ScopedListView):
    model = AssessmentScheme
    template_name = "governance/scheme_list.html"

    def get_queryset(self):
        return super().get_queryset().annotate(n_items=Count("items")).order_by("code", "-version")


class SchemeDetailView(ScopedDetailView):
    model = AssessmentScheme
    template_name = "governance/scheme_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        sections: dict[str, dict[str, Any]] = {}
        for item in self.object.items.order_by("section_order", "number"):
            section = sections.setdefault(item.section, {"name": item.section, "items": [], "weight": 0})
            section["items"].append(item)
            section["weight"] += item.weight
        context["sections"] = list(sections.values())
        return context


class AnalysisDueListView(ScopedListView):
    """研判到期: each committee's situation-analysis periods (monthly for counties, quarterly for the city),
    whether an analysis meeting met them, and which are overdue — the due list of the 研判 mechanism."""

    model = AnalysisDue
    filterset_class = AnalysisDueFilter
    template_name = "governance/analysis_list.html"
    partial_template_name = "governance/_analysis_table.html"

    def get_queryset(self):
        return super().get_queryset().select_related("committee", "meeting")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        from flameblue.governance.analysis import status_of

        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        for due in context["object_list"]:
            due.state = status_of(due, today)
        return context


# ------------------------------------------------------------------------------------------- government records


class RecordListView(ScopedListView):
    model = GovernmentRecord
    filterset_class = RecordFilter
    template_name = "governance/record_list.html"
    partial_template_name = "governance/_record_table.html"

    def get_queryset(self):
        return super().get_queryset().select_related("government").annotate(n_decisions=Count("decisions"))


class RecordCreateView(ScopedCreateView):
    model = GovernmentRecord
    form_class = RecordForm
    template_name = "governance/record_form.html"
    success_message = gettext_lazy("已登记，可继续录入交办事项。")

    def perform(self, form: RecordForm) -> GovernmentRecord:
        return services.record_create(by=self.request.user, **form.cleaned_data)

    def get_success_url(self) -> str:
        return reverse("governance:record-detail", kwargs={"pk": self.object.pk})


class RecordDetailView(ScopedDetailView):
    model = GovernmentRecord
    template_name = "governance/record_detail.html"

    def scoped_queryset(self, action: str = "view"):
        return super().scoped_queryset(action).select_related("government", "region")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(_decisions_context(self.object, self.request.user, kwargs.get("decision_form")))
        context.update(document_files=_files(self.object, "document"),
                       decision_url=reverse("governance:record-decision-add", kwargs={"pk": self.object.pk}))  # fmt: skip
        return context


class RecordDecisionAddView(RecordDetailView):
    """POST only: a decision (what to do about what was found) and its action items."""

    http_method_names = ["post"]
    action = "change"

    def post(self, request, *args: Any, **kwargs: Any):
        self.object = record = self.get_object()
        form = DecisionForm(request.POST, meeting=record, user=request.user)
        status = 400
        if form.is_valid():
            _result, status = run_service(
                request, lambda: services.decision_add(by=request.user, record=record, **form.cleaned_data),
                form=form,
            )  # fmt: skip
            if status is None:
                messages.success(request, _("交办事项已录入，督办事项已通知责任单位。"))
                return HttpResponseRedirect(reverse("governance:record-detail", kwargs={"pk": record.pk}))
        context = self.get_context_data(object=record, decision_form=form)
        return self.render_to_response(context, status=status)
