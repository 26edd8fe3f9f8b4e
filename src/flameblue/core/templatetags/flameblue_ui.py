"""Small template helpers for Bootstrap forms and record display."""

from __future__ import annotations

from typing import Any

from django import forms, template
from django.utils.html import format_html, format_html_join

register = template.Library()


def _css_for(widget: forms.Widget) -> str:
    if isinstance(widget, forms.CheckboxInput):
        return "form-check-input"
    if isinstance(widget, forms.Select | forms.SelectMultiple):
        return "form-select"
    return "form-control"


def _is_choice_group(widget: forms.Widget) -> bool:
    """Radio buttons and checkbox lists: one ``<input>`` per choice, which need ``form-check`` markup (a
    ``form-control`` class would hide their checked state behind ``appearance: none``)."""
    return isinstance(widget, forms.RadioSelect)  # CheckboxSelectMultiple is a RadioSelect


def _choice_group(bound_field: forms.BoundField, extra: str) -> str:
    """Each choice as Bootstrap's ``form-check``: the input first, then its own label."""
    css = "form-check-input" + (" is-invalid" if bound_field.errors else "")
    choices = []
    for sub in bound_field.subwidgets:
        sub.data["attrs"]["class"] = css
        choices.append((sub.tag(wrap_label=False), sub.id_for_label, sub.choice_label))
    inline = " form-check-inline" if extra == "inline" or len(choices) <= 7 else ""
    items = format_html_join(
        "",
        '<div class="form-check' + inline + '">{}<label class="form-check-label" for="{}">{}</label></div>',
        choices,
    )
    return format_html('<div id="{}" class="form-check-group">{}</div>', bound_field.auto_id or "", items)


@register.filter
def bs_widget(bound_field: forms.BoundField, extra: str = "") -> str:
    """Render a form field's widget with Bootstrap's classes (and ``is-invalid`` when it has errors)."""
    widget = bound_field.field.widget
    if _is_choice_group(widget):
        return _choice_group(bound_field, extra)
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
def object_type_label(object_type: str) -> str:
    """An audit event's object type by its model's name (“账号”, not ``org.user``)."""
    from flameblue.core.audit_display import object_type_label as label

    return label(object_type)


@register.filter
def audit_changes(event: Any) -> list[tuple[str, Any, Any]]:
    """An audit event's field changes as (field's verbose name, old, new), times in local time."""
    from flameblue.core.audit_display import change_rows

    return change_rows(event)


@register.simple_tag
def person_name(user: Any, fallback: str = "") -> str:
    """A user shown by the person's name, the username only as a tooltip: ``{% person_name t.by %}``."""
    from flameblue.core.audit_display import actor_display

    shown, tooltip = actor_display(user, fallback)
    if tooltip:
        return format_html('<span title="{}">{}</span>', tooltip, shown)
    return format_html("{}", shown)


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
