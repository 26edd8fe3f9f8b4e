"""Pages of the corps app: the roster, the assessment items, the month's assessment (plan, results entry on
a phone, ranking, publishing) and the public 公示 page. Reads go through ``visible_to``; writes through one
service each."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views import generic

from flameblue.core.views import ObjectFormView, ScopedCreateView, ScopedDetailView, ScopedListView
from flameblue.corps import services
from flameblue.corps.choices import PlanStatus
from flameblue.corps.forms import CorrectionForm, PlanForm, PublishForm, ResultForm, RosterForm
from flameblue.corps.models import AssessmentItem, AssessmentPlan, AssessmentResult, RosterEntry
from flameblue.corps.scoring import format_value
from flameblue.corps.selectors import published_plans, ranking, station_trends, weakest_items
from flameblue.corps.staffing.selectors import person_file


class RosterListView(ScopedListView):
    model = RosterEntry
    template_name = "corps/roster_list.html"

    def get_queryset(self):
        qs = super().get_queryset().select_related("person", "station")
        station = self.request.GET.get("station", "")
        return qs.filter(station_id=station) if station.isdigit() else qs


class RosterDetailView(ScopedDetailView):
    model = RosterEntry
    template_name = "corps/roster_detail.html"

    def scoped_queryset(self, action: str = "view"):
        return super().scoped_queryset(action).select_related("person", "station")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), **person_file(self.object, self.request.user)}


class RosterCreateView(ScopedCreateView):
    model = RosterEntry
    form_class = RosterForm
    template_name = "corps/form.html"
    success_message = gettext_lazy("已加入指战员名册。")
    extra_context = {"heading": gettext_lazy("加入指战员名册"), "cancel": "corps:roster-list"}

    def perform(self, form: RosterForm) -> RosterEntry:
        return services.roster_enlist(by=self.request.user, **form.cleaned_data)

    def get_success_url(self) -> str:
        return reverse("corps:roster-detail", kwargs={"pk": self.object.pk})


class ItemListView(ScopedListView):
    model = AssessmentItem
    template_name = "corps/item_list.html"

    def get_queryset(self):
        return super().get_queryset().filter(is_active=True)


class PlanListView(ScopedListView):
    model = AssessmentPlan
    template_name = "corps/plan_list.html"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .annotate(n_results=Count("results", distinct=True), n_stations=Count("stations", distinct=True))
            .order_by("-month", "-id")
        )


class PlanCreateView(ScopedCreateView):
    model = AssessmentPlan
    form_class = PlanForm
    template_name = "corps/form.html"
    success_message = gettext_lazy("月度考核计划已建立，可录入成绩。")
    extra_context = {"heading": gettext_lazy("新建月度考核"), "cancel": "corps:plan-list"}

    def perform(self, form: PlanForm) -> AssessmentPlan:
        organizer = self.request.user.person.organization if self.request.user.person else None
        return services.plan_create(by=self.request.user, organizer=organizer, **form.cleaned_data)

    def get_success_url(self) -> str:
        return reverse("corps:plan-detail", kwargs={"pk": self.object.pk})


def _standings_context(plan: AssessmentPlan) -> dict[str, Any]:
    items, standings = ranking(plan)
    rows = [{"s": s, "scores": [s.item_scores.get(i.pk) for i in items]} for s in standings]
    return {"items": items, "standings": rows}


class PlanDetailView(ScopedDetailView):
    model = AssessmentPlan
    template_name = "corps/plan_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(_standings_context(self.object))
        context["corrections"] = corrections(self.object)
        context["publish_form"] = PublishForm(initial={"version": self.object.version})
        return context


class ResultEntryView(ObjectFormView):
    """The assessment team's page (phone friendly): one raw result at a time, the station's recorded
    results and the ranking below."""

    model = AssessmentPlan
    action = "change"
    form_class = ResultForm
    template_name = "corps/result_entry.html"

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs.update(plan=self.object, user=self.request.user)
        station = self.request.GET.get("station")
        if station and station.isdigit():
            kwargs.setdefault("initial", {})["station"] = int(station)
        return kwargs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        results = (
            AssessmentResult.objects.visible_to(self.request.user)
            .filter(plan=self.object)
            .select_related("station", "item", "member__person")
            .order_by("-recorded_at", "-id")[:30]
        )
        context["recent"] = [(r, format_value(r.value, r.item.unit)) for r in results]
        context.update(_standings_context(self.object))
        return context

    def perform(self, form: ResultForm) -> AssessmentResult:
        return services.result_record(by=self.request.user, plan=self.object, **form.service_kwargs())

    def done(self, result: AssessmentResult):
        messages.success(
            self.request,
            gettext_lazy("已录入：%(item)s %(value)s，得分 %(score)s")
            % {
                "item": result.item.title,
                "value": format_value(result.value, result.item.unit),
                "score": result.score,
            },
        )
        url = reverse("corps:result-entry", kwargs={"pk": self.object.pk})
        return HttpResponseRedirect(f"{url}?station={result.station_id}")


class PlanPublishView(ObjectFormView):
    model = AssessmentPlan
    action = "publish"
    form_class = PublishForm
    template_name = "corps/plan_publish.html"
    http_method_names = ["post"]

    def perform(self, form: PublishForm) -> AssessmentPlan:
        data = form.cleaned_data
        return services.plan_publish(
            plan=self.object,
            by=self.request.user,
            expected_version=data["version"],
            reason=data.get("reason", ""),
        )

    def done(self, result: AssessmentPlan):
        messages.success(self.request, gettext_lazy("已公示。"))
        return HttpResponseRedirect(reverse("corps:plan-detail", kwargs={"pk": result.pk}))


class ResultCorrectView(ObjectFormView):
    """更正成绩: before publishing or during the objection period; the original stays, superseded."""

    model = AssessmentResult
    action = "correct"
    form_class = CorrectionForm
    template_name = "corps/result_correct.html"

    def scoped_queryset(self, action: str = "view"):
        return (
            super().scoped_queryset(action).filter(superseded_by__isnull=True).select_related("plan", "item")
        )

    def perform(self, form: CorrectionForm) -> AssessmentResult:
        return services.result_correct(by=self.request.user, result=self.object, **form.service_kwargs())

    def done(self, result: AssessmentResult):
        messages.success(self.request, gettext_lazy("成绩已更正，原成绩保留为已更正。"))
        return HttpResponseRedirect(reverse("corps:plan-detail", kwargs={"pk": result.plan_id}))


def corrections(plan: AssessmentPlan) -> list[dict[str, Any]]:
    """The plan's corrected results as a 公示 shows them: station, item, crew — no names of people."""
    rows = (
        AssessmentResult.objects.filter(plan=plan, superseded_by__isnull=False)
        .select_related("station", "item", "superseded_by")
        .order_by("station__name", "item__order", "id")
    )
    return [
        {
            "r": r,
            "old": format_value(r.value, r.item.unit),
            "new": format_value(r.superseded_by.value, r.item.unit),
        }
        for r in rows
    ]


# ------------------------------------------------------------------------------------ public 公示 pages
class PublicPlanListView(generic.ListView):
    """公示 index: the published months, open to anyone (no login)."""

    template_name = "corps/public_list.html"
    paginate_by = 24

    def get_queryset(self):
        return published_plans()


class PublicPlanDetailView(generic.DetailView):
    """One month's 公示: station rankings and per-item scores; no names of people."""

    template_name = "corps/public_detail.html"

    def get_object(self, queryset=None):
        return get_object_or_404(published_plans(), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(_standings_context(self.object))
        context["corrections"] = corrections(self.object)
        return context


class TrendView(ScopedListView):
    """考核趋势: each station's total over the last twelve published months, and the weakest items."""

    model = AssessmentPlan
    template_name = "corps/trends.html"
    paginate_by = None

    def get_queryset(self):
        return super().get_queryset().filter(status=PlanStatus.PUBLISHED).order_by("-month")[:12]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        plans, trends = station_trends(list(self.object_list))
        context.update(months=plans, trends=trends, weakest=weakest_items(plans))
        return context
