"""The cross-review points that can be computed from the records (消防执法网上交叉巡查): each computation
takes the drawn inspection or hazard and the day of the review and answers True (met), False (not met) or
None (not applicable, or not yet due). The clocks are the ones of ``hazards/clocks.py`` (第十九条's notice
clock is ``Hazard.notice_due``), the rectification deadline and the re-inspection due date are the
hazard's stored columns, re-inspections are the hazard's recheck moves or recheck inspections, and evidence
is the stored uploads of the hazard or of the inspection's failed items."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.utils import timezone

from flameblue.core.notify_models import StoredFile
from flameblue.hazards.choices import HazardStatus
from flameblue.hazards.clocks import CLOCKS
from flameblue.hazards.models import Hazard, Notice
from flameblue.inspections.choices import AnswerResult, InspectionKind
from flameblue.inspections.models import Inspection

__all__ = ["COMPUTATIONS", "compute_all"]

Check = Callable[[Any, dt.date], bool | None]
#: Inspections that 第十四条 requires two inspectors for.
TWO_INSPECTOR_KINDS = {InspectionKind.SUPERVISION, InspectionKind.SPOT_CHECK, InspectionKind.RECHECK}
NOTICE_DUE = CLOCKS["notice"].due_field


def _day(value: dt.datetime | None) -> dt.date | None:
    return timezone.localdate(value) if value else None


def _in_time(done_on: dt.date | None, due: dt.date | None, today: dt.date) -> bool | None:
    if due is None:
        return None
    if done_on is not None:
        return done_on <= due
    return False if due < today else None


def two_inspectors(inspection: Inspection, today: dt.date) -> bool | None:
    if inspection.kind not in TWO_INSPECTOR_KINDS:
        return None
    return bool(inspection.co_inspectors.strip()) or inspection.co_inspector_people.exists()


def signed(inspection: Inspection, today: dt.date) -> bool | None:
    return bool(inspection.inspector_signed_at and inspection.unit_signed_at)


def _inspection_hazards(inspection: Inspection):
    return Hazard.objects.filter(finding__inspection=inspection, corrected_on_spot=False)


def inspection_notice_in_time(inspection: Inspection, today: dt.date) -> bool | None:
    dues = [d for d in _inspection_hazards(inspection).values_list(NOTICE_DUE, flat=True) if d]
    if not dues:
        return None
    notice = (
        Notice.objects.filter(inspection=inspection, amends__isnull=True).first()
        or Notice.objects.filter(hazards__finding__inspection=inspection).order_by("issued_at").first()
    )
    return _in_time(_day(notice.issued_at) if notice else None, min(dues), today)


def inspection_evidence(inspection: Inspection, today: dt.date) -> bool | None:
    failed = [
        str(pk) for pk in inspection.answers.filter(result=AnswerResult.FAIL).values_list("pk", flat=True)
    ]
    if not failed:
        return None
    with_photo = set(
        StoredFile.objects.filter(owner_type="inspections.inspectionanswer", owner_id__in=failed).values_list(
            "owner_id", flat=True
        )
    )
    return with_photo >= set(failed)


def hazard_deadline_met(hazard: Hazard, today: dt.date) -> bool | None:
    if hazard.corrected_on_spot:
        return True
    if hazard.deadline is None or hazard.status in (HazardStatus.WITHDRAWN, HazardStatus.DISMISSED):
        return None
    if hazard.status == HazardStatus.CLOSED:
        return _day(hazard.closed_at) <= hazard.deadline if hazard.closed_at else None
    reported = _day(hazard.completion_reported_at)
    if reported is not None and hazard.status == HazardStatus.COMPLETION_REPORTED:
        return reported <= hazard.deadline
    return hazard.deadline >= today


def hazard_notice_in_time(hazard: Hazard, today: dt.date) -> bool | None:
    if hazard.corrected_on_spot:
        return None
    notice = hazard.notice
    issued = _day(notice.issued_at) if notice is not None else None
    return _in_time(issued, getattr(hazard, NOTICE_DUE), today)


def hazard_recheck_done(hazard: Hazard, today: dt.date) -> bool | None:
    if hazard.corrected_on_spot:
        return None
    rechecked = (
        hazard.transitions.filter(data__result__in=["passed", "failed"]).exists()
        or Inspection.objects.filter(recheck_of=hazard).exists()
    )
    if hazard.status == HazardStatus.CLOSED:
        return rechecked
    if hazard.status == HazardStatus.COMPLETION_REPORTED:
        return _in_time(None, hazard.recheck_due, today)
    return True if rechecked else None


def hazard_evidence(hazard: Hazard, today: dt.date) -> bool | None:
    return StoredFile.objects.filter(owner_type="hazards.hazard", owner_id=str(hazard.pk)).exists()


COMPUTATIONS: dict[str, Check] = {
    "two_inspectors": two_inspectors,
    "signed": signed,
    "inspection_notice_in_time": inspection_notice_in_time,
    "inspection_evidence": inspection_evidence,
    "hazard_deadline_met": hazard_deadline_met,
    "hazard_notice_in_time": hazard_notice_in_time,
    "hazard_recheck_done": hazard_recheck_done,
    "hazard_evidence": hazard_evidence,
}


def compute_all(record: Any, points: list, today: dt.date) -> dict[str, bool | None]:
    """The computed answer of every computable point for one record (code → True/False/None)."""
    return {p.code: COMPUTATIONS[p.compute](record, today) for p in points if p.compute}
