"""The corps' corrective-action sweep (整改措施逾期巡查), one job of ``flameblue sweep`` (``corps_actions``).

It covers both kinds of corrective action — a readiness check's findings and a case review's actions. An
open action past its deadline is flagged overdue (``overdue_since``, the first day after the deadline) and
escalated level by level per ``rules/escalation.yaml``: level 1 tells the owner (station or HQ office) and
escalates to its superior (the station's brigade; the detachment for an office), later levels reach the
detachment. Each level is claimed with a conditional update (``escalation_level < level``) in the same
transaction as its notifications (deduplicated), so a second run, a parallel worker or a run after an
outage sends each level once."""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from dataclasses import dataclass, field

from django.apps import apps
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from flameblue.core.notify import Message, notify
from flameblue.corps.rectification.models import ActionStatus, CorrectiveAction
from flameblue.corps.rectification.policy import EscalationLevel, escalation_policy
from flameblue.org.choices import OrgKind
from flameblue.org.models import Membership, Organization, User

__all__ = ["SWEPT_MODELS", "CorrectiveActionSweep", "recipients", "sweep_corrective_actions"]

logger = logging.getLogger("flameblue.sweep")

#: The concrete corrective-action models the sweep covers (each has ``get_absolute_url`` and ``kind_label``).
SWEPT_MODELS = ("corps.ReadinessFinding", "corps.ReviewAction")


@dataclass
class CorrectiveActionSweep:
    today: dt.date
    flagged: int = 0
    sent: Counter = field(default_factory=Counter)

    def summary(self) -> str:
        levels = ", ".join(f"L{level}: {n}" for level, n in sorted(self.sent.items())) or "0"
        return f"corps corrective-action sweep {self.today.isoformat()} — flagged {self.flagged}; escalations {levels}"


def _detachment_of(owner: Organization) -> list[int]:
    node, seen = owner, 0
    while node is not None and seen < 6:
        if node.kind == OrgKind.DETACHMENT:
            return [node.pk]
        node, seen = node.parent, seen + 1
    return list(
        Organization.objects.filter(
            kind=OrgKind.DETACHMENT, region_id=owner.region_id[:4], is_active=True
        ).values_list("pk", flat=True)
    )


def recipients(action: CorrectiveAction, level: EscalationLevel) -> list[User]:
    """Who hears about ``action`` at ``level``: users of the owner, of its superior, of the detachment,
    holding one of the policy's corps roles."""
    owner = action.owner
    org_ids: list[int] = []
    for target in level.notify:
        if target == "owner":
            org_ids.append(owner.pk)
        elif target == "superior" and owner.parent_id:
            org_ids.append(owner.parent_id)
        elif target == "detachment":
            org_ids += _detachment_of(owner)
    person_ids = (
        Membership.objects.current()
        .filter(organization_id__in=org_ids, role__code__in=escalation_policy().recipient_roles)
        .filter(person__is_active=True)
        .values("person_id")
    )
    return list(User.objects.filter(person_id__in=person_ids, is_active=True).order_by("pk"))


def _message(action: CorrectiveAction, level: EscalationLevel, days: int) -> Message:
    prefix = _("【整改逾期】") if level.level == 1 else _("【整改逾期升级·第%(n)d级】") % {"n": level.level}
    body = _("%(kind)s，整改期限：%(due)s；已逾期 %(days)d 天，请尽快落实并报告整改情况。") % {
        "kind": type(action).kind_label,
        "due": date_format(action.due_on, "Y-m-d"),
        "days": days,
    }
    return Message(
        prefix + f"{action.owner.name}：{action.task[:40]}", body, action.get_absolute_url(), "danger"
    )


def _claim(action: CorrectiveAction, level: EscalationLevel, days: int) -> bool:
    model = type(action)
    with transaction.atomic():
        claimed = model.objects.filter(
            pk=action.pk, status=ActionStatus.OPEN, due_on=action.due_on, escalation_level__lt=level.level
        ).update(escalation_level=level.level)
        if not claimed:
            return False  # reported meanwhile, or another run or worker sent this level
        notify(
            recipients(action, level),
            _message(action, level, days),
            dedupe_key=f"corps:{model._meta.model_name}:{action.pk}@{action.due_on.isoformat()}:{level.level}",
        )
    logger.info("%s %s escalated to level %d", model._meta.model_name, action.pk, level.level)
    return True


def _sweep_model(model: type[CorrectiveAction], today: dt.date, result: CorrectiveActionSweep) -> None:
    policy = escalation_policy()
    due = model.objects.filter(status=ActionStatus.OPEN, due_on__lt=today)
    for action in due.select_related("owner__parent").order_by("due_on", "pk"):
        result.flagged += model.objects.filter(
            pk=action.pk, status=ActionStatus.OPEN, overdue_since__isnull=True
        ).update(overdue_since=action.due_on + dt.timedelta(days=1))
        days = (today - action.due_on).days
        for level in policy.levels_due(days):
            if level.level > action.escalation_level and _claim(action, level, days):
                result.sent[level.level] += 1


def sweep_corrective_actions(*, today: dt.date | None = None) -> CorrectiveActionSweep:
    """Flag and escalate every open corrective action of the corps whose deadline is before ``today``."""
    today = today or timezone.localdate()
    result = CorrectiveActionSweep(today=today)
    for label in SWEPT_MODELS:
        _sweep_model(apps.get_model(label), today, result)
    logger.info(result.summary())
    return result
