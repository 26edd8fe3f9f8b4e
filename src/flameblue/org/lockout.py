"""Lifting a login lockout (django-axes) before its 15 minutes are up: a security administrator's act."""

from __future__ import annotations

from typing import Any

from axes.models import AccessAttempt
from django.conf import settings
from django.db import transaction

from flameblue.core import audit
from flameblue.core.services import ensure_in_scope
from flameblue.org.models import User

__all__ = ["failed_logins", "user_unlock"]


def failed_logins(user: User) -> tuple[int, bool]:
    """(failed attempts on record, whether they reach the lockout limit)."""
    failures = max(
        AccessAttempt.objects.filter(username=user.username).values_list("failures_since_start", flat=True),
        default=0,
    )
    return failures, failures >= settings.AXES_FAILURE_LIMIT


@transaction.atomic
def user_unlock(user: User, *, by: Any, reason: str = "") -> int:
    """Clear the failed-login record of ``user`` so they may log in again at once; audited."""
    from axes.utils import reset

    ensure_in_scope(user, by=by, action="unlock")
    cleared = reset(username=user.username)
    audit.record(
        audit.AuditAction.SECURITY, by=by, obj=user, changes={"lockout_cleared": cleared}, reason=reason
    )
    return cleared
