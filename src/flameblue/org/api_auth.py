"""API token authentication with a lifetime and a binding to the account's security state.

- A token older than ``API_TOKEN_HOURS`` is refused; the client logs in again at ``/api/v1/auth/token/``.
- Every token login issues a new token (the old one stops working); a password change, a logout (web or
  ``/api/v1/auth/logout/``) and disabling the account revoke it.
- A token is bound to the two-factor state it was issued under (:func:`twofactor_stamp`, stored on the
  user): when two-factor login becomes required, or an authenticator is added, reset or removed, the token
  stops working and the client must log in again with a code."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication
from rest_framework.authtoken.models import Token

__all__ = ["ExpiringTokenAuthentication", "fresh_token", "token_expired", "twofactor_stamp"]


def token_expired(token: Token, now: dt.datetime | None = None) -> bool:
    return (now or timezone.now()) - token.created > dt.timedelta(hours=settings.API_TOKEN_HOURS)


def twofactor_stamp(user) -> str:
    """ "" when the user logs in without a second factor; otherwise the confirmed devices' ids."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from flameblue.org.twofactor import needs_second_factor

    if not needs_second_factor(user):
        return ""
    ids = (
        TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("id").values_list("id", flat=True)
    )
    return "2fa:" + ",".join(str(pk) for pk in ids)


@transaction.atomic
def fresh_token(user) -> Token:
    """A new token for the user (any older one is revoked), bound to the current two-factor state."""
    Token.objects.filter(user=user).delete()
    token = Token.objects.create(user=user)
    user.api_token_stamp = twofactor_stamp(user)
    user.save(update_fields=["api_token_stamp"])
    return token


class ExpiringTokenAuthentication(TokenAuthentication):
    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        if token_expired(token):
            raise exceptions.AuthenticationFailed(_("令牌已过期，请重新获取。"))
        if twofactor_stamp(user) != user.api_token_stamp:
            raise exceptions.AuthenticationFailed(
                _("令牌签发后，该账号的双因素登录要求或验证器已变更，请使用动态验证码重新获取令牌。")
            )
        return user, token
