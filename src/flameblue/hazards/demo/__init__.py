"""Hazards demo data for Bozhou (``flameblue seed-demo``): the seed year 2019 — 13 major and 41 prominent
hazards under listed supervision by the city and county governments, general hazards and tips — and the
current year dated back from today, with hazards in every state, tips, and supervision in progress.

Every record is made through the services (transition rows, notices numbered per brigade per year, case
numbers, determinations, audit, deadlines on the working-day calendar), each step dated by the demo clock
so 2019's records carry 2019's dates. A fixed seed makes the run repeatable; a second run finds the first
one's case 亳消督〔2019〕第001号 and changes nothing."""

from __future__ import annotations

import random
from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone

from flameblue.core.notify_models import UndeliveredNotification
from flameblue.core.scoping import in_region
from flameblue.hazards.demo import current, history
from flameblue.hazards.demo.context import Context
from flameblue.hazards.models import Hazard, HazardTransition, Notice, SupervisionCase, Tip
from flameblue.hazards.supervision.services import case_number
from flameblue.units.models import Unit

__all__ = ["SEED", "marker", "seed"]

SEED = 20190119


def marker() -> str:
    """The first 2019 case number: present once the demo has been loaded."""
    return case_number(history.YEAR, 1)


@transaction.atomic
def seed(stdout) -> Mapping[str, int]:
    if SupervisionCase.objects.filter(case_number=marker()).exists():
        stdout.write("hazards: 演示隐患已存在，未作改动。\n")
        return {}
    units = list(
        Unit.objects.filter(in_region("3416"), status="operating")
        .select_related("organization", "safety_manager", "place_type")
        .order_by("pk")
    )
    if not units:
        return {}
    before = _totals()
    started = timezone.now()
    ctx = Context.build(random.Random(SEED), started)
    used = history.schedule(ctx, units)
    current.schedule(ctx, units, used)
    ctx.clock.run()
    # The back-dated steps told units that have no accounts in the demo; that is history, not a set-up
    # fault for the administrators to fix (the live sweep's undelivered escalations stay open).
    UndeliveredNotification.objects.filter(created_at__gte=started, resolved_at__isnull=True).update(
        resolved_at=timezone.now()
    )
    created = {key: _totals()[key] - before[key] for key in before}
    stdout.write(
        f"hazards: 演示隐患 {created['hazards']} 条（流转 {created['transitions']} 次），"
        f"整改通知书 {created['notices']} 份，挂牌督办 {created['cases']} 件，举报 {created['tips']} 件。\n"
    )
    return created


def _totals() -> dict[str, int]:
    return {
        "hazards": Hazard.objects.count(),
        "transitions": HazardTransition.objects.count(),
        "notices": Notice.objects.count(),
        "cases": SupervisionCase.objects.count(),
        "tips": Tip.objects.count(),
    }


#: The scenarios this module takes part in (``flameblue seed-demo --scenario``): its whole seed.
SCENARIOS = {"bozhou-2019": seed}
