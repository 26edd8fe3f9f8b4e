"""Two-factor (TOTP) policy: who must use it."""

from __future__ import annotations

from typing import Any

from django_otp import user_has_device

from flameblue.org.selectors import user_roles

__all__ = ["needs_second_factor", "requires_2fa"]


def requires_2fa(user: Any) -> bool:
    return any(role.requires_2fa for role in user_roles(user))


def needs_second_factor(user: Any) -> bool:
    """True when the user must present a TOTP code: their role requires it, or they enabled it themselves."""
    return requires_2fa(user) or user_has_device(user, confirmed=True)
