"""Demo data of the corps' sub-domains (readiness checks, incidents and case reviews, honours), seeded after
the roster and assessments by ``corps.demo.seed``; then the corrective-action sweep runs as of today, so
the overdue demo actions show flagged and escalated."""

from __future__ import annotations

from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone

from flameblue.corps.honours import demo as honours_demo
from flameblue.corps.incidents import demo as incidents_demo
from flameblue.corps.readiness import demo as readiness_demo
from flameblue.corps.rectification.sweep import sweep_corrective_actions

__all__ = ["seed_subdomains"]


@transaction.atomic
def seed_subdomains(stdout) -> Mapping[str, int]:
    counts: dict[str, int] = {}
    for module in (readiness_demo, incidents_demo, honours_demo):
        counts.update(module.seed(stdout) or {})
    if counts:
        counts["overdue_escalations"] = sum(
            sweep_corrective_actions(today=timezone.localdate()).sent.values()
        )
    return counts
