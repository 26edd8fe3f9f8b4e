"""Small template helpers for Bootstrap forms and record display."""

from __future__ import annotations

from typing import Any

from django import forms, template

register = template.Library()


def _css_for(widget: forms.Widget) -> str:
    if isinstance(widget, forms.CheckboxInput):
        return "form-check-input"
    if isinstance(widget, forms.Select | forms.SelectMultiple):
        return "form-select"
    return "form-control"


@register.filter
def bs_widget(bound_field: forms.BoundField, extra: str = "") -> str:
    """Render a form field's widget with Bootstrap's classes (and ``is-invalid`` when it has errors)."""
    widget = bound_field.field.widget
    existing = widget.attrs.get("class", "")
    classes = existing if _css_for(widget) in existing.split() else f"{_css_for(widget)} {existing}"
    if bound_field.errors:
        classes += " is-invalid"
    if extra == "sm":
        classes += " form-select-sm" if _css_for(widget) == "form-select" else " form-control-sm"
    elif extra:
        classes += f" {extra}"
    attrs: dict[str, Any] = {"class": classes.strip()}
    if bound_field.errors:
        attrs["aria-invalid"] = "true"
    return bound_field.as_widget(attrs=attrs)


@register.filter
def is_checkbox(bound_field: forms.BoundField) -> bool:
    return isinstance(bound_field.field.widget, forms.CheckboxInput)


@register.filter
def is_hidden(bound_field: forms.BoundField) -> bool:
    return bound_field.is_hidden


@register.simple_tag
def can_do(user: Any, model_label: str, action: str) -> bool:
    """``{% can_do user "org.Organization" "add" as can_add %}``: the user's roles grant the action somewhere."""
    from django.apps import apps

    from flameblue.core.scoping import has_action

    return has_action(user, apps.get_model(model_label), action)


@register.filter
def may(user: Any, action: str) -> bool:
    """``{% if request.user|may:"hazards.notice.view" %}``: show a button or link only to those who may
    follow it (see :func:`flameblue.core.scoping.may`)."""
    from flameblue.core.scoping import may as _may

    return _may(user, action)


@register.simple_tag
def may_on(user: Any, action: str, obj: Any) -> bool:
    """``{% may_on request.user "hazards.tip.view" tip as ok %}``: the action on this one object."""
    from flameblue.core.scoping import may as _may

    return _may(user, action, obj)
