"""Form plumbing shared by every app."""

from __future__ import annotations

from typing import Any

from django import forms

__all__ = ["RegionChoiceField"]


class RegionChoiceField(forms.ModelChoiceField):
    """A region picked from a scoped queryset, shown as "code name" (``341602 谯城区``)."""

    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.code} {obj.name}"
