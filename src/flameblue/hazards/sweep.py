"""The overdue sweep (逾期巡查): ``flameblue sweep`` and the Huey job every few minutes.

It finds what is due — tips not checked in time, hazards past their rectification deadline, re-inspections
not done, listing decisions late, supervision reports missing — and for each computes, from the working
days overdue as of ``today``, every escalation level that should have been sent by now. Each level not yet
sent is claimed by inserting an :class:`Escalation` row (unique per kind, item, deadline and level) in a
savepoint: a duplicate means another worker or an earlier run sent it, so it is skipped. The claim, the
notifications (themselves deduplicated) and the hazard's escalation level commit together. So the sweep can
run twice, on several workers at once, or after days of downtime (it sends the missed levels, in order, once).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from django.db import IntegrityError, models, transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from flameblue.core.notify import Message, notify
from flameblue.core.scoping import may
from flameblue.hazards.choices import EscalationKind, HazardStatus, SupervisionStatus, TipStatus
from flameblue.hazards.escalation import Level, Target, levels_due, policy, recipients
from flameblue.hazards.models import Escalation, Hazard, SupervisionCase, Tip
from flameblue.workdays.services import working_days_between

__all__ = ["Overdue", "SweepResult", "object_key", "sweep"]

logger = logging.getLogger("flameblue.sweep")

K = EscalationKind
HAZARD_KINDS = {K.HAZARD_OVERDUE, K.RECHECK_OVERDUE}
RECTIFYING = (HazardStatus.CONFIRMED, HazardStatus.RECTIFYING)


@dataclass(frozen=True)
class Overdue:
    """One overdue item: what, which record, the day it fell due, who answers for it, what to say."""

    kind: str
    obj: models.Model
    due_on: dt.date
    target: Target
    title: str
    link: str


@dataclass
class SweepResult:
    today: dt.date
    found: Counter = field(default_factory=Counter)
    sent: Counter = field(default_factory=Counter)

    def summary(self) -> str:
        parts = [
            f"{K(kind).label}: {self.found[kind]} overdue, {self.sent[kind]} escalations sent"
            for kind in K.values
        ]
        return f"sweep {self.today.isoformat()} — " + "; ".join(parts)


def object_key(obj: models.Model, due_on: dt.date) -> tuple[str, str]:
    """(object_type, object_id) of an escalation. The deadline is part of the id: a new deadline (a failed
    re-inspection, the next supervision report) is a new overdue episode with its own levels."""
    return obj._meta.label_lower, f"{obj.pk}@{due_on.isoformat()}"


def _url(name: str, pk: int, fallback: tuple[str, int] | None = None) -> str:
    try:
        return reverse(name, kwargs={"pk": pk})
    except NoReverseMatch:
        return _url(*fallback) if fallback else ""


# ------------------------------------------------------------------------------------------- finders


def _tips(now: dt.datetime) -> Iterator[Overdue]:
    qs = Tip.objects.filter(
        status__in=(TipStatus.RECEIVED, TipStatus.CHECKING), check_due_at__lt=now
    ).select_related("region", "unit")
    for tip in qs.order_by("check_due_at", "pk").iterator(chunk_size=policy().batch_size):
        yield Overdue(
            K.TIP_UNCHECKED, tip, timezone.localtime(tip.check_due_at).date(),
            Target(tip.region_id, unit_org_id=tip.unit.organization_id if tip.unit else None,
                   brigade_responsible=True),
            _("举报 %(code)s（%(place)s）逾期未核查") % {"code": tip.tracking_code, "place": tip.region.name},
            _url("hazards:tip-detail", tip.pk),
        )  # fmt: skip


def _hazard_target(hazard: Hazard, *, brigade: bool) -> Target:
    return Target(hazard.region_id, unit_org_id=None if brigade else hazard.unit.organization_id,
                  brigade_responsible=brigade)  # fmt: skip


def _hazards(today: dt.date) -> Iterator[Overdue]:
    qs = Hazard.objects.filter(status__in=RECTIFYING, deadline__lt=today).select_related("unit")
    for hazard in qs.order_by("deadline", "pk").iterator(chunk_size=policy().batch_size):
        yield Overdue(
            K.HAZARD_OVERDUE, hazard, hazard.deadline, _hazard_target(hazard, brigade=False),
            _("%(unit)s 的火灾隐患逾期未整改") % {"unit": hazard.unit.name},
            _url("hazards:hazard-detail", hazard.pk),
        )  # fmt: skip


def _rechecks(today: dt.date) -> Iterator[Overdue]:
    due = models.Q(status=HazardStatus.COMPLETION_REPORTED) | models.Q(
        status__in=RECTIFYING, deadline__lt=today
    )
    qs = Hazard.objects.filter(due, recheck_due__lt=today).select_related("unit")
    for hazard in qs.order_by("recheck_due", "pk").iterator(chunk_size=policy().batch_size):
        yield Overdue(
            K.RECHECK_OVERDUE, hazard, hazard.recheck_due, _hazard_target(hazard, brigade=True),
            _("%(unit)s 的火灾隐患逾期未复查") % {"unit": hazard.unit.name},
            _url("hazards:hazard-detail", hazard.pk),
        )  # fmt: skip


def _case_link(case: SupervisionCase) -> str:
    return _url("hazards:supervision-detail", case.pk, fallback=("hazards:hazard-detail", case.hazard_id))


def _listing_decisions(today: dt.date) -> Iterator[Overdue]:
    qs = SupervisionCase.objects.filter(status=SupervisionStatus.REQUESTED, decision_due__lt=today)
    for case in qs.order_by("decision_due", "pk").iterator(chunk_size=policy().batch_size):
        yield Overdue(
            K.LISTING_DECISION_LATE, case, case.decision_due,
            Target(case.region_id, government_id=case.government_id),
            _("挂牌督办案件 %(no)s 逾期未作出决定") % {"no": case.case_number}, _case_link(case),
        )  # fmt: skip


def _supervision_reports(today: dt.date) -> Iterator[Overdue]:
    qs = SupervisionCase.objects.filter(
        status=SupervisionStatus.LISTED, next_report_due__lt=today
    ).select_related("hazard__unit")
    for case in qs.order_by("next_report_due", "pk").iterator(chunk_size=policy().batch_size):
        yield Overdue(
            K.SUPERVISION_REPORT_MISSING, case, case.next_report_due,
            Target(case.region_id, unit_org_id=case.hazard.unit.organization_id, government_id=case.government_id),
            _("挂牌督办案件 %(no)s 逾期未报送督办报告") % {"no": case.case_number}, _case_link(case),
        )  # fmt: skip


FINDERS: list[tuple[str, Callable[[dt.date, dt.datetime], Iterator[Overdue]]]] = [
    (K.TIP_UNCHECKED, lambda today, now: _tips(now)),
    (K.HAZARD_OVERDUE, lambda today, now: _hazards(today)),
    (K.RECHECK_OVERDUE, lambda today, now: _rechecks(today)),
    (K.LISTING_DECISION_LATE, lambda today, now: _listing_decisions(today)),
    (K.SUPERVISION_REPORT_MISSING, lambda today, now: _supervision_reports(today)),
]


# ------------------------------------------------------------------------------------------- escalation


def _message(item: Overdue, level: Level, days: int, today: dt.date) -> Message:
    prefix = _("【逾期提醒】") if level.level == 0 else _("【升级督办·第%(n)d级】") % {"n": level.level}
    body = _("到期日：%(due)s；截至 %(today)s 已逾期 %(days)d 个工作日。请尽快处理。") % {
        "due": date_format(item.due_on, "Y-m-d"),
        "today": date_format(today, "Y-m-d"),
        "days": days,
    }
    return Message(prefix + item.title, body, item.link, "warning" if level.level == 0 else "danger")


def _link_for(user, item: Overdue) -> str:
    """The item's page when the recipient may open it, else the nearest record it can open (a case's
    hazard, a tip's unit), else no link: a government leader is not sent to a tip it cannot read."""
    candidates = [(item.obj, item.link)]
    hazard = getattr(item.obj, "hazard", None)
    if isinstance(hazard, Hazard):
        candidates.append((hazard, _url("hazards:hazard-detail", hazard.pk)))
    unit = getattr(item.obj, "unit", None)
    if unit is not None:
        candidates.append((unit, _url("units:unit-detail", unit.pk)))
    for obj, link in candidates:
        if link and may(user, f"{obj._meta.app_label}.{obj._meta.model_name}.view", obj):
            return link
    return ""


