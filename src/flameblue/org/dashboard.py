"""org's part of the home page: the homes a role may name (``Role.home``), the unit staff's own
organizations, the administrators' account links, and where core's panels (counts, audit events) go."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from flameblue.core.dashboard import (
    DEFAULT_HOME,
    recent_audit_events,
    register_home,
    register_panel,
    register_scoped_count,
    scoped_counts,
    undelivered_panel,
)
from flameblue.core.scoping import has_action
from flameblue.org.models import Membership, Organization, Person, Role, User

__all__ = ["HOMES", "admin_links", "my_units", "register"]

#: What each kind of home is called on the page, in the order a role's form offers them.
HOMES: dict[str, Any] = {
    "command": _("支队指挥"),
    "inspector": _("防火监督"),
    "station": _("消防救援站"),
    "corps": _("队伍管理"),
    "government": _("政府履职"),
    "grid": _("网格巡查"),
    "department": _("行业监管"),
    "unit": _("单位自查"),
    "admin": _("系统管理"),
    "audit": _("安全审计"),
}


def my_units(user: Any, today: dt.date) -> Any:
    """A unit manager's own organizations (本单位)."""
    if not has_action(user, Organization, "view"):
        return None
    return Organization.objects.visible_to(user).select_related("region")[:20]


def admin_links(user: Any, today: dt.date) -> list[dict[str, str]]:
    """The account and role management shortcuts the administrator's roles grant."""
    links = []
    for model, action, label, url_name in [
        (User, "view", _("账号管理"), "org:user-list"),
        (User, "add", _("新增账号"), "org:user-create"),
        (Role, "view", _("角色管理"), "org:role-list"),
        (Role, "add", _("新增角色"), "org:role-create"),
        (Membership, "view", _("任职管理"), "org:membership-list"),
    ]:
        if has_action(user, model, action):
            links.append({"label": label, "url": reverse(url_name)})
    return links


def register() -> None:
    """Called from ``OrgConfig.ready()``."""
    for order, (key, label) in enumerate(HOMES.items()):
        register_home(key, label, order=order)
    register_scoped_count(
        "organizations", label=_("组织机构"), model=Organization, url_name="org:organization-list", order=10
    )
    register_scoped_count("people", label=_("人员"), model=Person, url_name="org:person-list", order=20)
    register_panel("my_units", my_units, homes=["unit"], order=10, context_name="my_units")
    register_panel("undelivered", undelivered_panel, homes=["command", "admin"], order=5)
    register_panel("admin", admin_links, homes=["admin"], order=10, context_name="admin_links")
    register_panel("audit", recent_audit_events, homes=["audit"], order=10, context_name="recent_events")
    register_panel(
        "counts", scoped_counts, homes=["inspector", "station", "corps", "admin", DEFAULT_HOME], order=40,
        context_name="counts",
    )  # fmt: skip
