"""The hazards demo data (``flameblue seed-demo``): the seed year's 13 major and 41 prominent hazards under
listed supervision are counts of records, hazards exist in every state and from every source, notices are
numbered per brigade per year without gaps, every date is consistent, tips and current supervision give the
sweep something to escalate, and a second run changes nothing.

The demo is the shared ``demo`` fixture (``tests/demo_session.py``): seeded once per test process, each test
runs in a savepoint of its own."""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter, defaultdict

import pytest
from django.utils import timezone

from flameblue.core.notify_models import StoredFile, UndeliveredNotification
from flameblue.hazards.choices import HazardGrade, HazardSource, HazardStatus, SupervisionStatus, TipStatus
from flameblue.hazards.models import (
    Escalation,
    Hazard,
    HazardTransition,
    MajorHazardDetermination,
    Notice,
    SupervisionCase,
    SupervisionReport,
    Tip,
)
from flameblue.inspections.models import Finding

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite, pytest.mark.date_sensitive]

LISTED = (SupervisionStatus.LISTED, SupervisionStatus.DELISTED)


def _listed_in(year: int, grade: str):
    return SupervisionCase.objects.filter(decided_at__year=year, status__in=LISTED, hazard__grade=grade)


def test_seed_year_has_13_major_and_41_prominent_hazards_under_listed_supervision(demo):
    assert _listed_in(2019, HazardGrade.MAJOR).count() == 13
    assert _listed_in(2019, HazardGrade.PROMINENT).count() == 41
    cases = SupervisionCase.objects.filter(filed_at__year=2019).select_related("government", "hazard")
    assert cases.count() == 54
    assert {c.government.region_id for c in cases} == {"3416", "341602", "341621", "341622", "341623"}
    for case in cases:
        assert case.listing_document_number.endswith("号") and "〔2019〕" in case.listing_document_number
        assert case.deadline and case.decided_at.year == 2019 and case.requested_at <= case.decided_at
        assert SupervisionReport.objects.filter(case=case).exists()
    statuses = Counter(c.status for c in cases)
    assert statuses[SupervisionStatus.DELISTED] >= 45 and 1 <= statuses[SupervisionStatus.LISTED] <= 9
    for case in cases.filter(status=SupervisionStatus.DELISTED):
        last = case.hazard.transitions.order_by("-at", "-id").first()
        assert last.to_status == HazardStatus.CLOSED and last.data["result"] == "passed"
        assert case.delisted_at >= case.hazard.closed_at


def test_each_major_hazard_was_judged_by_discussion_and_some_by_an_expert_panel(demo):
    majors = Hazard.objects.filter(found_at__year=2019, grade=HazardGrade.MAJOR)
    assert majors.count() == 13
    panels = 0
    for hazard in majors:
        det = MajorHazardDetermination.objects.get(hazard=hazard)
        assert det.standard == "GB35181-2017" and det.ruleset_version
        assert det.engine_result["major"] is True and det.is_major is True
        assert len(det.discussion_participants) >= 3 and det.discussion_minutes
        assert det.found_on.year == 2019 and det.decided_at.year == 2019
        if det.expert_panel:
            panels += 1
            assert len(det.expert_panel) >= 7 and det.expert_passed
            assert det.expert_votes_for * 3 >= len(det.expert_panel) * 2
    assert 1 <= panels < 13
    assert not Hazard.objects.filter(
        found_at__year=2019, grade=HazardGrade.PROMINENT, supervision_case=None
    ).exists()


def test_hazards_in_every_state_from_every_source_across_the_four_counties(demo):
    hazards = Hazard.objects.all()
    assert set(hazards.values_list("status", flat=True)) == set(HazardStatus.values)
    assert set(hazards.values_list("source", flat=True)) == set(HazardSource.values)
    assert set(hazards.values_list("grade", flat=True)) == set(HazardGrade.values)
    counties = {region[:6] for region in hazards.values_list("region_id", flat=True)}
    assert counties == {"341602", "341621", "341622", "341623"}
    today = timezone.localdate()
    open_ = hazards.filter(status__in=(HazardStatus.CONFIRMED, HazardStatus.RECTIFYING))
    assert open_.filter(deadline__lt=today).exists(), "some hazards are overdue"
    assert hazards.filter(status=HazardStatus.CLOSED, failed_rechecks__gt=0).exists(), "failed, then passed"
    assert hazards.filter(status=HazardStatus.RECTIFYING, failed_rechecks__gt=0).exists(), (
        "failed, still open"
    )
    on_spot = hazards.filter(corrected_on_spot=True)
    assert on_spot.exists() and not on_spot.exclude(status=HazardStatus.CLOSED).exists()
    for hazard in on_spot[:5]:
        assert StoredFile.objects.filter(
            owner_type="hazards.hazard", owner_id=str(hazard.pk), purpose="after"
        )
    assert (
        not Hazard.objects.filter(found_at__year=2019)
        .exclude(grade=HazardGrade.GENERAL)
        .filter(supervision_case=None)
        .exists()
    )


