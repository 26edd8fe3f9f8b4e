"""The corps chain (指挥链) in queries and in the personal-record rule.

Scoping: a fire-service membership normally reaches its organization's region, which for a station is the
whole county. Corps records follow the chain instead: the detachment sees all, a brigade the stations of
its county, a station only itself. :class:`ChainQuerySet` narrows a station's membership to the records
of that station (``chain_station``, the model's path to its station id) and otherwise compiles the usual
region scope — still one WHERE clause.

Personal records: only the political office (政治处) and the person's own chain of command — the station
served at, its brigade, the detachment — may see a person's full record (rules/personal-records.yaml)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml
from django.db.models import Q

from flameblue.core.scoping import (
    ScopedManager,
    ScopedQuerySet,
    action_name,
    in_region,
    memberships_granting,
    user_memberships,
)
from flameblue.org.choices import FIRE_SERVICE_KINDS, OrgKind

__all__ = [
    "STATION_KINDS",
    "chain_reveal_guard",
    "ChainManager",
    "ChainQuerySet",
    "chain_q",
    "in_chain_of_command",
    "personal_record_rules",
]

STATION_KINDS = {OrgKind.STATION, OrgKind.FULLTIME_BRIGADE, OrgKind.VOLUNTEER_BRIGADE}
RULES_FILE = Path(__file__).resolve().parent.parent / "rules" / "personal-records.yaml"


def chain_q(user: Any, model: type, action: str, *, station: str, region: str) -> Q | None:
    """The WHERE clause of what ``user`` may ``action`` on ``model`` along the chain: ``station`` is the
    path to the record's station id, ``region`` to its region code. ``None`` means everything."""
    q = Q(pk__in=[])
    for membership in memberships_granting(user, action_name(model, action)):
        org = membership.organization
        if org.kind in STATION_KINDS:
            q |= Q(**{station: org.pk})
            continue
        scope = membership.scope()
        if scope.region_prefix is None:
            return None
        q |= in_region(scope.region_prefix, region)
    return q


class ChainQuerySet(ScopedQuerySet):
    """``visible_to`` along the corps chain (see the module's docstring); the model names
    ``chain_station`` (path to the station id) besides its ``scope_spec.region``."""

    def visible_to(self, user: Any, action: str = "view") -> ChainQuerySet:
        q = chain_q(
            user, self.model, action, station=self.model.chain_station, region=self.model.scope_spec.region
        )
        return self.all() if q is None else self.filter(q)


class ChainManager(ScopedManager.from_queryset(ChainQuerySet)):  # type: ignore[misc]
    pass


@cache
def personal_record_rules() -> dict[str, Any]:
    """The rule file's version and role lists (read once)."""
    data = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))
    return {
        "version": str(data["version"]),
        "political": set(data["political_office_roles"]),
        "command": set(data["command_roles"]),
    }


def _ancestors(org: Any) -> set[int]:
    ids: set[int] = set()
    while org is not None and org.pk not in ids:
        ids.add(org.pk)
        org = org.parent
    return ids


def in_chain_of_command(user: Any, station: Any) -> bool:
    """Whether ``user`` is the political office or in the chain of command of someone serving at
    ``station`` (the station itself, its brigade, the detachment above), by a current membership."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    rules = personal_record_rules()
    chain = _ancestors(station)
    for membership in user_memberships(user):
        org, role = membership.organization, membership.role.code
        if role in rules["political"] and org.kind in FIRE_SERVICE_KINDS:
            return True
        if role in rules["command"] and org.pk in chain:
            return True
    return False


def chain_reveal_guard(person: Any, by: Any) -> str | None:
    """The corps' rule on org's reveal of a person (registered in core at ``ready()``): someone on the
    roster is revealed only to the political office and their chain of command, whatever page asks."""
    from django.utils.translation import gettext as _

    entry = getattr(person, "roster_entry", None) if person.pk else None
    if entry is None or in_chain_of_command(by, entry.station):
        return None
    return _("只有政治处和本人所在站、大队、支队可以查看完整个人信息。")
