"""Login-related pages around Django's auth views: the lockout page, one's own profile and password."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from flameblue.core.service_errors import apply_form_errors
from flameblue.org.forms import PasswordChangeForm
from flameblue.org.models import Membership
from flameblue.org.selectors import user_roles
from flameblue.org.services import user_set_password

__all__ = ["PasswordChangeView", "ProfileView", "locked_out"]


def locked_out(request, credentials=None, *args, **kwargs):
    return render(request, "registration/locked_out.html", status=403)


def _url_or_empty(name: str) -> str:
    try:
        return reverse(name)
    except NoReverseMatch:
        return ""


class ProfileView(LoginRequiredMixin, TemplateView):
    """One's own account: person, memberships and roles; links to password and two-factor settings."""

    template_name = "account/profile.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        memberships = []
        if user.person_id:
            memberships = Membership.objects.filter(person_id=user.person_id).select_related(
                "organization__region", "role"
            )
        from django_otp import user_has_device

        context.update(
            person=user.person,
            memberships=memberships,
            roles=user_roles(user),
            has_2fa=user_has_device(user, confirmed=True),
            twofactor_setup_url=_url_or_empty("twofactor-setup"),
            twofactor_disable_url=_url_or_empty("twofactor-disable"),
        )
        return context


class PasswordChangeView(LoginRequiredMixin, FormView):
    template_name = "account/password_change.html"
    form_class = PasswordChangeForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        user = self.request.user
        try:
            user_set_password(user, by=user, password=form.cleaned_data["password"])
        except ValidationError as exc:
            apply_form_errors(form, exc)
            return self.form_invalid(form)
        update_session_auth_hash(self.request, user)
        messages.success(self.request, _("密码已修改。"))
        return redirect("account-profile")
