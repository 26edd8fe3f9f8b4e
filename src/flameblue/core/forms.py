"""Form plumbing shared by every app."""

from __future__ import annotations

from typing import Any

from django import forms

from flameblue.core.lookups import RemoteSelect, region_label

__all__ = ["RegionChoiceField"]


class RegionChoiceField(forms.ModelChoiceField):
    """A region picked from a scoped queryset, shown as "code name" (``341602 谯城区``). The page renders only
    the chosen region and the picker searches the rest on the server (``core:lookup`` "region", the same
    scope): a province user has 1,821 regions. The queryset still validates what is submitted."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", RemoteSelect("region"))
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj: Any) -> str:
        return region_label(obj)
