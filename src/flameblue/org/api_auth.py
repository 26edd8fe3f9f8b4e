"""API token authentication with a lifetime: a token older than ``API_TOKEN_HOURS`` is refused and the
client must log in again through ``/api/v1/auth/token/`` (which then issues a fresh token)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication
from rest_framework.authtoken.models import Token

__all__ = ["ExpiringTokenAuthentication", "fresh_token", "token_expired"]


def token_expired(token: Token, now: dt.datetime | None = None) -> bool:
    return (now or timezone.now()) - token.created > dt.timedelta(hours=settings.API_TOKEN_HOURS)


def fresh_token(user) -> Token:
    """The user's token, replaced by a new one when the old one has expired."""
    token, created = Token.objects.get_or_create(user=user)
    if not created and token_expired(token):
        token.delete()
        token = Token.objects.create(user=user)
    return token


class ExpiringTokenAuthentication(TokenAuthentication):
    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        if token_expired(token):
            raise exceptions.AuthenticationFailed(_("令牌已过期，请重新获取。"))
        return user, token
