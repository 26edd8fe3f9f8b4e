"""The action-item sweep (督办事项逾期巡查): run by Huey every few minutes (``tasks.py``) and by
``flameblue sweep_action_items``.

An open action item whose written-feedback date has passed is flagged overdue (``overdue_since``, the first
day after that date) and escalated one level at a time as the days overdue reach each level of
``rules/action-items.yaml``. Each level is claimed with a conditional update (``escalation_level < level``):
the claim, the notifications (deduplicated) and the flag commit together, so the sweep may run twice, on two
workers at once, or after days of downtime — it then sends the missed levels in order, each once."""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from flameblue.core.notify import Message, notify
from flameblue.governance.choices import ActionItemStatus
from flameblue.governance.models import ActionItem
from flameblue.governance.policy import EscalationLevel, action_item_policy
from flameblue.governance.services import action_item_link, organization_users
from flameblue.org.choices import OrgKind
from flameblue.org.models import Organization, User

__all__ = ["ActionItemSweep", "recipients", "sweep_action_items"]

logger = logging.getLogger("flameblue.sweep")


@dataclass
class ActionItemSweep:
    today: dt.date
    flagged: int = 0
    sent: Counter = field(default_factory=Counter)

    def summary(self) -> str:
        levels = ", ".join(f"L{level}: {n}" for level, n in sorted(self.sent.items())) or "0"
        return f"action-item sweep {self.today.isoformat()} — flagged {self.flagged}; escalations {levels}"


def _upper_government(committee: Organization) -> list[int]:
    """The government above the deciding body (a committee's government, or a government itself)."""
    government = committee if committee.kind == OrgKind.GOVERNMENT else committee.parent
    if government is not None and government.parent_id:
        return [government.parent_id]
    region = committee.region_id
    upper = region[:6] if len(region) > 6 else region[:4]
    if upper == region:
        return []
    return list(
        Organization.objects.filter(kind=OrgKind.GOVERNMENT, region_id=upper, is_active=True).values_list(
            "pk", flat=True
        )
    )


def recipients(item: ActionItem, level: EscalationLevel) -> list[User]:
    """Who hears about ``item`` at ``level``: the owner's staff, the committee (its members and the
    government it belongs to) and, at the top, the government above."""
    decision = item.decision
    # A record's decisions stand behind its government; a meeting's behind the committee (and its government).
    deciding = decision.meeting.committee if decision.meeting_id else decision.record.government
    org_ids: list[int] = []
    for target in level.notify:
        if target == "owner":
            org_ids.append(item.owner_id)
        elif target == "committee" and decision.meeting_id:
            org_ids += [deciding.pk] + ([deciding.parent_id] if deciding.parent_id else [])
        elif target == "committee":  # a government's own record: the government and its committee office
            org_ids += [deciding.pk, *Organization.objects.filter(
                parent_id=deciding.pk, kind=OrgKind.COMMITTEE, is_active=True
            ).values_list("pk", flat=True)]  # fmt: skip
        elif target == "upper_government":
            org_ids += _upper_government(deciding)
    return organization_users(org_ids, action_item_policy().recipient_roles)


def _message(item: ActionItem, level: EscalationLevel, days: int) -> Message:
    prefix = (
        _("【督办事项逾期】") if level.level == 1 else _("【督办事项升级·第%(n)d级】") % {"n": level.level}
    )
    body = _("书面反馈期限：%(due)s；已逾期 %(days)d 天，请尽快反馈落实情况。") % {
        "due": date_format(item.feedback_due_on, "Y-m-d"),
        "days": days,
    }
    return Message(prefix + f"{item.owner.name}：{item.task[:40]}", body, action_item_link(item), "danger")


def _claim(item: ActionItem, level: EscalationLevel, days: int) -> bool:
    with transaction.atomic():
        claimed = ActionItem.objects.filter(
            pk=item.pk, status=ActionItemStatus.OPEN, feedback_due_on=item.feedback_due_on,
            escalation_level__lt=level.level,
        ).update(escalation_level=level.level)  # fmt: skip
        if not claimed:
            return False  # answered meanwhile, or another run or worker sent this level
        notify(
            recipients(item, level),
            _message(item, level, days),
            dedupe_key=f"governance:overdue:{item.pk}@{item.feedback_due_on.isoformat()}:{level.level}",
        )
    logger.info("action item %s escalated to level %d", item.pk, level.level)
    return True


def sweep_action_items(*, today: dt.date | None = None) -> ActionItemSweep:
    """Flag and escalate every open action item whose feedback date is before ``today``."""
    today = today or timezone.localdate()
    result = ActionItemSweep(today=today)
    policy = action_item_policy()
    due = ActionItem.objects.filter(status=ActionItemStatus.OPEN, feedback_due_on__lt=today)
    related = ("owner", "decision__meeting__committee", "decision__record__government")
    for item in due.select_related(*related).order_by("feedback_due_on", "pk"):
        first_day = item.feedback_due_on + dt.timedelta(days=1)
        result.flagged += ActionItem.objects.filter(
            pk=item.pk, status=ActionItemStatus.OPEN, overdue_since__isnull=True
        ).update(overdue_since=first_day)
        days = (today - item.feedback_due_on).days
        for level in policy.levels_due(days):
            if level.level > item.escalation_level and _claim(item, level, days):
                result.sent[level.level] += 1
    logger.info(result.summary())
    return result
