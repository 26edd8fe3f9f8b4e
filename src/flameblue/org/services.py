"""Writes about organizations, people, roles, memberships and accounts. Views, the API and commands call
these; each validates, saves, re-checks scope and audits (through :mod:`flameblue.core.services`)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from flameblue.core import audit
from flameblue.core.errors import DomainError, PermissionDeniedError
from flameblue.core.scoping import has_action
from flameblue.core.services import ensure_in_scope, object_create, object_update
from flameblue.org.models import Membership, Organization, Person, Role, User

__all__ = [
    "membership_create",
    "membership_update",
    "organization_create",
    "organization_update",
    "person_create",
    "person_reveal",
    "person_update",
    "role_create",
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


def person_reveal(person: Person, *, by: Any, reason: str) -> dict[str, str]:
    """The full phone and ID number, for a role that may reveal personal data, with a reason; audited."""
    reason = (reason or "").strip()
    if len(reason) < 4:
        raise DomainError(_("请填写查看完整个人信息的事由（至少 4 个字）。"), field="reason")
    ensure_in_scope(person, by=by, action="reveal")
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
    _check_not_self(by, data["person"])
    _check_separation_of_duties(data["person"], data["role"])
    _check_no_escalation(by, list(data["role"].actions), [])
    return object_create(Membership, by=by, data=data)


@transaction.atomic
def membership_update(m: Membership, *, by: Any, data: dict[str, Any], expected_version: int | None = None):
    person = data.get("person", m.person)
    role = data.get("role", m.role)
    _check_not_self(by, m.person)
    _check_not_self(by, person)
    if data.get("is_active", m.is_active):
        _check_separation_of_duties(person, role, exclude_pk=m.pk)
    if role.pk != m.role_id:
        _check_no_escalation(by, list(role.actions), [])
    return object_update(m, by=by, data=data, expected_version=expected_version)


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
    _check_no_escalation(by, list(data.get("actions") or []), [])
    return object_create(Role, by=by, data=data)


def role_update(role: Role, *, by: Any, data: dict[str, Any], expected_version: int | None = None) -> Role:
    from flameblue.org.selectors import user_roles

    if by is not None and any(held.pk == role.pk for held in user_roles(by)):
        raise DomainError(_("不能修改自己担任的角色，请由其他管理员办理。"), field="actions")
    if "actions" in data:
        _check_no_escalation(by, list(data["actions"] or []), list(role.actions))
    return object_update(role, by=by, data=data, expected_version=expected_version)


@transaction.atomic
def user_create(*, by: Any, username: str, password: str, person: Person | None = None) -> User:
    if by is not None and not has_action(by, User, "add"):
        raise PermissionDeniedError(_("您没有新增账号的权限。"))
    if User.objects.filter(username__iexact=username).exists():
        raise DomainError(_("用户名“%(u)s”已被使用。") % {"u": username}, field="username")
    user = User(username=username, person=person)
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
        action = "disable" if has_action(by, User, "disable") else "change"
        ensure_in_scope(user, by=by, action=action)
    if user.is_active == active:
        return user
    user.is_active = active
    user.save(update_fields=["is_active"])
    ended = 0 if active else _end_sessions(user)
    audit.record(
        audit.AuditAction.SECURITY,
        by=by,
        obj=user,
        changes={"is_active": [not active, active], "sessions_ended": ended},
        reason=reason,
    )
    return user


@transaction.atomic
def user_set_password(user: User, *, by: Any, password: str) -> User:
    if by is not None and by.pk != user.pk:
        ensure_in_scope(user, by=by, action="change")
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise ValidationError({"password": exc.messages}) from exc
    user.set_password(password)
    user.password_changed_at = timezone.now()
    user.save(update_fields=["password", "password_changed_at"])
    audit.record(audit.AuditAction.SECURITY, by=by, obj=user, changes={"password": ["***", "***"]})
    return user
