"""Pages for two-factor login: set up a TOTP authenticator, verify a code after login, disable it.
Each parses the form and calls one function of :mod:`flameblue.org.twofactor`."""

from __future__ import annotations

import django_otp
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from flameblue.core.errors import DomainError
from flameblue.org import twofactor

__all__ = ["twofactor_disable", "twofactor_setup", "twofactor_verify"]


class TokenForm(forms.Form):
    token = forms.RegexField(
        label=gettext_lazy("验证码"),
        regex=r"^\s*\d{6,8}\s*$",
        max_length=12,
        error_messages={
            "required": gettext_lazy("请填写验证码。"),
            "invalid": gettext_lazy("验证码应为验证器应用中显示的 6 位数字。"),
        },
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autofocus": True,
                "class": "form-control",
            }
        ),
    )


def _next_url(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse(settings.LOGIN_REDIRECT_URL)


def _with_next(url_name: str, next_url: str) -> str:
    return f"{reverse(url_name)}?{urlencode({'next': next_url})}"


def _run(form: TokenForm, action) -> bool:
    """Call the service with the form's code; put a refusal on the form. True on success."""
    if not form.is_valid():
        return False
    try:
        action(form.cleaned_data["token"].strip())
    except DomainError as exc:
        form.add_error("token" if exc.field == "token" else None, exc.message)
        return False
    return True


@login_required
@require_http_methods(["GET", "POST"])
def twofactor_setup(request: HttpRequest) -> HttpResponse:
    user = request.user
    next_url = _next_url(request)
    if twofactor.has_confirmed_device(user):
        return render(request, "account/2fa_setup.html", {"enabled": True, "next": next_url})
    device = twofactor.pending_device(user)
    form = TokenForm(request.POST or None)
    if request.method == "POST":

        def enable(token: str) -> None:
            confirmed = twofactor.totp_enable(user=user, device=device, token=token)
            django_otp.login(request, confirmed)

        if _run(form, enable):
            request.session[twofactor.ENROLLED_SESSION_KEY] = True
            messages.success(request, _("已启用双因素登录。以后每次登录都需要输入验证器应用中的验证码。"))
            return HttpResponseRedirect(next_url)
    context = {
        "enabled": False,
        "form": form,
        "next": next_url,
        "qr_svg": twofactor.qr_svg(device),
        "secret": twofactor.secret_base32(device),
        "required": twofactor.requires_2fa(user),
    }
    return render(request, "account/2fa_setup.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def twofactor_verify(request: HttpRequest) -> HttpResponse:
    user = request.user
    next_url = _next_url(request)
    if user.is_verified():
        return HttpResponseRedirect(next_url)
    if not twofactor.has_confirmed_device(user):
        request.session[twofactor.ENROLLED_SESSION_KEY] = False
        if twofactor.requires_2fa(user):
            messages.info(request, _("您担任的角色要求双因素登录，请先绑定验证器应用。"))
            return redirect(_with_next("twofactor-setup", next_url))
        return HttpResponseRedirect(next_url)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and _run(
        form, lambda token: django_otp.login(request, twofactor.totp_check(user=user, token=token))
    ):
        return HttpResponseRedirect(next_url)
    return render(
        request,
        "account/2fa_verify.html",
        {"form": form, "next": next_url},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def twofactor_disable(request: HttpRequest) -> HttpResponse:
    user = request.user
    enabled = twofactor.has_confirmed_device(user)
    form = TokenForm(request.POST or None)
    if (
        enabled
        and request.method == "POST"
        and _run(form, lambda token: twofactor.totp_disable(user=user, token=token))
    ):
        request.session[twofactor.ENROLLED_SESSION_KEY] = False
        messages.success(request, _("已停用双因素登录。"))
        return redirect("account-profile")
    context = {"enabled": enabled, "form": form, "required": twofactor.requires_2fa(user)}
    return render(request, "account/2fa_disable.html", context, status=400 if form.errors else 200)
