"""三员分立 (separation of the system, security and audit administrator duties), the rules in one place.

- The three duty roles (``Role.duty_group`` set) are defined by ``org/rules/roles.yaml`` and changed only
  by the operator's procedure (``flameblue load-reference-data --overwrite-roles``): no one edits them in the
  application, and no role is created with or switched to a duty group there.
- Ordinary roles may not contain an action reserved to a duty group (``duty_reserved_actions`` in
  roles.yaml), not even through a wildcard: otherwise a self-made role would carry the auditor's powers.
- Who holds a duty — granting, ending, disabling or changing a duty membership, or switching a membership
  to or from a duty role — is decided only by the security administrator (or by the operator with
  ``flameblue duty``); the same goes for disabling a duty holder's account or person, and for resetting
  their password (only they themselves, or the operator, may).
- Nobody holds two duty groups; an account created by one of the three never receives another's group.
"""

from __future__ import annotations

import functools
from typing import Any

import yaml
from django.utils.translation import gettext as _

from flameblue.core.errors import DomainError, PermissionDeniedError
from flameblue.core.scoping import grants, has_action
from flameblue.org.choices import DutyGroup
from flameblue.org.models import Membership, Person, Role, User
from flameblue.org.reference_data import ROLES_FILE
from flameblue.org.selectors import user_roles

__all__ = [
    "check_account_origin",
    "check_creator_may_own",
    "check_role_definition",
    "duty_group_of",
    "held_duty_groups",
    "is_security_admin",
    "require_duty_manager",
    "reserved_actions",
]


@functools.cache
def reserved_actions() -> dict[str, tuple[str, ...]]:
    with ROLES_FILE.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    return {group: tuple(actions) for group, actions in (data.get("duty_reserved_actions") or {}).items()}


def duty_group_of(user: Any) -> str:
    """The duty group the user holds now ("" for none; never two, see the checks below)."""
    if user is None:
        return ""
    groups = {role.duty_group for role in user_roles(user) if role.duty_group}
    return sorted(groups)[0] if groups else ""


def is_security_admin(user: Any) -> bool:
    return any(role.duty_group == DutyGroup.SECURITY for role in user_roles(user))


def held_duty_groups(person: Person | None) -> set[str]:
    """Duty groups the person holds through active memberships (whatever their dates)."""
    if person is None:
        return set()
    rows = Membership.objects.filter(person=person, is_active=True).exclude(role__duty_group="")
    return set(rows.values_list("role__duty_group", flat=True))


def require_duty_manager(by: Any, what: str) -> None:
    """Only the security administrator (or the operator, ``by=None``) may touch who holds a duty."""
    if by is None:
        return
    if not is_security_admin(by) or not has_action(by, Membership, "assign_duty"):
        raise PermissionDeniedError(
            _("三员分立：%(what)s只能由安全管理员办理（或由运维人员按部署流程使用 flameblue duty 命令）。")
            % {"what": what}
        )


def check_role_definition(
    *, by: Any, role: Role | None, data: dict[str, Any], actions: list[str] | None = None
) -> None:
    """A role edited or created in the application: never a duty role, never a reserved action."""
    if by is None:
        return
    if (role is not None and role.duty_group) or data.get("duty_group"):
        raise PermissionDeniedError(
            _(
                "三员分立：系统管理员、安全管理员、审计管理员三个角色的定义不能在系统中修改，"
                "须由运维人员修改 roles.yaml 后运行 flameblue load-reference-data --overwrite-roles。"
            )
        )
    if actions is None:
        return
    for group, reserved in reserved_actions().items():
        found = [action for action in reserved if grants(actions, action)]
        if found:
            raise DomainError(
                _("三员分立：“%(actions)s”只属于%(group)s，不能放入其他角色。")
                % {"actions": "、".join(found), "group": DutyGroup(group).label},
                field="actions",
            )


def check_account_origin(person: Person, role: Role) -> None:
    """An account made by one of the three administrators never receives another one's duty group."""
    if not role.duty_group:
        return
    account = User.objects.filter(person=person).first()
    if account is not None and account.created_by_duty and account.created_by_duty != role.duty_group:
        raise DomainError(
            _("三员分立：该账号由%(creator)s创建，不能担任“%(role)s”。请由运维人员为其另建账号。")
            % {"creator": DutyGroup(account.created_by_duty).label, "role": role.name},
            field="role",
        )


def check_creator_may_own(by: Any, person: Person | None) -> str:
    """Before ``by`` makes an account for ``person``: refused when the person holds another duty group
    than ``by``'s. Returns ``by``'s duty group, recorded on the account."""
    creator = duty_group_of(by)
    if creator and person is not None and (held_duty_groups(person) - {creator}):
        raise DomainError(
            _("三员分立：%(person)s 担任其他三员角色，%(creator)s不能为其创建账号。")
            % {"person": person.name, "creator": DutyGroup(creator).label},
            field="person",
        )
    return creator
