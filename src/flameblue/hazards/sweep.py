"""The overdue sweep (逾期巡查): ``flameblue sweep`` and the Huey job every few minutes.

It finds what is due — tips not checked in time, hazards past their rectification deadline, re-inspections
not done, listing decisions late, supervision reports missing — and for each computes, from the working
days overdue as of ``today``, every escalation level that should have been sent by now.

It works set by set, not row by row, so a province's backlog (150 000 overdue hazards) takes a minute or two
(bench/sweep_bench.py), not hours:

- **Only what is pending is read.** The query for each kind keeps the items for which some level is due (the
  item's due date is on or before the level's cut-off day, computed once from the working-day calendar)
  and has no :class:`Escalation` row yet (``NOT EXISTS`` on its unique key). A hazard escalated to the top
  level for its deadline (re-inspection day) is marked (``Hazard.overdue_escalated_for`` /
  ``recheck_escalated_for``) and leaves the partial index the query reads until it gets a new one, so an
  idle re-run reads only the hazards still climbing the levels. Hazards are read as value tuples, not
  model instances (an instance cost more than the rest of an item's work).
- **Claims are one statement per batch.** The batch's (item, level) rows go in with one ``INSERT … ON
  CONFLICT DO NOTHING RETURNING``: the rows returned are this run's claims; a row another worker or an
  earlier run inserted is skipped, so that level is not sent again.
- **Recipients are resolved once per organization per run** (:class:`~flameblue.hazards.escalation.Recipients`),
  and whether a recipient may open the item's page is decided on the loaded rows (``core.scoping.admits``).
- **Notifications go in bulk** (``core.notify.notify_many``), deduplicated per recipient by the database.
- **Escalation levels go in with one UPDATE per batch**, with the marks above (on SQLite one per (level,
  due day) group). On PostgreSQL the claims, inbox rows and marks pass their values as arrays bound in
  binary (``core.arrays``).

The claims, the notifications and the hazards' escalation levels of a batch commit together. So the sweep
can run twice, on several workers at once, or after days of downtime (it sends the missed levels, in order,
once).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from django.db import connection, models, transaction
from django.db.models import CharField, Exists, OuterRef, Q, Value
from django.db.models.functions import Cast, Concat, Greatest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from flameblue.core.arrays import execute_bound
from flameblue.core.notify import Delivery, Message, notify_many
from flameblue.core.scoping import admits, user_scopes
from flameblue.hazards.choices import EscalationKind, HazardStatus, SupervisionStatus, TipStatus
from flameblue.hazards.escalation import Level, Recipients, Target, levels_due, policy
from flameblue.hazards.models import Escalation, Hazard, SupervisionCase, Tip
from flameblue.hazards.models.hazard import PENDING_OVERDUE, PENDING_RECHECK
from flameblue.units.models import Unit
from flameblue.workdays.services import working_days_between

__all__ = ["Overdue", "SweepResult", "object_key", "sweep"]

logger = logging.getLogger("flameblue.sweep")

K = EscalationKind
RECTIFYING = (HazardStatus.CONFIRMED, HazardStatus.RECTIFYING)


@dataclass(frozen=True)
class Overdue:
    """One overdue item: what, which record, the day it fell due, who answers for it, what to say."""

    kind: str
    obj: models.Model | _Record
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


def object_key(obj: models.Model | _Record, due_on: dt.date) -> tuple[str, str]:
    """(object_type, object_id) of an escalation. The deadline is part of the id: a new deadline (a failed
    re-inspection, the next supervision report) is a new overdue episode with its own levels."""
    return obj._meta.label_lower, f"{obj.pk}@{due_on.isoformat()}"  # a _Record has its model's _meta


def _url(name: str, pk: int, fallback: tuple[str, int] | None = None) -> str:
    pattern = _url_pattern(name)
    if pattern is None:
        return _url(*fallback) if fallback else ""
    return pattern.replace(_PK_MARK, str(pk))


_PK_MARK = "2147483647"


@lru_cache(maxsize=32)
def _url_pattern(name: str) -> str | None:
    """The detail URL of ``name`` with a marker for the pk, reversed once (a run builds thousands of links)."""
    try:
        return reverse(name, kwargs={"pk": int(_PK_MARK)})
    except NoReverseMatch:
        return None


# ------------------------------------------------------------------------------------------- finders


@dataclass(frozen=True)
class Finder:
    """One kind of overdue item: the overdue rows as of (today, now), the date column the levels count
    from (None: the due day is not a column, as a tip's deadline is a moment; then every overdue row is
    read and the sent levels are checked in Python — tips are few) and how a row becomes an item."""

    kind: str
    rows: Callable[[dt.date, dt.datetime], models.QuerySet]
    due_field: str | None
    order: tuple[str, ...]
    item: Callable[[Any], Overdue]
    #: Hazards only: the column that records the due day whose every level is sent, and the condition
    #: (a partial index's) of the rows still pending by it.
    done_field: str | None = None
    not_done: Q | None = None
    #: The columns read as a tuple for ``item`` (None: ``item`` gets a model instance).
    values: tuple[str, ...] | None = None


def _tip_rows(today: dt.date, now: dt.datetime) -> models.QuerySet:
    return Tip.objects.filter(
        status__in=(TipStatus.RECEIVED, TipStatus.CHECKING), check_due_at__lt=now
    ).select_related("region", "unit")


def _tip(tip: Tip) -> Overdue:
    return Overdue(
        K.TIP_UNCHECKED, tip, timezone.localtime(tip.check_due_at).date(),
        Target(tip.region_id, unit_org_id=tip.unit.organization_id if tip.unit else None,
               brigade_responsible=True),
        _("举报 %(code)s（%(place)s）逾期未核查") % {"code": tip.tracking_code, "place": tip.region.name},
        _url("hazards:tip-detail", tip.pk),
    )  # fmt: skip


class _Record:
    """A row the sweep read as values, not as a model instance (a province's backlog is 100 000s of rows,
    and an instance costs more than the rest of an item's work): the pk and the columns on the model's
    scope paths, which ``core.scoping.admits`` reads as attributes, as it reads them on an instance."""

    __slots__ = ()
    model: type[models.Model]


@dataclass(slots=True)
class _UnitRecord(_Record):
    pk: int
    organization_id: int
    region_id: str
    industry_id: str | None
    model = Unit
    scope_spec = Unit.scope_spec
    _meta = Unit._meta


@dataclass(slots=True)
class _HazardRecord(_Record):
    pk: int
    region_id: str
    industry_id: str | None
    unit: _UnitRecord
    model = Hazard
    scope_spec = Hazard.scope_spec
    _meta = Hazard._meta


#: What the sweep reads of a hazard and its unit: the due days, the scope paths (``admits``), the title.
_HAZARD_VALUES = ("pk", "deadline", "recheck_due", "region_id", "industry_id", "unit_id", "unit__name",
                  "unit__organization_id", "unit__region_id", "unit__industry_id")  # fmt: skip


def _hazard_rows(today: dt.date, now: dt.datetime) -> models.QuerySet:
    return Hazard.objects.filter(status__in=RECTIFYING, deadline__lt=today)


def _hazard_item(row: tuple[Any, ...], kind: str, title: str) -> Overdue:
    pk, deadline, recheck_due, region_id, industry_id = row[:5]
    unit_id, unit_name, org_id, unit_region, unit_industry = row[5:]
    hazard = _HazardRecord(
        pk, region_id, industry_id, _UnitRecord(unit_id, org_id, unit_region, unit_industry)
    )
    brigade = kind == K.RECHECK_OVERDUE
    return Overdue(
        kind, hazard, recheck_due if brigade else deadline,
        Target(region_id, unit_org_id=None if brigade else org_id, brigade_responsible=brigade),
        title % {"unit": unit_name}, _url("hazards:hazard-detail", pk),
    )  # fmt: skip


def _hazard(row: tuple[Any, ...]) -> Overdue:
    return _hazard_item(row, K.HAZARD_OVERDUE, _("%(unit)s 的火灾隐患逾期未整改"))


def _recheck_rows(today: dt.date, now: dt.datetime) -> models.QuerySet:
    due = Q(status=HazardStatus.COMPLETION_REPORTED) | Q(status__in=RECTIFYING, deadline__lt=today)
    return Hazard.objects.filter(due, recheck_due__lt=today)


def _recheck(row: tuple[Any, ...]) -> Overdue:
    return _hazard_item(row, K.RECHECK_OVERDUE, _("%(unit)s 的火灾隐患逾期未复查"))


def _case_link(case: SupervisionCase) -> str:
    return _url("hazards:supervision-detail", case.pk, fallback=("hazards:hazard-detail", case.hazard_id))


def _decision_rows(today: dt.date, now: dt.datetime) -> models.QuerySet:
    return SupervisionCase.objects.filter(
        status=SupervisionStatus.REQUESTED, decision_due__lt=today
    ).select_related("hazard__unit")


def _decision(case: SupervisionCase) -> Overdue:
    return Overdue(
        K.LISTING_DECISION_LATE, case, case.decision_due,
        Target(case.region_id, government_id=case.government_id),
        _("挂牌督办案件 %(no)s 逾期未作出决定") % {"no": case.case_number}, _case_link(case),
    )  # fmt: skip


def _report_rows(today: dt.date, now: dt.datetime) -> models.QuerySet:
    return SupervisionCase.objects.filter(
        status=SupervisionStatus.LISTED, next_report_due__lt=today
    ).select_related("hazard__unit")


def _report(case: SupervisionCase) -> Overdue:
    return Overdue(
        K.SUPERVISION_REPORT_MISSING, case, case.next_report_due,
        Target(case.region_id, unit_org_id=case.hazard.unit.organization_id, government_id=case.government_id),
        _("挂牌督办案件 %(no)s 逾期未报送督办报告") % {"no": case.case_number}, _case_link(case),
    )  # fmt: skip


FINDERS: list[Finder] = [
    Finder(K.TIP_UNCHECKED, _tip_rows, None, ("check_due_at", "pk"), _tip),
    Finder(K.HAZARD_OVERDUE, _hazard_rows, "deadline", ("deadline", "pk"), _hazard,
           done_field="overdue_escalated_for", not_done=PENDING_OVERDUE, values=_HAZARD_VALUES),
    Finder(K.RECHECK_OVERDUE, _recheck_rows, "recheck_due", ("recheck_due", "pk"), _recheck,
           done_field="recheck_escalated_for", not_done=PENDING_RECHECK, values=_HAZARD_VALUES),
    Finder(K.LISTING_DECISION_LATE, _decision_rows, "decision_due", ("decision_due", "pk"), _decision),
    Finder(K.SUPERVISION_REPORT_MISSING, _report_rows, "next_report_due", ("next_report_due", "pk"), _report),
]  # fmt: skip


# ------------------------------------------------------------------------------------------- one run


class _Run:
    """What one run works out once: the day each level's cut-off falls on, working days overdue per due
    date, the recipients and their scopes."""

    def __init__(self, today: dt.date, now: dt.datetime) -> None:
        self.today, self.now = today, now
        self.recipients = Recipients()
        self.scopes: dict[tuple[int, type], list] = {}  # (user, model) → the user's scopes for viewing it
        self._days: dict[dt.date, int] = {}
        self._bodies: dict[tuple[int, dt.date], tuple[str, str]] = {}

    def days(self, due_on: dt.date) -> int:
        if due_on not in self._days:
            self._days[due_on] = max(working_days_between(due_on, self.today), 0)
        return self._days[due_on]

    def message(self, item: Overdue, level: Level) -> Message:
        """The message for ``item`` at ``level``; its body (the due day, today, days overdue) is the same
        for every item due the same day, so it is formatted once per (level, due day)."""
        key = (level.level, item.due_on)
        if key not in self._bodies:
            prefix, template = _wording(level.level)
            body = template % {
                "due": item.due_on.isoformat(),  # as date_format(…, "Y-m-d"), at a fraction of the cost
                "today": self.today.isoformat(),
                "days": self.days(item.due_on),
            }
            self._bodies[key] = (prefix, body)
        prefix, body = self._bodies[key]
        return Message(prefix + item.title, body, item.link, "warning" if level.level == 0 else "danger")

    def cutoff(self, level: Level) -> dt.date:
        """The latest due date that is ``level.after_working_days`` working days overdue by today."""
        day = self.today
        while working_days_between(day, self.today) < level.after_working_days:
            day -= dt.timedelta(days=1)
        return day


def _pending(finder: Finder, run: _Run) -> models.QuerySet:
    """The overdue rows with a level due and not yet sent (see the module docstring)."""
    rows = finder.rows(run.today, run.now)
    if finder.due_field is None:
        return rows
    if finder.not_done is not None:  # a hazard escalated to the top level for this due day is done
        rows = rows.filter(finder.not_done)
    model = rows.model
    rows = rows.annotate(
        _escalation_id=Concat(Cast("pk", CharField()), Value("@"), Cast(finder.due_field, CharField()))
    )
    pending = Q(pk__in=[])
    for level in policy().levels:
        sent = Escalation.objects.filter(
            kind=finder.kind, object_type=model._meta.label_lower, object_id=OuterRef("_escalation_id"),
            level=level.level,
        )  # fmt: skip
        pending |= Q(**{f"{finder.due_field}__lte": run.cutoff(level)}) & ~Exists(sent)
    if finder.not_done is not None:
        # Past the top level's cut-off and not marked done: read it once more to mark it (its levels may
        # all be in the ledger already: sent by another worker, or before the mark existed).
        pending |= Q(**{f"{finder.due_field}__lte": run.cutoff(policy().levels[-1])})
    return rows.filter(pending)


# ------------------------------------------------------------------------------------------- escalation


_WORDING: dict[tuple[str, int], tuple[str, str]] = {}


def _wording(level: int) -> tuple[str, str]:
    """The translated prefix and body template of a level's message (looked up once per language and
    level, not once per message)."""
    key = (get_language() or "", level)
    if key not in _WORDING:
        prefix = _("【逾期提醒】") if level == 0 else _("【升级督办·第%(n)d级】") % {"n": level}
        _WORDING[key] = (prefix, _("到期日：%(due)s；截至 %(today)s 已逾期 %(days)d 个工作日。请尽快处理。"))
    return _WORDING[key]


def _link_for(user, item: Overdue, scopes: dict | None = None) -> str:
    """The item's page when the recipient may open it, else the nearest record it can open (a case's
    hazard, a tip's unit), else no link: a government leader is not sent to a tip it cannot read."""
    scopes = {} if scopes is None else scopes
    for obj, link in _candidates(item):
        if not link:
            continue
        model = obj.model if isinstance(obj, _Record) else type(obj)
        key = (user.pk, model)
        if key not in scopes:
            scopes[key] = user_scopes(user, model, "view")
        if admits(obj, scopes[key]):
            return link
    return ""


