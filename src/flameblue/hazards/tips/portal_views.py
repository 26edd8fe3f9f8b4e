"""Public tip pages (no login): the tip form, the confirmation with the tracking code, and progress
tracking by code. Nothing here reads another tip or any personal data."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from flameblue.core.errors import DomainError
from flameblue.core.middleware import client_ip
from flameblue.core.service_errors import apply_form_errors
from flameblue.hazards.tips.forms import PublicTipForm, TrackForm
from flameblue.hazards.tips.guard import RateLimited, check_attempts, check_form_token, check_track_attempts
from flameblue.hazards.tips.services import tip_submit, tip_track

__all__ = ["TipCreateView", "TipDoneView", "TipTrackView"]

SESSION_KEY = "flameblue_portal_tip_code"


class TipCreateView(View):
    template_name = "hazards/portal_tip_form.html"

    def get(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        return render(request, self.template_name, {"form": PublicTipForm()})

    def post(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        form = PublicTipForm(request.POST, request.FILES)
        ip = client_ip(request)
        status = 400
        try:
            check_attempts(ip)
            if form.is_valid():
                data = form.cleaned_data
                check_form_token(data["token"], data["website"])
                tip = tip_submit(
                    category=data["category"], description=data["description"], region=data["region"],
                    address=data["address"], place_name=data["place_name"], phone=data["phone"],
                    photos=data["photos"], ip=ip,
                )  # fmt: skip
                request.session[SESSION_KEY] = tip.tracking_code
                return HttpResponseRedirect(reverse("portal_tips:done"))
        except RateLimited as exc:
            form.is_valid()
            apply_form_errors(form, exc)
            status = 429
        except (ValidationError, DomainError) as exc:
            apply_form_errors(form, exc)
        form.refresh_token()
        return render(request, self.template_name, {"form": form}, status=status)


class TipDoneView(View):
    def get(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        code = request.session.get(SESSION_KEY)
        if not code:
            return HttpResponseRedirect(reverse("portal_tips:create"))
        return render(request, "hazards/portal_tip_done.html", {"code": code})


class TipTrackView(View):
    """The code is posted (not put in the URL) so it does not end up in logs and browser history."""

    template_name = "hazards/portal_tip_track.html"

    def get(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        return render(request, self.template_name, {"form": TrackForm()})

    def post(self, request, *args: Any, **kwargs: Any) -> HttpResponse:
        form = TrackForm(request.POST)
        context: dict[str, Any] = {"form": form}
        try:
            check_track_attempts(client_ip(request))
        except RateLimited as exc:
            form.add_error(None, exc.message)
            return render(request, self.template_name, context, status=429)
        if not form.is_valid():
            return render(request, self.template_name, context, status=400)
        context["result"] = found = tip_track(form.cleaned_data["code"])
        if found is None:
            form.add_error("code", _("未找到该查询码，请核对后重新输入。"))
            return render(request, self.template_name, context, status=404)
        return render(request, self.template_name, context)
