"""Writes about organizations, people, roles, memberships and accounts. Views, the API and commands call
these; each validates, saves, re-checks scope and audits (through :mod:`flameblue.core.services`)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from flameblue.core import audit
from flameblue.core.errors import DomainError, PermissionDeniedError
from flameblue.core.masking import reveal_refusal
from flameblue.core.scoping import has_action
from flameblue.core.services import ensure_in_scope, object_create, object_update
from flameblue.org import duties
from flameblue.org.models import Membership, Organization, PasswordHistory, Person, Role, User

__all__ = [
    "membership_create",
    "membership_update",
    "organization_create",
    "organization_update",
    "person_create",
    "person_reveal",
    "person_update",
    "role_create",
    "revoke_api_token",
    "role_update",
    "user_create",
    "user_set_active",
    "user_set_password",
]


def organization_create(*, by: Any, data: dict[str, Any]) -> Organization:
    return object_create(Organization, by=by, data=data)


def organization_update(
    org: Organization, *, by: Any, data: dict[str, Any], expected_version: int | None = None
):
    if by is not None and org.is_active and data.get("is_active", True) is False:
        holders = Membership.objects.filter(organization=org, is_active=True).exclude(role__duty_group="")
        if holders.exists():
            raise DomainError(
                _("三员分立：该组织中有系统、安全或审计管理员任职，停用前须由安全管理员先调整其任职。"),
                field="is_active",
            )
    return object_update(org, by=by, data=data, expected_version=expected_version)


def _split_id_number(data: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    data = dict(data)
    return data, data.pop("id_number", None)


def _set_id_number(person: Person, id_number: str) -> None:
    try:
        person.id_number = id_number
    except ValidationError as exc:
        raise ValidationError({"id_number": exc.messages}) from exc
    clash = Person.objects.filter(id_number_digest=person.id_number_digest).exclude(pk=person.pk)
    if person.id_number_digest and clash.exists():
        raise ValidationError({"id_number": [_("该身份证号码已登记在其他人员名下。")]})


@transaction.atomic
def person_create(*, by: Any, data: dict[str, Any], action: str = "add") -> Person:
    """Register a person. ``action`` is the permission checked: ``add`` in general, ``add_for_unit`` when
    a unit's responsible people are registered with the unit (units/services.py)."""
    data, id_number = _split_id_number(data)
    person = object_create(Person, by=by, data=data, action=action)
    if id_number:
        _set_id_number(person, id_number)
        person.save(update_fields=["id_number_encrypted", "id_number_digest"])
    return person


@transaction.atomic
def person_update(
    person: Person, *, by: Any, data: dict[str, Any], expected_version: int | None = None
) -> Person:
    data, id_number = _split_id_number(data)
    _check_duty_holder_person(person, by=by, data=data)
    if id_number is not None and id_number.strip().upper() != person.id_number:
        before_masked = person.id_number_masked
        _set_id_number(person, id_number)
        data["id_number_encrypted"] = person.id_number_encrypted
        data["id_number_digest"] = person.id_number_digest
        person = object_update(person, by=by, data=data, expected_version=expected_version)
        audit.record(
            audit.AuditAction.UPDATE,
            by=by,
            obj=person,
            changes={"id_number": [before_masked, person.id_number_masked]},
        )
        return person
    return object_update(person, by=by, data=data, expected_version=expected_version)


def _check_duty_holder_person(person: Person, *, by: Any, data: dict[str, Any]) -> None:
    """Disabling a duty holder's person (or moving it elsewhere) ends their duty: the security admin's call."""
    if by is None or not duties.held_duty_groups(person):
        return
    disabling = "is_active" in data and data["is_active"] != person.is_active
    moving = "organization" in data and data["organization"] != person.organization
    if disabling or moving:
        duties.require_duty_manager(by, _("停用或调动三员人员"))


def person_reveal(person: Person, *, by: Any, reason: str) -> dict[str, str]:
    """The full phone and ID number, for a role that may reveal personal data, with a reason; audited."""
    reason = (reason or "").strip()
    if len(reason) < 4:
        raise DomainError(_("请填写查看完整个人信息的事由（至少 4 个字）。"), field="reason")
    ensure_in_scope(person, by=by, action="reveal")
    refusal = reveal_refusal(person, by) if by is not None else None
    if refusal:
        audit.record(audit.AuditAction.DENIED, by=by, obj=person, reason=reason)
        raise PermissionDeniedError(refusal)
    audit.record(
        audit.AuditAction.REVEAL, by=by, obj=person, reason=reason, changes={"fields": ["phone", "id_number"]}
    )
    return {"phone": person.phone, "id_number": person.id_number}