def _candidates(item: Overdue) -> Iterator[tuple[Any, str]]:
    """The records a message may link to, best first (each link made only when the one before it fails)."""
    yield item.obj, item.link
    hazard = getattr(item.obj, "hazard", None)
    if isinstance(hazard, Hazard):
        yield hazard, _url("hazards:hazard-detail", hazard.pk)
    unit = getattr(item.obj, "unit", None)
    if unit is not None:
        yield unit, _url("units:unit-detail", unit.pk)


def _deliveries(item: Overdue, level: Level, object_id: str, users: list, run: _Run) -> list[Delivery]:
    message = run.message(item, level)
    key = f"escalation:{item.kind}:{item.obj._meta.label_lower}:{object_id}:{level.level}"
    if not users:  # recorded and logged as an escalation that reaches nobody
        return [Delivery((), message, key)]
    by_link: dict[str, list] = {}
    for user in users:
        by_link.setdefault(_link_for(user, item, run.scopes), []).append(user)
    deliveries = []
    for link, group in by_link.items():
        linked = (
            message if link == message.link else Message(message.subject, message.body, link, message.level)
        )
        deliveries.append(Delivery(tuple(group), linked, key))
    return deliveries


_CLAIM_COLUMNS = ("kind", "object_type", "object_id", "level", "region_id", "due_on", "sent_at", "recipients")
_CLAIM_CHUNK = 1000


