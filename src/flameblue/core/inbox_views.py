"""The user's own inbox."""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.views import generic

from flameblue.core.notify import inbox_for, mark_read


class InboxView(LoginRequiredMixin, generic.ListView):
    template_name = "core/inbox.html"
    paginate_by = 50

    def get_queryset(self):
        return inbox_for(self.request.user)

    def post(self, request, *args, **kwargs):
        ids = [int(i) for i in request.POST.getlist("id") if i.isdigit()] or None
        mark_read(request.user, ids)
        return HttpResponseRedirect(reverse("core:inbox"))