def _check_separation_of_duties(person: Person, role: Role, *, exclude_pk: int | None = None) -> None:
    if not role.duty_group:
        return
    others = (
        Membership.objects.filter(person=person, is_active=True)
        .exclude(role__duty_group="")
        .exclude(role__duty_group=role.duty_group)
    )
    if exclude_pk:
        others = others.exclude(pk=exclude_pk)
    clash = others.select_related("role").first()
    if clash is not None:
        raise DomainError(
            _("三员分立：%(person)s 已担任“%(held)s”，不能再担任“%(role)s”。")
            % {"person": person.name, "held": clash.role.name, "role": role.name},
            field="role",
        )


@transaction.atomic
def membership_create(*, by: Any, data: dict[str, Any]) -> Membership:
    person, role = data["person"], data["role"]
    _check_not_self(by, person)
    _check_separation_of_duties(person, role)
    if role.duty_group:
        duties.require_duty_manager(by, _("任命三员"))
        duties.check_account_origin(person, role)
        return object_create(Membership, by=by, data=data, action="assign_duty")
    _check_no_escalation(by, list(role.actions), [])
    return object_create(Membership, by=by, data=data)


@transaction.atomic
def membership_update(m: Membership, *, by: Any, data: dict[str, Any], expected_version: int | None = None):
    """Any change to a duty membership (or making one) is the security administrator's (三员分立)."""
    current = Membership.objects.select_related("role", "person").get(pk=m.pk)
    person = data.get("person", current.person)
    role = data.get("role", current.role)
    _check_not_self(by, current.person)
    _check_not_self(by, person)
    duty = bool(current.role.duty_group or role.duty_group)
    if duty:
        duties.require_duty_manager(by, _("变更、停用或撤销三员任职"))
        duties.check_account_origin(person, role)
    if data.get("is_active", current.is_active):
        _check_separation_of_duties(person, role, exclude_pk=m.pk)
    if role.pk != current.role_id and not role.duty_group:
        _check_no_escalation(by, list(role.actions), [])
    action = "assign_duty" if duty else "change"
    return object_update(m, by=by, data=data, expected_version=expected_version, action=action)


def _is_system_admin(by: Any) -> bool:
    from flameblue.org.choices import DutyGroup
    from flameblue.org.selectors import user_roles

    return any(role.duty_group == DutyGroup.SYSTEM for role in user_roles(by))


def _check_no_escalation(by: Any, actions: list[str], already: list[str]) -> None:
    """Nobody may put into a role, or grant through a membership, an action they do not hold themselves
    (no privilege escalation). The system administrator configures roles for others (三员分立) and is the
    exception; they in turn cannot give themselves memberships or edit a role they hold. Wildcards count
    as held only when the editor holds the same or a broader pattern."""
    if by is None or _is_system_admin(by):
        return
    from fnmatch import fnmatchcase

    from flameblue.org.selectors import user_roles

    held = [pattern for role in user_roles(by) for pattern in role.actions]
    added = [a for a in actions if a not in already]
    refused = [a for a in added if not any(fnmatchcase(a, pattern) for pattern in held)]
    if refused:
        raise DomainError(
            _("不能授予您自己没有的操作权限：%(actions)s") % {"actions": "、".join(refused)}, field="actions"
        )


def _check_not_self(by: Any, person: Person) -> None:
    if by is not None and getattr(by, "person_id", None) and by.person_id == person.pk:
        raise DomainError(_("不能为自己新增或变更任职，请由其他管理员办理。"), field="person")


def role_create(*, by: Any, data: dict[str, Any]) -> Role:
    duties.check_role_definition(by=by, role=None, data=data, actions=list(data.get("actions") or []))
    _check_no_escalation(by, list(data.get("actions") or []), [])
    return object_create(Role, by=by, data=data)


