"""The computed indicators of the annual assessment: each one a selector over FlameBlue's records for the
assessed organization's region (a government) or region and industry (a department) and the year. Each
returns an :class:`Measure` — how many records count, how many of them meet the target and which records —
so a computed score always shows the records behind it.

Definitions (what an official reads on the item):

* 火灾隐患整改率 — hazards found in the year (withdrawn and unfounded ones left out) that were closed by
  31 December of the year.
* 火灾隐患按期整改率 — hazards whose rectification deadline fell in the year (withdrawn and unfounded ones left
  out) that were closed on or before their deadline.
* 举报投诉按期核查率 — tips received in the year that were checked before their check deadline.
* 目标管理责任书签订率 — for a government, the year's letters it issued that are signed; for a department,
  the year's letters it is signatory of that are signed.
* 督办事项按期反馈率 — action items whose feedback date fell in the year, owned by the assessed government or
  an organization in its region (for a department: owned by the department), answered by that date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from flameblue.core.scoping import in_region
from flameblue.governance.choices import Indicator, LetterStatus
from flameblue.governance.models import ActionItem, ResponsibilityLetter
from flameblue.hazards.choices import HazardStatus
from flameblue.hazards.models import Hazard, Tip
from flameblue.org.choices import OrgKind
from flameblue.org.models import Organization

__all__ = ["COMPUTABLE", "Measure", "measure", "rate_score"]

#: How many record ids a measure keeps to show behind the score.
SHOWN = 200
NOT_RECTIFIABLE = (HazardStatus.WITHDRAWN, HazardStatus.DISMISSED)


@dataclass
class Measure:
    counted: int
    met: int
    basis: str
    record_type: str
    missed_ids: list[int] = field(default_factory=list)

    @property
    def rate(self) -> Decimal | None:
        if not self.counted:
            return None
        return (Decimal(self.met) / Decimal(self.counted)).quantize(Decimal("0.0001"), ROUND_HALF_UP)

    def as_detail(self) -> dict:
        return {
            "counted": self.counted, "met": self.met, "rate": str(self.rate) if self.rate is not None else None,
            "basis": self.basis, "record_type": self.record_type, "missed_ids": self.missed_ids[:SHOWN],
        }  # fmt: skip


def _year_bounds(year: int) -> tuple[dt.datetime, dt.datetime]:
    tz = timezone.get_current_timezone()
    return dt.datetime(year, 1, 1, tzinfo=tz), dt.datetime(year + 1, 1, 1, tzinfo=tz)


def _area(assessed: Organization, *, region_field: str, industry_field: str | None) -> Q:
    q = in_region(assessed.region_id, region_field)
    if assessed.kind == OrgKind.DEPARTMENT:
        q &= Q(**{industry_field: assessed.industry_id}) if industry_field else Q(pk__in=[])
    return q


def _measure(queryset: QuerySet, met: Q, basis: str, record_type: str) -> Measure:
    counted = queryset.count()
    missed = list(queryset.exclude(met).order_by("pk").values_list("pk", flat=True)[:SHOWN])
    met_count = queryset.filter(met).count()
    return Measure(counted=counted, met=met_count, basis=basis, record_type=record_type, missed_ids=missed)


def hazard_rectification(assessed: Organization, year: int) -> Measure:
    start, end = _year_bounds(year)
    hazards = Hazard.objects.filter(
        _area(assessed, region_field="region_id", industry_field="industry_id"), found_at__gte=start,
        found_at__lt=end,
    ).exclude(status__in=NOT_RECTIFIABLE)  # fmt: skip
    met = Q(status=HazardStatus.CLOSED, closed_at__lt=end)
    return _measure(hazards, met, "年内发现的隐患中年底前整改销案的", "hazards.hazard")


def hazard_on_time(assessed: Organization, year: int) -> Measure:
    hazards = Hazard.objects.filter(
        _area(assessed, region_field="region_id", industry_field="industry_id"), deadline__year=year
    ).exclude(status__in=NOT_RECTIFIABLE)
    met = Q(status=HazardStatus.CLOSED, closed_at__date__lte=F("deadline"))
    return _measure(hazards, met, "整改期限在年内的隐患中按期整改销案的", "hazards.hazard")


def tips_checked_on_time(assessed: Organization, year: int) -> Measure:
    start, end = _year_bounds(year)
    tips = Tip.objects.filter(
        _area(assessed, region_field="region_id", industry_field=None),
        received_at__gte=start,
        received_at__lt=end,
    )
    met = Q(checked_at__isnull=False, checked_at__lte=F("check_due_at"))
    return _measure(tips, met, "年内受理的举报投诉中在核查期限内核查的", "hazards.tip")


def letters_signed(assessed: Organization, year: int) -> Measure:
    letters = ResponsibilityLetter.objects.filter(year=year)
    if assessed.kind == OrgKind.DEPARTMENT:
        letters, basis = letters.filter(signatory=assessed), "本单位作为签订方的年度责任书中已签订的"
    else:
        letters, basis = letters.filter(issuer=assessed), "本级政府发放的年度责任书中已签订的"
    return _measure(letters, Q(status=LetterStatus.SIGNED), basis, "governance.responsibilityletter")


def action_items_answered_on_time(assessed: Organization, year: int) -> Measure:
    items = ActionItem.objects.filter(feedback_due_on__year=year)
    if assessed.kind == OrgKind.DEPARTMENT:
        items = items.filter(owner=assessed)
    else:
        items = items.filter(in_region(assessed.region_id, "owner__region_id"))
    met = Q(answered_at__isnull=False, answered_at__date__lte=F("feedback_due_on"))
    return _measure(items, met, "反馈期限在年内的督办事项中按期书面反馈的", "governance.actionitem")


#: The indicators computed so far; an item measured by another one is scored by hand until it is added.
COMPUTABLE: dict[str, Callable[[Organization, int], Measure]] = {
    Indicator.HAZARD_RECTIFICATION_RATE: hazard_rectification,
    Indicator.HAZARD_ON_TIME_RATE: hazard_on_time,
    Indicator.TIPS_CHECKED_ON_TIME: tips_checked_on_time,
    Indicator.LETTERS_SIGNED: letters_signed,
    Indicator.ACTION_ITEMS_ANSWERED_ON_TIME: action_items_answered_on_time,
}


def measure(indicator: str, assessed: Organization, year: int) -> Measure | None:
    """The measure of ``indicator`` for ``assessed`` in ``year``; ``None`` when it is not computable yet."""
    selector = COMPUTABLE.get(indicator)
    return selector(assessed, year) if selector else None


def rate_score(weight: Decimal, m: Measure) -> Decimal:
    """The item's weight times the rate (full marks when nothing was due: nothing was missed)."""
    rate = m.rate if m.rate is not None else Decimal(1)
    return (weight * rate).quantize(Decimal("0.01"), ROUND_HALF_UP)
