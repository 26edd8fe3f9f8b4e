"""Audit rows for authentication events: login, failed login, lockout, logout."""

from __future__ import annotations

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from flameblue.core import audit


@receiver(user_logged_in, dispatch_uid="flameblue-audit-login")
def _logged_in(sender, request, user, **kwargs):
    import time

    from flameblue.core.middleware import LAST_SEEN_KEY, LOGIN_TIME_KEY

    if request is not None and hasattr(request, "session"):
        request.session[LOGIN_TIME_KEY] = time.time()
        request.session[LAST_SEEN_KEY] = time.time()
    audit.record(audit.AuditAction.LOGIN, by=user, obj=user)


@receiver(user_logged_out, dispatch_uid="flameblue-audit-logout")
def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        audit.record(audit.AuditAction.LOGOUT, by=user, obj=user)


@receiver(user_login_failed, dispatch_uid="flameblue-audit-login-failed")
def _login_failed(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username", ""))[:150]
    audit.record(audit.AuditAction.LOGIN_FAILED, actor_name=username, object_type="org.user", object_repr=username)


@receiver(user_locked_out, dispatch_uid="flameblue-audit-lockout")
def _locked_out(sender, request=None, username=None, ip_address=None, **kwargs):
    audit.record(
        audit.AuditAction.LOCKOUT,
        actor_name=str(username or "")[:150],
        object_type="org.user",
        object_repr=str(username or ""),
        reason="连续登录失败次数过多",
    )