def _claim_and_send(item: Overdue, level: Level, days: int, today: dt.date) -> bool:
    """Send one level once: the Escalation insert is the claim; everything commits together."""
    object_type, object_id = object_key(item.obj, item.due_on)
    with transaction.atomic():
        users = recipients(level, item.target)
        try:
            with transaction.atomic():
                Escalation.objects.create(
                    kind=item.kind, object_type=object_type, object_id=object_id, level=level.level,
                    region_id=item.target.region_id, due_on=item.due_on, recipients=[u.pk for u in users],
                )  # fmt: skip
        except IntegrityError:
            return False  # another run or worker sent this level
        message = _message(item, level, days, today)
        by_link: dict[str, list] = {}
        for user in users:
            by_link.setdefault(_link_for(user, item), []).append(user)
        if not users:
            by_link[item.link] = []  # notify records and logs an escalation that reaches nobody
        for link, group in by_link.items():
            notify(
                group,
                replace(message, link=link),
                dedupe_key=f"escalation:{item.kind}:{object_type}:{object_id}:{level.level}",
            )
        if item.kind in HAZARD_KINDS:
            Hazard.objects.filter(pk=item.obj.pk, escalation_level__lt=level.level).update(
                escalation_level=level.level
            )
    logger.info("escalated %s %s level %d to %d users", item.kind, object_id, level.level, len(users))
    return True


