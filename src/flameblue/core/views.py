"""Base views every app's pages are built from. They fetch only through ``visible_to`` so an object outside
the user's jurisdiction is a 404, a missing permission is a 403 (audited), and anonymous users go to login.
htmx requests get the partial template from the same code path (``htmx_template``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import models
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views import generic

from flameblue.core.pagination import CappedPaginator
from flameblue.core.scoping import has_action
from flameblue.core.service_errors import deny, refused, run_service

__all__ = [
    "FormContextMixin",
    "ObjectFormView",
    "ScopedCreateView",
    "ScopedDetailView",
    "ScopedListView",
    "ScopedMixin",
    "ScopedUpdateView",
    "ServiceCreateView",
    "ServiceUpdateView",
    "is_htmx",
]


def is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


class ScopedMixin(LoginRequiredMixin):
    """``model`` + ``action``: 403 unless the user's roles grant the action somewhere."""

    model: type[models.Model]
    action = "view"
    partial_template_name: str | None = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not has_action(request.user, self.model, self.action):
            raise deny(request)
        return super().dispatch(request, *args, **kwargs)

    def scoped_queryset(self, action: str = "view"):
        return self.model.objects.visible_to(self.request.user, action)

    def get_template_names(self):
        if self.partial_template_name and is_htmx(self.request):
            return [self.partial_template_name]
        return super().get_template_names()


class ScopedListView(ScopedMixin, generic.ListView):
    """A scoped, filtered list. Counts are capped (:class:`~flameblue.core.pagination.CappedPaginator`):
    "10,000+" past the cap, and ``?page=last`` reads the true last page backwards through the index."""

    paginate_by = 50
    paginator_class = CappedPaginator
    filterset_class = None

    def get_queryset(self):
        qs = self.scoped_queryset("view")
        if self.filterset_class is not None:
            self.filterset = self.filterset_class(self.request.GET or None, queryset=qs, request=self.request)
            qs = self.filterset.qs
        return qs

    def paginate_queryset(self, queryset, page_size):
        if self.request.GET.get(self.page_kwarg) == "last":
            paginator = self.get_paginator(queryset, page_size, allow_empty_first_page=True)
            if isinstance(paginator, CappedPaginator):
                page = paginator.last_page()
                return paginator, page, page.object_list, page.has_other_pages()
        return super().paginate_queryset(queryset, page_size)

    def get_context_data(self, **kwargs) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["filterset"] = getattr(self, "filterset", None)
        query = self.request.GET.copy()
        query.pop("page", None)
        context["querystring"] = query.urlencode()
        return context


class ScopedObjectMixin(ScopedMixin):
    """Looks the object up in the user's view scope (404 outside it), then checks the action on it (403)."""

    def get_object(self, queryset=None):
        obj = get_object_or_404(self.scoped_queryset("view"), pk=self.kwargs["pk"])
        if self.action != "view" and not self.scoped_queryset(self.action).filter(pk=obj.pk).exists():
            raise deny(self.request)
        return obj


class ScopedDetailView(ScopedObjectMixin, generic.DetailView):
    pass


class ServiceFormMixin:
    """Forms validate input; the service does the write. Domain errors land on the form, nothing is lost."""

    success_message = gettext_lazy("已保存。")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        return kwargs

    def form_valid(self, form):
        result, status = run_service(self.request, lambda: self.perform(form), form=form)
        if status is not None:
            return refused(self.form_invalid(form), status)
        self.object = result
        messages.success(self.request, self.success_message)
        return HttpResponseRedirect(self.get_success_url())

    def perform(self, form):  # pragma: no cover - abstract
        raise NotImplementedError


class ScopedCreateView(ServiceFormMixin, ScopedMixin, generic.CreateView):
    action = "add"


class ScopedUpdateView(ServiceFormMixin, ScopedObjectMixin, generic.UpdateView):
    action = "change"


class FormContextMixin:
    """What the shared form template needs: the record type's name and where "cancel" goes."""

    cancel_url_name = ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["model_name"] = self.model._meta.verbose_name
        if (
            getattr(self, "object", None) is not None
            and self.object.pk
            and getattr(self, "detail_url_name", "")
        ):
            context["cancel_url"] = reverse(self.detail_url_name, kwargs={"pk": self.object.pk})
        elif self.cancel_url_name:
            context["cancel_url"] = reverse(self.cancel_url_name)
        return context


class ServiceCreateView(FormContextMixin, ScopedCreateView):
    """Create through ``service(by=, data=)``; then show the new record."""

    template_name = "core/form.html"
    service: Callable[..., Any]
    detail_url_name = ""

    def perform(self, form):
        return self.service(by=self.request.user, data=form.service_data())

    def get_success_url(self) -> str:
        return reverse(self.detail_url_name, kwargs={"pk": self.object.pk})


class ServiceUpdateView(FormContextMixin, ScopedUpdateView):
    """Update through ``service(obj, by=, data=, expected_version=)``; a stale version is refused."""

    template_name = "core/form.html"
    service: Callable[..., Any]
    detail_url_name = ""

    def perform(self, form):
        return self.service(
            self.object,
            by=self.request.user,
            data=form.service_data(),
            expected_version=form.expected_version,
        )

    def get_success_url(self) -> str:
        return reverse(self.detail_url_name, kwargs={"pk": self.object.pk})


class ObjectFormView(ScopedObjectMixin, generic.FormView):
    """A confirm-and-act page on one record (reveal, enable/disable, unlock): GET shows the form, POST acts."""

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(object=self.object, **kwargs)

    def form_valid(self, form):
        result, status = run_service(self.request, lambda: self.perform(form), form=form)
        if status is not None:
            return refused(self.form_invalid(form), status)
        return self.done(result)

    def perform(self, form):  # pragma: no cover - abstract
        raise NotImplementedError

    def done(self, result):
        return redirect(self.get_success_url())