def _claim(rows: list[tuple[Any, ...]]) -> set[tuple[str, int]]:
    """Insert the escalation rows; answer the (object_id, level) of those this run inserted. A row already
    there (another worker, an earlier run) is skipped by the database and not answered."""
    if connection.vendor == "postgresql":
        return _claim_postgresql(rows)
    fields = {
        name: Escalation._meta.get_field("region" if name == "region_id" else name) for name in _CLAIM_COLUMNS
    }
    table = connection.ops.quote_name(Escalation._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(c) for c in _CLAIM_COLUMNS)
    claimed: set[tuple[str, int]] = set()
    with connection.cursor() as cursor:
        for start in range(0, len(rows), _CLAIM_CHUNK):
            chunk = rows[start : start + _CLAIM_CHUNK]
            values = ", ".join(["(" + ", ".join(["%s"] * len(_CLAIM_COLUMNS)) + ")"] * len(chunk))
            params = [
                fields[name].get_db_prep_save(value, connection)
                for row in chunk
                for name, value in zip(_CLAIM_COLUMNS, row, strict=True)
            ]
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES {values} "
                "ON CONFLICT (kind, object_type, object_id, level) DO NOTHING RETURNING object_id, level",
                params,
            )
            claimed.update((object_id, int(level)) for object_id, level in cursor.fetchall())
    return claimed


