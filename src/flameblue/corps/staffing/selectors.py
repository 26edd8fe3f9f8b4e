"""Reads of a person's corps file: postings, status history and rotations, and what the viewer may do."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from flameblue.core.scoping import may
from flameblue.corps.choices import DutyStatus
from flameblue.corps.models import RosterEntry
from flameblue.corps.staffing.chain import in_chain_of_command
from flameblue.corps.staffing.models import Posting, Rotation

__all__ = ["person_file", "status_history"]


def status_history(entry: RosterEntry) -> list[dict[str, Any]]:
    """The person's timeline, newest first: status changes and transfers, with the date each took effect."""
    rows = []
    for t in entry.transitions.select_related("by").order_by("-at", "-id"):
        if t.data.get("to"):
            what = _("调动：%(a)s → %(b)s") % {"a": t.data.get("from", ""), "b": t.data["to"]}
        else:
            what = f"{DutyStatus(t.from_status).label} → {DutyStatus(t.to_status).label}"
        rows.append({"on": t.effective_on, "what": what, "reason": t.reason, "by": t.by, "at": t.at})
    return rows


def person_file(entry: RosterEntry, user: Any) -> dict[str, Any]:
    """What the person's page shows besides the roster facts, and the actions offered to ``user``."""
    return {
        "postings": Posting.objects.filter(entry=entry)
        .select_related("station")
        .order_by("-started_on", "-id"),
        "status_history": status_history(entry),
        "rotations": Rotation.objects.filter(entry=entry).select_related("hq_office").order_by("-created_at"),
        "may_reveal": may(user, "corps.rosterentry.reveal", entry)
        and in_chain_of_command(user, entry.station),
        "may_edit": may(user, "corps.rosterentry.change", entry),
        "may_transfer": may(user, "corps.rosterentry.transfer", entry),
        "may_nominate": may(user, "corps.rotation.add") and entry.status != DutyStatus.TRANSFERRED,
    }
