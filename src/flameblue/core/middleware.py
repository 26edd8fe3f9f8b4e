"""Request-level security: session lifetime limits, mandatory two-factor for administrator roles, and the
request context (IP, user agent) that the audit trail reads."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth import logout
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext

from flameblue.core.request_context import RequestInfo, set_request_info

__all__ = [
    "RequestContextMiddleware",
    "SessionLimitsMiddleware",
    "TwoFactorRequiredMiddleware",
    "client_ip",
    "register_second_factor_policy",
]

LOGIN_TIME_KEY = "flameblue_login_at"
LAST_SEEN_KEY = "flameblue_last_seen"


def client_ip(request) -> str | None:
    proxies = getattr(settings, "AXES_IPWARE_PROXY_COUNT", 0) or 0
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [h.strip() for h in forwarded.split(",") if h.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR") or None


class RequestContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = set_request_info(
            RequestInfo(
                ip=client_ip(request), user_agent=request.META.get("HTTP_USER_AGENT", ""), path=request.path
            )
        )
        try:
            return self.get_response(request)
        finally:
            set_request_info(None)
            # contextvars token reset is not needed: each request sets its own value.
            del token


class SessionLimitsMiddleware:
    """Ends a session after SESSION_IDLE_SECONDS without a request and SESSION_ABSOLUTE_SECONDS after login.
    Times are epoch seconds in the session (set at login by :mod:`flameblue.org.auth_events`).

    The idle clock is written at most once per SESSION_REFRESH_SECONDS (a minute), not on every request:
    saving the session is a row UPDATE (or a cache write) per page view otherwise. The session is then
    saved with a new expiry, so the stored session and this check agree. A session therefore ends between
    29 and 30 idle minutes, never later."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = time.time()
            login_at = request.session.get(LOGIN_TIME_KEY)
            last_seen = request.session.get(LAST_SEEN_KEY, login_at)
            if login_at is None:
                request.session[LOGIN_TIME_KEY] = now
            elif now - login_at > settings.SESSION_ABSOLUTE_SECONDS or (
                last_seen is not None and now - last_seen > settings.SESSION_IDLE_SECONDS
            ):
                request.flameblue_logout_reason = "session_expired"
                logout(request)
                if request.path.startswith("/api/"):
                    return self.get_response(request)
                return redirect(
                    f"{reverse('login')}?{urlencode({'next': request.get_full_path(), 'expired': 1})}"
                )
            if last_seen is None or now - last_seen >= settings.SESSION_REFRESH_SECONDS:
                request.session[LAST_SEEN_KEY] = now
        return self.get_response(request)


#: ``policy(user, session) -> bool``: whether the user must present a second factor. The app that owns
#: accounts (org) registers it at ``ready()``; core knows no roles or devices.
_second_factor_policy: Callable[[Any, Any], bool] | None = None


def register_second_factor_policy(policy: Callable[[Any, Any], bool]) -> None:
    global _second_factor_policy
    _second_factor_policy = policy


class TwoFactorRequiredMiddleware:
    """Sends a logged-in user who must use two-factor login (their role requires it, or they enabled it)
    to the verification page until they have entered a TOTP code in this session. Costs no query for users
    without 2FA beyond the memberships scoping loads anyway (device presence is cached in the session)."""

    EXEMPT_PREFIXES = ("/account/2fa/", "/account/logout/", "/static/", "/i18n/", "/jsi18n/", "/portal/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path.startswith(self.EXEMPT_PREFIXES)
            and not user.is_verified()
            and _second_factor_policy is not None
            and _second_factor_policy(user, request.session)
        ):
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": gettext("需要完成双因素验证。")}, status=403)
            return redirect(f"{reverse('twofactor-verify')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


class ChineseFirstLocaleMiddleware:
    """Chinese unless the user chose otherwise: the language comes from the language cookie set by the
    language switch, never from the browser's Accept-Language (an officer's English-language phone must
    not turn the government system into English)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.utils import translation

        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response