def _claim_postgresql(rows: list[tuple[Any, ...]]) -> set[tuple[str, int]]:
    """The same statement with one array per column, bound in binary (a short query whatever the batch
    size, no quoting of each value: ``core.arrays``)."""
    import json

    columns: list[Any] = [list(c) for c in zip(*rows, strict=True)]
    columns[-1] = [json.dumps(r) for r in columns[-1]]
    table = connection.ops.quote_name(Escalation._meta.db_table)
    claimed = execute_bound(
        f"INSERT INTO {table} ({', '.join(_CLAIM_COLUMNS)}) "
        "SELECT k, t, o, l, r, d, s, j::jsonb FROM unnest("
        "%b::text[], %b::text[], %b::text[], %b::int[], %b::text[], %b::date[], %b::timestamptz[], %b::text[]"
        ") AS x(k, t, o, l, r, d, s, j) "
        "ON CONFLICT (kind, object_type, object_id, level) DO NOTHING RETURNING object_id, level",
        columns,
    )
    return {(object_id, int(level)) for object_id, level in claimed}


def _sent_levels(kind: str, items: list[Overdue]) -> set[tuple[str, int]]:
    keys = [object_key(item.obj, item.due_on) for item in items]
    if not keys:
        return set()
    rows = Escalation.objects.filter(
        kind=kind, object_type=keys[0][0], object_id__in=[k[1] for k in keys]
    ).values_list("object_id", "level")
    return set(rows)


