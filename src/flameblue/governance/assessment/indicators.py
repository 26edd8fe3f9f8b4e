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
* 挂牌督办隐患按期销案率 — listed-supervision cases whose supervision deadline fell in the year (delisted, or
  still listed with the deadline passed) that were delisted on or before the deadline. Each one missed is
  also an event of the deduction item 挂牌督办重大火灾隐患逾期未整改 (``events_from``).
* 重点单位每月自查落实率 — for every operating key unit in the area, each month of the year that has ended
  is one check due; a month counts as done when the unit submitted its monthly self-inspection
  (公安部令第61号 Art. 26; obligations from ``inspections/rules/self-inspection.yaml``).
* 到期监督检查完成率 — units on a supervision cycle (``inspections/rules/supervision-cycles.yaml``) that
  were inspected in the year or fell due in it by today; done when a supervision or spot check was
  submitted in the year.
* 委员会各机制会议召开次数 — meetings the assessed government's own committee held in the year, per
  mechanism, against the targets of the scheme item (e.g. 研判 four times a year); each target meeting is
  one count, met up to the target.

How a measure becomes a score is the item's ``scoring`` (data in the scheme file): ``full_at`` and
``per_point`` (full marks at or above a rate, minus ``per_point`` for each percentage point below), or
``per_miss`` (minus so much for each record that missed), else weight × rate; never below zero.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from flameblue.core.scoping import in_region
from flameblue.governance.choices import Indicator, LetterStatus, MeetingKind
from flameblue.governance.models import ActionItem, Meeting, ResponsibilityLetter
from flameblue.hazards.choices import HazardStatus, SupervisionStatus
from flameblue.hazards.models import Hazard, SupervisionCase, Tip
from flameblue.inspections.choices import InspectionStatus
from flameblue.inspections.models import Inspection
from flameblue.inspections.planning import compliance
from flameblue.inspections.planning.services import cycle_rules
from flameblue.org.choices import OrgKind
from flameblue.org.models import Organization
from flameblue.units.models import Unit

__all__ = ["COMPUTABLE", "DETAIL_URLS", "Measure", "measure", "rate_score", "records_behind", "score_of"]

#: How many record ids a measure keeps to show behind the score.
SHOWN = 200
#: The page of each kind of record a measure counts, to link the records behind a score.
DETAIL_URLS = {
    "hazards.hazard": "hazards:hazard-detail",
    "hazards.supervisioncase": "hazards:supervision-detail",
    "hazards.tip": "hazards:tip-detail",
    "units.unit": "units:unit-detail",
    "governance.meeting": "governance:meeting-detail",
    "governance.actionitem": "governance:actionitem-detail",
    "governance.responsibilityletter": "governance:letter-detail",
}
NOT_RECTIFIABLE = (HazardStatus.WITHDRAWN, HazardStatus.DISMISSED)