def role_update(role: Role, *, by: Any, data: dict[str, Any], expected_version: int | None = None) -> Role:
    from flameblue.org.selectors import user_roles

    if by is not None and any(held.pk == role.pk for held in user_roles(by)):
        raise DomainError(_("不能修改自己担任的角色，请由其他管理员办理。"), field="actions")
    actions = list(data["actions"] or []) if "actions" in data else None
    duties.check_role_definition(by=by, role=role, data=data, actions=actions)
    if "actions" in data:
        _check_no_escalation(by, list(data["actions"] or []), list(role.actions))
    return object_update(role, by=by, data=data, expected_version=expected_version)


@transaction.atomic
def user_create(*, by: Any, username: str, password: str, person: Person | None = None) -> User:
    if by is not None and not has_action(by, User, "add"):
        raise PermissionDeniedError(_("您没有新增账号的权限。"))
    if User.objects.filter(username__iexact=username).exists():
        raise DomainError(_("用户名“%(u)s”已被使用。") % {"u": username}, field="username")
    creator_duty = duties.check_creator_may_own(by, person)
    user = User(username=username, person=person)
    user.created_by = by if getattr(by, "pk", None) else None
    user.created_by_duty = creator_duty
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise ValidationError({"password": exc.messages}) from exc
    user.set_password(password)
    user.password_changed_at = timezone.now()
    user.save()
    if person is not None:
        ensure_in_scope(user, by=by, action="add")
    audit.record(audit.AuditAction.CREATE, by=by, obj=user, changes={"username": [None, username]})
    return user


def _end_sessions(user: User) -> int:
    """Delete the user's live sessions through the session engine, so a cached copy (cached_db sessions
    on Redis) goes too. Sessions are stored in the database table with either engine."""
    from importlib import import_module

    from django.conf import settings

    store = import_module(settings.SESSION_ENGINE).SessionStore
    ended = 0
    for session in Session.objects.filter(expire_date__gte=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            store(session_key=session.session_key).delete()
            ended += 1
    return ended


@transaction.atomic
def user_set_active(user: User, *, by: Any, active: bool, reason: str = "") -> User:
    """Enable or disable an account. Disabling ends the user's sessions at once."""
    if by is not None:
        if by.pk == user.pk and not active:
            raise DomainError(_("不能停用自己的账号，请由其他管理员办理。"), field="active")
        if duties.held_duty_groups(user.person):
            duties.require_duty_manager(by, _("停用或启用三员的账号"))
        action = "disable" if has_action(by, User, "disable") else "change"
        ensure_in_scope(user, by=by, action=action)
    if user.is_active == active:
        return user
    user.is_active = active
    user.save(update_fields=["is_active"])
    if not active:
        revoke_api_token(user)
    ended = 0 if active else _end_sessions(user)
    audit.record(
        audit.AuditAction.SECURITY,
        by=by,
        obj=user,
        changes={"is_active": [not active, active], "sessions_ended": ended},
        reason=reason,
    )
    return user


def revoke_api_token(user: User) -> int:
    """Delete the user's API token (password change, logout, disabled account)."""
    from rest_framework.authtoken.models import Token

    deleted, _counts = Token.objects.filter(user=user).delete()
    return deleted


@transaction.atomic
def user_set_password(user: User, *, by: Any, password: str) -> User:
    """Set a new password (not the current one nor a recent one); the old hash goes into the history and
    the API token is revoked. Another user's password needs ``change``; a duty holder's only they set."""
    if by is not None and by.pk != user.pk:
        if duties.held_duty_groups(user.person):
            raise PermissionDeniedError(
                _("三员分立：系统、安全、审计管理员的密码只能由本人修改（或由运维人员按部署流程重置）。")
            )
        ensure_in_scope(user, by=by, action="change")
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise ValidationError({"password": exc.messages}) from exc
    if user.has_usable_password():
        PasswordHistory.objects.create(user=user, password=user.password)
        keep = PasswordHistory.objects.filter(user=user).values_list("pk", flat=True)[
            : settings.PASSWORD_HISTORY_COUNT
        ]
        PasswordHistory.objects.filter(user=user).exclude(pk__in=list(keep)).delete()
    user.set_password(password)
    user.password_changed_at = timezone.now()
    user.save(update_fields=["password", "password_changed_at"])
    revoke_api_token(user)
    audit.record(audit.AuditAction.SECURITY, by=by, obj=user, changes={"password": ["***", "***"]})
    return user
