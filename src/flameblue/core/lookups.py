"""Remote search for pickers: one JSON endpoint serves every large choice list (organizations, people,
units), so a form never renders thousands of options. Results come from ``visible_to(user, "view")`` —
the same scope as the form field's queryset, which still validates the submitted value."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, JsonResponse
from django.urls import reverse

from flameblue.core.scoping import has_action
from flameblue.core.service_errors import deny

__all__ = ["LOOKUPS", "Lookup", "RemoteSelect", "lookup_view", "region_label"]

MAX_RESULTS = 30


@dataclass(frozen=True)
class Lookup:
    """``search``: fields matched with ``icontains``, or full lookups (``code__startswith``)."""

    model: str
    search: tuple[str, ...]
    related: tuple[str, ...] = ()
    filters: tuple[tuple[str, Any], ...] = ()
    text: Callable[[Any], str] | None = None

    def label(self, obj: Any) -> str:
        if self.text is not None:
            return self.text(obj)
        extra = getattr(obj, "organization", None) or getattr(obj, "region", None)
        return f"{obj}（{extra}）" if extra is not None else str(obj)

    def condition(self, query: str) -> Q:
        condition = Q()
        for field in self.search:
            condition |= Q(**{field if "__" in field else f"{field}__icontains": query})
        return condition


def region_label(region: Any) -> str:
    """A region as pickers show it: ``341602 谯城区``."""
    return f"{region.code} {region.name}"


LOOKUPS: dict[str, Lookup] = {
    "organization": Lookup("org.Organization", ("name", "short_name", "credit_code"), ("region",)),
    # The supervising departments the unit and hazard lists filter by (hundreds in a province).
    "department": Lookup("org.Organization", ("name", "short_name"), ("region",), (("kind", "department"),)),
    "person": Lookup("org.Person", ("name",), ("organization",)),
    "person-no-account": Lookup("org.Person", ("name",), ("organization",), (("user__isnull", True),)),
    "unit-person": Lookup(
        "org.Person",
        ("name",),
        ("organization",),
        (("organization__kind", "social_unit"), ("is_active", True)),
    ),
    "unit": Lookup("units.Unit", ("name", "credit_code", "address"), ("region",)),
    # A province user's region list has 1,821 entries: searched by code prefix or name.
    "region": Lookup("geo.Region", ("code__startswith", "name__icontains"), text=region_label),
}


@login_required
def lookup_view(request, name: str):
    lookup = LOOKUPS.get(name)
    if lookup is None:
        raise Http404
    model = apps.get_model(lookup.model)
    if not has_action(request.user, model, "view"):
        raise deny(request)
    query = request.GET.get("q", "").strip()[:50]
    rows = model.objects.visible_to(request.user, "view").filter(**dict(lookup.filters))
    rows = rows.select_related(*lookup.related)
    if query:
        rows = rows.filter(lookup.condition(query))
    results = [{"value": str(obj.pk), "text": lookup.label(obj)} for obj in rows.order_by("pk")[:MAX_RESULTS]]
    return JsonResponse({"results": results})


class RemoteSelect(forms.Select):
    """A select that renders only its selected option and searches the rest through ``core:lookup``."""

    def __init__(self, lookup: str, attrs: dict[str, Any] | None = None):
        super().__init__(attrs={"class": "form-select js-tomselect", **(attrs or {})})
        self.lookup = lookup

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["data-lookup-url"] = reverse("core:lookup", args=[self.lookup])
        return context

    def optgroups(self, name, value, attrs=None):
        choices = self.choices
        if not hasattr(choices, "queryset"):
            return super().optgroups(name, value, attrs)
        selected = [v for v in value if v not in ("", None)]
        narrowed = copy.copy(choices)
        narrowed.queryset = choices.queryset.filter(pk__in=selected)
        self.choices = narrowed
        try:
            return super().optgroups(name, value, attrs)
        finally:
            self.choices = choices
