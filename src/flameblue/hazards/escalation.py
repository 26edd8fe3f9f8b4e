"""Who hears about an overdue item at each escalation level (逐级督促), from ``rules/escalation.yaml``.

Level 0 goes to the responsible party (the unit's managers; for a tip, the brigade; for a late listing
decision, the deciding government), the county's brigade and the local government (the township's, or the
county's where the township has none in the system). Higher levels go one step up: the county government,
then the city government and the detachment. Recipients are people with a current membership in those
organizations whose role is listed for that kind of organization.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from django.db.models import Q

from flameblue.org.choices import OrgKind
from flameblue.org.models import Membership, Organization, User

__all__ = ["EscalationPolicy", "Level", "Target", "levels_due", "policy", "recipients"]

RULES = Path(__file__).resolve().parent / "rules" / "escalation.yaml"
TARGETS = {"responsible", "brigade", "local_government", "county_government", "city_government", "detachment"}


@dataclass(frozen=True)
class Level:
    level: int
    after_working_days: int
    notify: tuple[str, ...]


@dataclass(frozen=True)
class EscalationPolicy:
    version: str
    levels: tuple[Level, ...]
    roles: dict[str, tuple[str, ...]]
    interval_minutes: int
    batch_size: int

    @property
    def top(self) -> int:
        return self.levels[-1].level


@lru_cache(maxsize=1)
def policy() -> EscalationPolicy:
    data = yaml.safe_load(RULES.read_text(encoding="utf-8"))
    levels = tuple(
        Level(int(raw["level"]), int(raw["after_working_days"]), tuple(raw["notify"]))
        for raw in data["levels"]
    )
    if [lv.level for lv in levels] != list(range(len(levels))):
        raise ValueError("escalation.yaml: levels must be numbered 0, 1, 2 … in order")
    if any(b.after_working_days < a.after_working_days for a, b in zip(levels, levels[1:], strict=False)):
        raise ValueError("escalation.yaml: after_working_days must not decrease from one level to the next")
    unknown = {t for lv in levels for t in lv.notify} - TARGETS
    if unknown:
        raise ValueError(f"escalation.yaml: unknown notify targets {sorted(unknown)}")
    interval = int(data["sweep"]["interval_minutes"])
    if not 1 <= interval <= 60 or 60 % interval:
        raise ValueError("escalation.yaml: sweep.interval_minutes must divide 60")
    return EscalationPolicy(
        version=str(data["version"]),
        levels=levels,
        roles={kind: tuple(codes) for kind, codes in data["recipient_roles"].items()},
        interval_minutes=interval,
        batch_size=int(data["sweep"]["batch_size"]),
    )


def levels_due(working_days_overdue: int) -> list[Level]:
    """Every level whose threshold has been reached, lowest first (an item is overdue: level 0 at least)."""
    return [lv for lv in policy().levels if working_days_overdue >= lv.after_working_days]


# ------------------------------------------------------------------------------------------- recipients


@dataclass(frozen=True)
class Target:
    """What the sweep knows about one overdue item when choosing recipients."""

    region_id: str  # the township (or county) code of the item
    unit_org_id: int | None = None  # the social unit responsible, if any
    government_id: int | None = None  # a government that is itself responsible (a listing decision)
    brigade_responsible: bool = False  # the brigade is the responsible party (a tip, a re-inspection)


def _orgs(kind: str, region_id: str) -> list[int]:
    return list(
        Organization.objects.filter(kind=kind, region_id=region_id, is_active=True).values_list(
            "pk", flat=True
        )
    )


def _brigades(region_id: str) -> list[int]:
    found = _orgs(OrgKind.BRIGADE, region_id[:6])
    return found or _orgs(OrgKind.DETACHMENT, region_id[:4])


def _local_government(region_id: str) -> list[int]:
    if len(region_id) > 6:
        found = _orgs(OrgKind.GOVERNMENT, region_id)
        if found:
            return found
    return _orgs(OrgKind.GOVERNMENT, region_id[:6])


def _org_groups(name: str, target: Target) -> list[tuple[str, list[int]]]:
    """(role group, organization ids) for one notify target."""
    region = target.region_id
    if name == "responsible":
        groups: list[tuple[str, list[int]]] = []
        if target.unit_org_id:
            groups.append(("unit", [target.unit_org_id]))
        if target.government_id:
            groups.append(("government", [target.government_id]))
        if target.brigade_responsible:
            groups.append(("fire_service", _brigades(region)))
        return groups
    if name == "brigade":
        return [("fire_service", _brigades(region))]
    if name == "local_government":
        return [("government", _local_government(region))]
    if name == "county_government":
        return [("government", _orgs(OrgKind.GOVERNMENT, region[:6]))]
    if name == "city_government":
        return [("government", _orgs(OrgKind.GOVERNMENT, region[:4]))]
    if name == "detachment":
        return [("fire_service", _orgs(OrgKind.DETACHMENT, region[:4]))]
    raise ValueError(name)


def recipients(level: Level, target: Target) -> list[Any]:
    """The active users to notify at ``level`` for ``target``."""
    roles = policy().roles
    condition = Q(pk__in=[])
    for name in level.notify:
        for group, org_ids in _org_groups(name, target):
            if org_ids:
                condition |= Q(organization_id__in=org_ids, role__code__in=roles.get(group, ()))
    person_ids = Membership.objects.current().filter(condition, person__is_active=True).values("person_id")
    return list(User.objects.filter(person_id__in=person_ids, is_active=True).order_by("pk"))


def usernames(users: Iterable[Any]) -> list[str]:
    return [u.get_username() for u in users]