def _send_batch(finder: Finder, items: list[Overdue], run: _Run) -> int:
    """Claim and send every level due and not yet sent for ``items``; answers how many were sent."""
    kind = finder.kind
    # A finder with a due-day column reads only items with some level unsent, and the claim skips the
    # levels already in the ledger; tips are all read every run, so their sent levels are looked up first.
    sent = _sent_levels(kind, items) if finder.due_field is None else set()
    todo: list[tuple[Overdue, Level, str]] = []
    for item in items:
        object_id = object_key(item.obj, item.due_on)[1]
        todo += [
            (item, level, object_id)
            for level in levels_due(run.days(item.due_on))
            if (object_id, level.level) not in sent
        ]
    claimed: set[tuple[str, int]] = set()
    with transaction.atomic():
        if todo:
            run.recipients.prefetch((level, item.target) for item, level, _id in todo)
            users = [run.recipients.users(level, item.target) for item, level, _id in todo]
            object_type = items[0].obj._meta.label_lower
            rows = [
                (kind, object_type, object_id, level.level, item.target.region_id, item.due_on, run.now,
                 [u.pk for u in chosen])
                for (item, level, object_id), chosen in zip(todo, users, strict=True)
            ]  # fmt: skip
            claimed = _claim(rows)
            deliveries: list[Delivery] = []
            for (item, level, object_id), chosen in zip(todo, users, strict=True):
                if (object_id, level.level) in claimed:
                    deliveries += _deliveries(item, level, object_id, chosen, run)
                # else: sent earlier, or by another worker
            notify_many(deliveries)
        if finder.done_field is not None:
            _mark_hazards(finder.done_field, items, claimed, run)
    logger.info("%s: %d escalations sent for %d overdue items", kind, len(claimed), len(items))
    return len(claimed)


