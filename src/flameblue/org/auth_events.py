"""Audit rows for authentication events: login, failed login, lockout, logout — one row per event.

django-axes and Django both signal a refused attempt while an account is locked (``user_login_failed`` from
Django, ``user_locked_out`` again from axes); such an attempt is written once, as a failed login whose reason
says the account is locked. ``user_locked_out`` is written only when the lockout starts.
"""

from __future__ import annotations

import time
from typing import Any

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from flameblue.core import audit

LOCKED_REASON = "账号已锁定，拒绝登录"
LOCKOUT_REASON = "连续登录失败次数过多，账号已锁定"
EXPIRED_REASON = "会话超时"


def _refused_while_locked(request: Any) -> bool:
    """True when axes refused this attempt because the account was already locked: axes then flags the
    request as locked out without counting a new failure (``axes_failures_since_start`` stays None)."""
    return (
        bool(getattr(request, "axes_locked_out", False))
        and getattr(request, "axes_failures_since_start", 1) is None
    )


@receiver(user_logged_in, dispatch_uid="flameblue-audit-login")
def _logged_in(sender, request, user, **kwargs):
    from flameblue.core.middleware import LAST_SEEN_KEY, LOGIN_TIME_KEY

    if request is not None and hasattr(request, "session"):
        now = time.time()
        request.session[LOGIN_TIME_KEY] = now
        request.session[LAST_SEEN_KEY] = now
    audit.record(audit.AuditAction.LOGIN, by=user, obj=user)


@receiver(user_logged_out, dispatch_uid="flameblue-audit-logout")
def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        expired = getattr(request, "flameblue_logout_reason", "") == "session_expired"
        if not expired:
            from flameblue.org.services import revoke_api_token

            revoke_api_token(user)  # logging out (not a session timing out) ends API access too
        reason = EXPIRED_REASON if expired else ""
        audit.record(audit.AuditAction.LOGOUT, by=user, obj=user, reason=reason)


@receiver(user_login_failed, dispatch_uid="flameblue-audit-login-failed")
def _login_failed(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username", ""))[:150]
    audit.record(
        audit.AuditAction.LOGIN_FAILED,
        actor_name=username,
        object_type="org.user",
        object_repr=username,
        reason=LOCKED_REASON if _refused_while_locked(request) else "",
    )


@receiver(user_locked_out, dispatch_uid="flameblue-audit-lockout")
def _locked_out(sender, request=None, username=None, ip_address=None, **kwargs):
    if _refused_while_locked(request):
        return
    audit.record(
        audit.AuditAction.LOCKOUT,
        actor_name=str(username or "")[:150],
        object_type="org.user",
        object_repr=str(username or ""),
        reason=LOCKOUT_REASON,
    )
