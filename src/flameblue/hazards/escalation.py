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

from flameblue.core.scoping import prime_memberships
from flameblue.org.choices import OrgKind
from flameblue.org.models import Membership, Organization, User

__all__ = ["EscalationPolicy", "Level", "Recipients", "Target", "levels_due", "policy", "recipients"]

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


class Recipients:
    """Who to notify, resolved for one sweep run: the responsible organizations (brigades, governments, the
    detachment) are read once, and each organization's people once, for a whole batch at a time; each
    person's memberships are loaded in the same pass (the links in the messages depend on them). So a run
    over 150 000 overdue hazards asks the database a few questions per batch, not several per hazard."""

    def __init__(self) -> None:
        self._org_index: dict[tuple[str, str], list[int]] | None = None
        self._people: dict[tuple[int, str], list[Any]] = {}
        self._shared_keys: dict[tuple[int, str, bool], list[tuple[int, str]]] = {}

    def _orgs(self, kind: str, region_id: str) -> list[int]:
        if self._org_index is None:
            index: dict[tuple[str, str], list[int]] = {}
            rows = Organization.objects.filter(
                kind__in=(OrgKind.BRIGADE, OrgKind.DETACHMENT, OrgKind.GOVERNMENT), is_active=True
            ).order_by("pk")
            for pk, org_kind, region in rows.values_list("pk", "kind", "region_id"):
                index.setdefault((org_kind, region), []).append(pk)
            self._org_index = index
        return self._org_index.get((kind, region_id), [])

    def _brigades(self, region_id: str) -> list[int]:
        return self._orgs(OrgKind.BRIGADE, region_id[:6]) or self._orgs(OrgKind.DETACHMENT, region_id[:4])

    def _local_government(self, region_id: str) -> list[int]:
        if len(region_id) > 6:
            found = self._orgs(OrgKind.GOVERNMENT, region_id)
            if found:
                return found
        return self._orgs(OrgKind.GOVERNMENT, region_id[:6])

    def org_groups(self, name: str, target: Target) -> list[tuple[str, list[int]]]:
        """(role group, organization ids) for one notify target."""
        region = target.region_id
        if name == "responsible":
            groups: list[tuple[str, list[int]]] = []
            if target.unit_org_id:
                groups.append(("unit", [target.unit_org_id]))
            if target.government_id:
                groups.append(("government", [target.government_id]))
            if target.brigade_responsible:
                groups.append(("fire_service", self._brigades(region)))
            return groups
        if name == "brigade":
            return [("fire_service", self._brigades(region))]
        if name == "local_government":
            return [("government", self._local_government(region))]
        if name == "county_government":
            return [("government", self._orgs(OrgKind.GOVERNMENT, region[:6]))]
        if name == "city_government":
            return [("government", self._orgs(OrgKind.GOVERNMENT, region[:4]))]
        if name == "detachment":
            return [("fire_service", self._orgs(OrgKind.DETACHMENT, region[:4]))]
        raise ValueError(name)

    def _keys(self, level: Level, target: Target) -> list[tuple[int, str]]:
        """(organization, role group) pairs to notify. All but the item's own unit and government follow
        from the region, so they are worked out once per (level, region, who is responsible)."""
        shared_key = (level.level, target.region_id, target.brigade_responsible)
        keys = self._shared_keys.get(shared_key)
        if keys is None:
            regional = Target(target.region_id, brigade_responsible=target.brigade_responsible)
            keys = self._shared_keys[shared_key] = [
                (org_id, group)
                for name in level.notify
                for group, org_ids in self.org_groups(name, regional)
                for org_id in org_ids
            ]
        if "responsible" not in level.notify or not (target.unit_org_id or target.government_id):
            return keys
        own = [(org, group) for org, group in ((target.unit_org_id, "unit"), (target.government_id, "government"))
               if org]  # fmt: skip
        return own + keys

    def prefetch(self, wanted: Iterable[tuple[Level, Target]]) -> None:
        """Load, in one query per batch, the people of every organization ``wanted`` needs and not yet read,
        with their memberships."""
        missing = {key for level, target in wanted for key in self._keys(level, target)} - set(self._people)
        if not missing:
            return
        roles = policy().roles
        for key in missing:
            self._people[key] = []
        codes = {code for _org, group in missing for code in roles.get(group, ())}
        rows = (
            Membership.objects.current()
            .filter(organization_id__in={org for org, _group in missing}, role__code__in=codes)
            .filter(person__is_active=True)
            .values_list("organization_id", "role__code", "person_id")
        )
        found: dict[tuple[int, str], set[int]] = {}
        for org_id, code, person_id in rows:
            for group, group_codes in roles.items():
                if (org_id, group) in missing and code in group_codes:
                    found.setdefault((org_id, group), set()).add(person_id)
        persons = {p for ids in found.values() for p in ids}
        users = {u.person_id: u for u in User.objects.filter(person_id__in=persons, is_active=True)}
        _prime_memberships(users)
        for key, person_ids in found.items():
            self._people[key] = sorted((users[p] for p in person_ids if p in users), key=lambda u: u.pk)

    def users(self, level: Level, target: Target) -> list[Any]:
        """The active users to notify at ``level`` for ``target`` (one object per user for the whole run)."""
        keys = self._keys(level, target)
        if any(key not in self._people for key in keys):
            self.prefetch([(level, target)])
        chosen = {u.pk: u for key in keys for u in self._people[key]}
        return [chosen[pk] for pk in sorted(chosen)]


def _prime_memberships(users: dict[int, Any]) -> None:
    """Each user's active memberships in one query (what ``active_memberships_for_user`` answers)."""
    by_person: dict[int, list[Membership]] = {person_id: [] for person_id in users}
    rows = (
        Membership.objects.current()
        .filter(person_id__in=list(users), person__is_active=True, organization__is_active=True)
        .select_related("organization", "role")
        .order_by("id")
    )
    for membership in rows:
        by_person[membership.person_id].append(membership)
    for person_id, user in users.items():
        prime_memberships(user, by_person[person_id])


def recipients(level: Level, target: Target) -> list[Any]:
    """The active users to notify at ``level`` for ``target``."""
    return Recipients().users(level, target)


def usernames(users: Iterable[Any]) -> list[str]:
    return [u.get_username() for u in users]
