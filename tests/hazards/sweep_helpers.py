"""Reading what the sweep did: inbox subjects per user and escalation levels per record."""

from __future__ import annotations

from flameblue.core.notify import inbox_for
from flameblue.hazards.models import Escalation


def subjects(user) -> list[str]:
    return list(inbox_for(user).order_by("pk").values_list("subject", flat=True))


def levels(kind: str, obj) -> list[int]:
    prefix = f"{obj.pk}@"
    return list(
        Escalation.objects.filter(kind=kind, object_type=obj._meta.label_lower, object_id__startswith=prefix)
        .order_by("pk")
        .values_list("level", flat=True)
    )