@dataclass
class Measure:
    counted: int
    met: int
    basis: str
    record_type: str
    missed_ids: list[int] = field(default_factory=list)
    #: The records behind a count that has no "missed" records (the meetings held), shown instead.
    held_ids: list[int] = field(default_factory=list)
    #: Per-part counts for measures made of parts (meetings per mechanism): label, held, target.
    parts: list[dict] = field(default_factory=list)

    @property
    def rate(self) -> Decimal | None:
        if not self.counted:
            return None
        return (Decimal(self.met) / Decimal(self.counted)).quantize(Decimal("0.0001"), ROUND_HALF_UP)

    def as_detail(self) -> dict:
        return {
            "counted": self.counted, "met": self.met, "rate": str(self.rate) if self.rate is not None else None,
            "basis": self.basis, "record_type": self.record_type, "missed_ids": self.missed_ids[:SHOWN],
            "held_ids": self.held_ids[:SHOWN], "parts": self.parts,
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


def hazard_rectification(assessed: Organization, year: int, params: dict | None = None) -> Measure:
    start, end = _year_bounds(year)
    hazards = Hazard.objects.filter(
        _area(assessed, region_field="region_id", industry_field="industry_id"), found_at__gte=start,
        found_at__lt=end,
    ).exclude(status__in=NOT_RECTIFIABLE)  # fmt: skip
    met = Q(status=HazardStatus.CLOSED, closed_at__lt=end)
    return _measure(hazards, met, "年内发现的隐患中年底前整改销案的", "hazards.hazard")


def hazard_on_time(assessed: Organization, year: int, params: dict | None = None) -> Measure:
    hazards = Hazard.objects.filter(
        _area(assessed, region_field="region_id", industry_field="industry_id"), deadline__year=year
    ).exclude(status__in=NOT_RECTIFIABLE)
    met = Q(status=HazardStatus.CLOSED, closed_at__date__lte=F("deadline"))
    return _measure(hazards, met, "整改期限在年内的隐患中按期整改销案的", "hazards.hazard")


def tips_checked_on_time(assessed: Organization, year: int, params: dict | None = None) -> Measure:
    start, end = _year_bounds(year)
    tips = Tip.objects.filter(
        _area(assessed, region_field="region_id", industry_field=None),
        received_at__gte=start,
        received_at__lt=end,
    )
    met = Q(checked_at__isnull=False, checked_at__lte=F("check_due_at"))
    return _measure(tips, met, "年内受理的举报投诉中在核查期限内核查的", "hazards.tip")


def letters_signed(assessed: Organization, year: int, params: dict | None = None) -> Measure:
    letters = ResponsibilityLetter.objects.filter(year=year)
    if assessed.kind == OrgKind.DEPARTMENT:
        letters, basis = letters.filter(signatory=assessed), "本单位作为签订方的年度责任书中已签订的"
    else:
        letters, basis = letters.filter(issuer=assessed), "本级政府发放的年度责任书中已签订的"
    return _measure(letters, Q(status=LetterStatus.SIGNED), basis, "governance.responsibilityletter")


def action_items_answered_on_time(assessed: Organization, year: int, params: dict | None = None) -> Measure:
    items = ActionItem.objects.filter(feedback_due_on__year=year)
    if assessed.kind == OrgKind.DEPARTMENT:
        items = items.filter(owner=assessed)
    else:
        items = items.filter(in_region(assessed.region_id, "owner__region_id"))
    met = Q(answered_at__isnull=False, answered_at__date__lte=F("feedback_due_on"))
    return _measure(items, met, "反馈期限在年内的督办事项中按期书面反馈的", "governance.actionitem")


def listed_hazards_delisted_on_time(assessed: Organization, year: int, params: dict | None = None) -> Measure:
    cases = SupervisionCase.objects.filter(
        _area(assessed, region_field="region_id", industry_field="industry_id"),
        status__in=(SupervisionStatus.LISTED, SupervisionStatus.DELISTED),
        deadline__year=year,
    ).filter(Q(status=SupervisionStatus.DELISTED) | Q(deadline__lt=timezone.localdate()))
    met = Q(status=SupervisionStatus.DELISTED, delisted_at__date__lte=F("deadline"))
    return _measure(cases, met, "督办整改期限在年内的挂牌督办隐患中按期摘牌销案的", "hazards.supervisioncase")


def _monthly_obligation() -> compliance.Obligation:
    return next(o for o in compliance.obligations() if o.every == "month")


def key_unit_self_inspection(assessed: Organization, year: int, params: dict | None = None) -> Measure:
    obligation = _monthly_obligation()
    units = Unit.objects.filter(
        _area(assessed, region_field="region_id", industry_field="industry_id"), is_key_unit=True
    ).filter(obligation.unit_filter())
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    rates = compliance.compliance_rates(units, start=start, end=end, today=timezone.localdate())
    due = sum(row[obligation.code]["due"] for row in rates)
    done = sum(row[obligation.code]["done"] for row in rates)
    gaps = compliance.units_with_gaps(units, start=start, end=end, today=timezone.localdate()).filter(
        **{f"{obligation.code}_done__lt": F(f"{obligation.code}_due")}
    )
    missed = list(gaps.order_by("pk").values_list("pk", flat=True)[:SHOWN])
    basis = f"重点单位{obligation.name}：年内已结束的月份中按月提交自查记录的（单位×月）"
    return Measure(counted=due, met=done, basis=basis, record_type="units.unit", missed_ids=missed)


def supervision_inspections_done(assessed: Organization, year: int, params: dict | None = None) -> Measure:
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    until = min(end, timezone.localdate())
    inspected = Inspection.objects.filter(
        kind__in=cycle_rules()["counted_kinds"], status=InspectionStatus.SUBMITTED,
        inspected_on__gte=start, inspected_on__lte=end,
    ).values("unit_id")  # fmt: skip
    units = Unit.objects.filter(
        _area(assessed, region_field="region_id", industry_field="industry_id"),
        supervision_due__cycle_days__isnull=False,
    ).filter(Q(pk__in=inspected) | Q(supervision_due__next_due_on__lte=until))
    return _measure(
        units, Q(pk__in=inspected), "列入周期监督检查、年内到期或已检查的单位中年内已检查的", "units.unit"
    )


def committee_meetings_held(assessed: Organization, year: int, params: dict | None = None) -> Measure:
    targets = (params or {}).get("targets") or {}
    meetings = Meeting.objects.filter(
        region_id=assessed.region_id, committee__kind=OrgKind.COMMITTEE, held_on__year=year
    ).order_by("held_on", "pk")
    held: dict[str, list[int]] = {}
    for pk, kind in meetings.values_list("pk", "kind"):
        held.setdefault(kind, []).append(pk)
    parts = [
        {
            "kind": kind,
            "label": str(MeetingKind(kind).label),
            "held": len(held.get(kind, [])),
            "target": int(n),
        }
        for kind, n in targets.items()
    ]
    counted = sum(p["target"] for p in parts)
    met = sum(min(p["held"], p["target"]) for p in parts)
    shown = "、".join(f"{p['label']} {p['held']}/{p['target']}" for p in parts)
    basis = f"本级消防安全委员会年内召开会议，按机制对照要求次数（{shown}）"
    ids = [pk for kind in targets for pk in held.get(kind, [])]
    return Measure(
        counted=counted, met=met, basis=basis, record_type="governance.meeting", held_ids=ids, parts=parts
    )


#: The indicators computed so far; an item measured by another one is scored by hand until it is added.
COMPUTABLE: dict[str, Callable[..., Measure]] = {
    Indicator.HAZARD_RECTIFICATION_RATE: hazard_rectification,
    Indicator.HAZARD_ON_TIME_RATE: hazard_on_time,
    Indicator.LISTED_HAZARD_DELISTED_ON_TIME: listed_hazards_delisted_on_time,
    Indicator.TIPS_CHECKED_ON_TIME: tips_checked_on_time,
    Indicator.KEY_UNIT_SELF_INSPECTION: key_unit_self_inspection,
    Indicator.SUPERVISION_INSPECTIONS_DONE: supervision_inspections_done,
    Indicator.COMMITTEE_MEETINGS_HELD: committee_meetings_held,
    Indicator.LETTERS_SIGNED: letters_signed,
    Indicator.ACTION_ITEMS_ANSWERED_ON_TIME: action_items_answered_on_time,
}


def measure(indicator: str, assessed: Organization, year: int, params: dict | None = None) -> Measure | None:
    """The measure of ``indicator`` for ``assessed`` in ``year``; ``None`` when it is not computable yet.
    ``params`` is the item's ``scoring`` data (the committee indicator reads its ``targets``)."""
    selector = COMPUTABLE.get(indicator)
    return selector(assessed, year, params or {}) if selector else None


def rate_score(weight: Decimal, m: Measure) -> Decimal:
    """The item's weight times the rate (full marks when nothing was due: nothing was missed)."""
    rate = m.rate if m.rate is not None else Decimal(1)
    return (weight * rate).quantize(Decimal("0.01"), ROUND_HALF_UP)


def score_of(weight: Decimal, m: Measure, scoring: dict | None = None) -> Decimal:
    """The item's score from its measure by the item's scoring rule (see the module docstring)."""
    scoring = scoring or {}
    cent = Decimal("0.01")
    if not m.counted:
        return weight.quantize(cent, ROUND_HALF_UP)
    if scoring.get("per_miss") is not None:
        lost = Decimal(str(scoring["per_miss"])) * (m.counted - m.met)
    elif scoring.get("per_point") is not None:
        full_at = Decimal(str(scoring.get("full_at", 1)))
        below = max(Decimal(0), full_at - Decimal(m.met) / Decimal(m.counted)) * 100
        lost = Decimal(str(scoring["per_point"])) * below
    else:
        return rate_score(weight, m)
    return max(Decimal(0), weight - lost).quantize(cent, ROUND_HALF_UP)


def records_behind(detail: dict, user) -> tuple[str, list[tuple[str, str]]]:
    """The records behind a computed score the user may see, as (label, url) pairs, and what they are:
    the missed ones, or (for counts without misses, like meetings) the ones held."""
    from django.apps import apps
    from django.urls import reverse

    ids, label = detail.get("missed_ids") or [], "未达标记录"
    if not ids and detail.get("held_ids"):
        ids, label = detail["held_ids"], "计入的记录"
    record_type = detail.get("record_type") or ""
    if not ids or record_type not in DETAIL_URLS:
        return label, []
    model = apps.get_model(record_type)
    visible = model._default_manager.visible_to(user).filter(pk__in=ids[:SHOWN]).order_by("pk")
    url = DETAIL_URLS[record_type]
    return label, [(str(obj), reverse(url, kwargs={"pk": obj.pk})) for obj in visible]