def test_notices_are_numbered_per_brigade_per_year_without_gaps_in_date_order(demo):
    serials = defaultdict(list)
    for notice in Notice.objects.select_related("brigade").order_by("issued_at", "pk"):
        assert timezone.localtime(notice.issued_at).year == notice.year
        serials[(notice.brigade_id, notice.year)].append(notice.serial)
    assert {year for _, year in serials} >= {2019, timezone.localdate().year}
    assert len({brigade for brigade, _ in serials}) == 4
    for numbers in serials.values():
        assert numbers == list(range(1, len(numbers) + 1))
    assert Notice.objects.filter(number__startswith="亳谯消限字〔2019〕第0001号").exists()
    # A notice is one unit's (第十九条: one per inspection; the demo serves each at once, so a later hazard of
    # the same day goes on a new notice that amends the served one).
    units_per_notice = defaultdict(set)
    for notice_id, unit_id in Hazard.objects.exclude(notice=None).values_list("notice_id", "unit_id"):
        units_per_notice[notice_id].add(unit_id)
    assert units_per_notice and all(len(units) == 1 for units in units_per_notice.values())


def test_every_timeline_is_dated_consistently_and_never_in_the_future(demo):
    now = timezone.now()
    moments = defaultdict(list)
    for hazard_id, at in HazardTransition.objects.order_by("hazard_id", "id").values_list("hazard_id", "at"):
        moments[hazard_id].append(at)
    for hazard in Hazard.objects.all():
        times = moments[hazard.pk]
        assert times == sorted(times) and times[0] == hazard.found_at and times[-1] <= now, hazard.pk
        if hazard.closed_at:
            assert hazard.closed_at == times[-1]
        if hazard.notice_id:
            assert hazard.notice.issued_at.date() <= hazard.deadline
    first = HazardTransition.objects.filter(hazard__found_at__year=2019).order_by("at").first()
    assert first.at.year == 2019


def test_inspection_findings_are_linked_to_the_hazards_they_became(demo):
    linked = Finding.objects.exclude(hazard=None).select_related("hazard", "inspection")
    assert linked.count() >= 100
    for finding in linked[:50]:
        assert finding.hazard.unit_id == finding.inspection.unit_id
        assert finding.hazard.found_at == finding.inspection.submitted_at
        assert finding.hazard.checklist_item_id == finding.answer.item_id


def test_tips_converted_dismissed_and_some_unchecked_past_their_deadline(demo):
    statuses = set(Tip.objects.values_list("status", flat=True))
    assert statuses == set(TipStatus.values)
    converted = Tip.objects.filter(status=TipStatus.CONVERTED)
    for tip in converted:
        hazard = tip.hazards.get()
        assert hazard.source == HazardSource.PUBLIC_TIP and tip.checked_at >= tip.received_at
        tip_photos = StoredFile.objects.filter(owner_type="hazards.tip", owner_id=str(tip.pk)).count()
        before = StoredFile.objects.filter(
            owner_type="hazards.hazard", owner_id=str(hazard.pk), purpose="before"
        )
        assert before.count() >= tip_photos
    assert not Tip.objects.filter(status=TipStatus.DISMISSED, dismissal_reason="").exists()
    unchecked = Tip.objects.filter(status__in=(TipStatus.RECEIVED, TipStatus.CHECKING))
    assert unchecked.filter(check_due_at__lt=timezone.now()).exists()
    assert unchecked.filter(check_due_at__gt=timezone.now()).exists()


def test_current_supervision_awaits_decisions_and_gives_the_sweep_work(demo):
    from flameblue.hazards.sweep import sweep

    today = timezone.localdate()
    # The current cases are dated back from today (up to 200 days), so early in a year most were filed in
    # the year before; the seed year's cases are long finished.
    cases = SupervisionCase.objects.filter(filed_at__gte=timezone.now() - dt.timedelta(days=365))
    requested = cases.filter(status=SupervisionStatus.REQUESTED)
    assert requested.filter(decision_due__gte=today).exists()
    assert requested.filter(decision_due__lt=today).exists(), "one decision is late"
    assert cases.filter(status=SupervisionStatus.LISTED, next_report_due__lt=today).exists()
    assert {SupervisionStatus.FILED, SupervisionStatus.REFUSED, SupervisionStatus.DELISTED} <= set(
        cases.values_list("status", flat=True)
    )

    result = sweep(today=today)
    for kind in ("tip_unchecked", "hazard_overdue", "recheck_overdue", "listing_decision_late",
                 "supervision_report_missing"):  # fmt: skip
        assert result.sent[kind] >= 1, kind
    assert Escalation.objects.count() == sum(result.sent.values())
    # Every county government, brigade and the detachment has an account: no escalation reaches nobody
    # (the first demo sweep sent 39 of 152 to nobody: three county governments had no account).
    assert [e for e in Escalation.objects.all() if not e.recipients] == []
    assert not UndeliveredNotification.objects.filter(resolved_at__isnull=True).exists()


def test_running_the_demo_again_changes_nothing(demo):
    from flameblue.hazards.demo import seed

    models = (Hazard, HazardTransition, Notice, SupervisionCase, SupervisionReport, Tip, StoredFile)
    before = {m: m.objects.count() for m in models}
    out = io.StringIO()
    assert seed(out) == {}
    assert "未作改动" in out.getvalue()
    assert {m: m.objects.count() for m in models} == before