def _sent_levels(kind: str, items: list[Overdue]) -> set[tuple[str, int]]:
    keys = [object_key(item.obj, item.due_on) for item in items]
    if not keys:
        return set()
    rows = Escalation.objects.filter(
        kind=kind, object_type=keys[0][0], object_id__in=[k[1] for k in keys]
    ).values_list("object_id", "level")
    return set(rows)


def _batches(items: Iterator[Overdue], size: int) -> Iterator[list[Overdue]]:
    batch: list[Overdue] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _moment(today: dt.date | None, now: dt.datetime | None) -> tuple[dt.date, dt.datetime]:
    """Run as of ``today``: now when it is today, else the end of that day (an operator's catch-up)."""
    if now is not None:
        return today or timezone.localdate(now), now
    real = timezone.now()
    if today is None or today == timezone.localdate(real):
        return timezone.localdate(real), real
    return today, timezone.make_aware(dt.datetime.combine(today, dt.time(23, 59, 59)))


def sweep(*, today: dt.date | None = None, now: dt.datetime | None = None) -> SweepResult:
    """Find every overdue item and send each escalation level due by ``today`` that was not sent yet."""
    today, now = _moment(today, now)
    result = SweepResult(today=today)
    for kind, finder in FINDERS:
        for batch in _batches(finder(today, now), policy().batch_size):
            sent = _sent_levels(kind, batch)
            for item in batch:
                result.found[kind] += 1
                days = max(working_days_between(item.due_on, today), 0)
                object_id = object_key(item.obj, item.due_on)[1]
                for level in levels_due(days):
                    if (object_id, level.level) in sent:
                        continue
                    if _claim_and_send(item, level, days, today):
                        result.sent[kind] += 1
    logger.info(result.summary())
    return result
