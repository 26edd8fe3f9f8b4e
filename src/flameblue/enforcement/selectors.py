"""Reads of the enforcement app: the due list (应办清单) of every running statutory clock the user may see,
with working days left and overdue flags, shared by the due-list page, the dashboard panel and the API."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from flameblue.enforcement.choices import EventCheckStatus, PreOpeningStatus, SealingStatus
from flameblue.enforcement.models import EventCheck, PreOpeningCheck, Sealing
from flameblue.workdays.services import working_days_between

__all__ = ["DueRow", "clock_label", "due_list", "open_rows"]


@dataclass(frozen=True)
class DueRow:
    kind: str
    kind_label: str
    pk: int
    title: str
    unit_name: str
    step: str
    due_on: dt.date
    days_left: int
    overdue: bool
    url: str


def clock_label(obj: Any) -> str:
    """What the running clock of ``obj`` is waiting for, in the officer's words."""
    if isinstance(obj, Sealing):
        return obj.get_clock_display()
    if isinstance(obj, PreOpeningCheck):
        return _("告知承诺核查") if obj.status == PreOpeningStatus.LICENSED else _("现场检查")
    return _("活动举办前检查") if obj.status == EventCheckStatus.ACCEPTED else _("受理并检查")


#: (kind, model, open statuses, detail URL name, label)
KINDS = (
    ("sealing", Sealing, [s for s in SealingStatus.values if s not in ("rejected", "lifted")],
     "enforcement:sealing-detail", "临时查封"),
    ("preopening", PreOpeningCheck, [PreOpeningStatus.ACCEPTED, PreOpeningStatus.LICENSED],
     "enforcement:preopening-detail", "营业前检查"),
    ("event", EventCheck, [EventCheckStatus.APPLIED, EventCheckStatus.ACCEPTED],
     "enforcement:event-detail", "大型活动检查"),
)  # fmt: skip


def open_rows(model: type, statuses: list[str], queryset=None):
    """Records of ``model`` with a running clock (``due_on`` set) in an open status."""
    base = queryset if queryset is not None else model.objects.all()
    return base.filter(status__in=statuses, due_on__isnull=False)


def due_list(user: Any, today: dt.date, *, within: int | None = None) -> list[DueRow]:
    """Every running clock the user may see, soonest first; ``within`` keeps those due within that many
    working days (overdue ones always stay)."""
    rows: list[DueRow] = []
    for kind, model, statuses, url_name, label in KINDS:
        qs = open_rows(model, statuses, model.objects.visible_to(user, "view")).select_related("unit")
        for obj in qs.order_by("due_on", "pk")[:500]:
            left = working_days_between(today, obj.due_on)
            if within is not None and left > within:
                continue
            rows.append(DueRow(kind, _(label), obj.pk, str(obj), obj.unit.name, clock_label(obj), obj.due_on,
                               left, obj.due_on < today, reverse(url_name, kwargs={"pk": obj.pk})))  # fmt: skip
    return sorted(rows, key=lambda r: (r.due_on, r.kind, r.pk))
