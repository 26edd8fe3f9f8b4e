"""Two-factor (TOTP) login: who must use it, and the writes that enable, check and disable it.

Policy: roles flagged ``requires_2fa`` (system, security and audit administrators) must verify a TOTP code
at each login when ``settings.REQUIRE_2FA_FOR_ADMIN_ROLES`` is on; anyone else may enable it and then must
verify at each login as well. Every change and every failed code is written to the audit trail.
"""

from __future__ import annotations

from base64 import b32encode
from typing import Any

import segno
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from flameblue.core import audit
from flameblue.core.errors import DomainError
from flameblue.org.selectors import user_roles

__all__ = [
    "ENROLLED_SESSION_KEY",
    "has_confirmed_device",
    "needs_second_factor",
    "pending_device",
    "qr_svg",
    "requires_2fa",
    "secret_base32",
    "totp_check",
    "totp_disable",
    "totp_enable",
    "totp_reset",
]

#: Session cache of "this user has a confirmed TOTP device", so the middleware does not query devices on
#: every request. Set on the first request of a session and whenever 2FA is enabled or disabled.
ENROLLED_SESSION_KEY = "flameblue_otp_enrolled"
DEVICE_NAME = "TOTP"


def requires_2fa(user: Any) -> bool:
    """True when one of the user's roles makes two-factor login mandatory (and the policy is on)."""
    if not settings.REQUIRE_2FA_FOR_ADMIN_ROLES:
        return False
    return any(role.requires_2fa for role in user_roles(user))


def has_confirmed_device(user: Any) -> bool:
    return user_has_device(user, confirmed=True)


def needs_second_factor(user: Any, session: Any = None) -> bool:
    """True when the user must present a TOTP code: their role requires it, or they enabled it themselves.
    With a session, the device lookup is done once per session and remembered there."""
    if requires_2fa(user):
        return True
    if session is None:
        return has_confirmed_device(user)
    enrolled = session.get(ENROLLED_SESSION_KEY)
    if enrolled is None:
        enrolled = has_confirmed_device(user)
        session[ENROLLED_SESSION_KEY] = enrolled
    return bool(enrolled)


def _confirmed_devices(user: Any):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True)


def pending_device(user: Any) -> TOTPDevice:
    """The not-yet-confirmed device whose secret the setup page shows (created once, reused until confirmed)."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("id").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def secret_base32(device: TOTPDevice) -> str:
    return b32encode(device.bin_key).decode("ascii")


def qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// URI as an inline SVG QR code (no script, no external request: fits our CSP)."""
    return segno.make(device.config_url, error="m").svg_inline(scale=4, border=2)


def _audit_failure(user: Any, stage: str) -> None:
    audit.record(
        audit.AuditAction.SECURITY,
        by=user,
        obj=user,
        changes={"two_factor": stage, "result": "failed"},
        reason=_("双因素验证码错误"),
    )


def totp_enable(*, user: Any, device: TOTPDevice, token: str) -> TOTPDevice:
    """Confirm the pending device with a code from the authenticator app; 2FA is on from now."""
    token = (token or "").strip()
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk, user=user, confirmed=False)
        ok = device.verify_token(token)
        if ok:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            TOTPDevice.objects.filter(user=user, confirmed=False).delete()
            audit.record(audit.AuditAction.SECURITY, by=user, obj=user, changes={"two_factor": [False, True]})
    if not ok:
        _audit_failure(user, "setup")
        raise DomainError(_("验证码不正确或已过期，请输入验证器应用中当前显示的 6 位数字。"), field="token")
    return device


def totp_check(*, user: Any, token: str) -> TOTPDevice:
    """The confirmed device that accepts ``token``; a wrong code is audited and refused."""
    token = (token or "").strip()
    device = None
    throttled = True
    if not has_confirmed_device(user):
        _audit_failure(user, "verify")
        raise DomainError(_("该账号尚未绑定验证器应用，请先在网页上登录并绑定。"), field="token")
    with transaction.atomic():
        for candidate in _confirmed_devices(user).select_for_update():
            throttled = throttled and not candidate.verify_is_allowed()[0]
            if candidate.verify_token(token):
                device = candidate
                break
    if device is None:
        _audit_failure(user, "verify")
        if throttled:
            raise DomainError(_("验证码错误次数过多，请稍等片刻再试。"), field="token")
        raise DomainError(_("验证码不正确或已过期，请输入验证器应用中当前显示的 6 位数字。"), field="token")
    return device


def totp_disable(*, user: Any, token: str) -> None:
    """Turn 2FA off after re-entering a valid code. Refused for roles that require it."""
    if requires_2fa(user):
        raise DomainError(_("您担任的角色要求必须使用双因素登录，不能停用。"), field="token")
    totp_check(user=user, token=token)
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        audit.record(audit.AuditAction.SECURITY, by=user, obj=user, changes={"two_factor": [True, False]})


def totp_reset(*, user: Any, by: Any, reason: str) -> int:
    """A security administrator removes a user's authenticators (lost phone); the user sets up anew."""
    from flameblue.core.errors import PermissionDeniedError
    from flameblue.core.scoping import has_action
    from flameblue.core.services import ensure_in_scope

    reason = (reason or "").strip()
    if not has_action(by, type(user), "reset_2fa"):
        raise PermissionDeniedError(_("您没有重置双因素登录的权限。"))
    if len(reason) < 4:
        raise DomainError(_("请填写重置双因素登录的事由（至少 4 个字）。"), field="reason")
    ensure_in_scope(user, by=by, action="reset_2fa")
    with transaction.atomic():
        removed, _counts = TOTPDevice.objects.filter(user=user).delete()
        audit.record(
            audit.AuditAction.SECURITY,
            by=by,
            obj=user,
            changes={"two_factor": "reset", "devices": removed},
            reason=reason,
        )
    return removed