def _mark_hazards(done_field: str, items: list[Overdue], claimed: set[tuple[str, int]], run: _Run) -> None:
    """Raise each hazard's escalation level to the highest level claimed for it, and record the due day
    whose every level is now in the ledger (the top level is due: the missing ones were just claimed, by
    this run or another), so the hazard leaves the sweep's work list until it gets a new due day. A row
    already there is not written again."""
    top = policy().levels[-1]
    raised: dict[int, int] = {}
    for object_id, level in claimed:
        pk = int(object_id.split("@", 1)[0])
        raised[pk] = max(level, raised.get(pk, -1))
    changes: list[tuple[int, int, dt.date | None]] = []  # (hazard, level or -1, due day done or None)
    for item in items:
        done = item.due_on if run.days(item.due_on) >= top.after_working_days else None
        level = raised.get(item.obj.pk, -1)
        if level >= 0 or done is not None:
            changes.append((item.obj.pk, level, done))
    if not changes:
        return
    if connection.vendor == "postgresql":
        _mark_postgresql(done_field, changes)
        return
    # Elsewhere one UPDATE per (level, due day) group: a batch is read in due-day order, so a handful.
    groups: dict[tuple[int, dt.date | None], list[int]] = {}
    for pk, level, done in changes:
        groups.setdefault((level, done), []).append(pk)
    for (level, done), pks in groups.items():
        values: dict[str, Any] = {}
        changed = Q(pk__in=[])
        if level >= 0:
            values["escalation_level"] = Greatest("escalation_level", Value(level))
            changed |= Q(escalation_level__lt=level)
        if done is not None:
            values[done_field] = done
            changed |= Q(**{f"{done_field}__isnull": True}) | ~Q(**{done_field: done})
        Hazard.objects.filter(changed, pk__in=pks).update(**values)


def _mark_postgresql(done_field: str, changes: list[tuple[int, int, dt.date | None]]) -> None:
    """The batch's marks in one UPDATE, one array per column (``core.arrays``)."""
    table = connection.ops.quote_name(Hazard._meta.db_table)
    done = connection.ops.quote_name(Hazard._meta.get_field(done_field).column)
    pks, levels, days = (list(c) for c in zip(*changes, strict=True))
    execute_bound(
        f"UPDATE {table} AS h SET escalation_level = GREATEST(h.escalation_level, x.level), "
        f"{done} = COALESCE(x.done, h.{done}) "
        "FROM unnest(%b::bigint[], %b::int[], %b::date[]) AS x(id, level, done) "
        f"WHERE h.id = x.id AND (h.escalation_level < x.level OR "
        f"(x.done IS NOT NULL AND h.{done} IS DISTINCT FROM x.done))",
        [pks, levels, days],
    )


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
    run = _Run(today, now)
    result = SweepResult(today=today)
    size = policy().batch_size
    for finder in FINDERS:
        result.found[finder.kind] = finder.rows(today, now).order_by().count()
        pending = _pending(finder, run).order_by(*finder.order)
        if finder.values is not None:
            pending = pending.values_list(*finder.values)
        rows = pending.iterator(chunk_size=size)
        for batch in _batches((finder.item(row) for row in rows), size):
            result.sent[finder.kind] += _send_batch(finder, batch, run)
    logger.info(result.summary())
    return result
