"""The form renderer (``FORM_RENDERER``): Django's own, except that a ``<select>`` is written in Python.

Django renders a select through a template that includes one template per ``<option>`` and, inside it, one
more for the option's attributes: a list page's filter form (a city user's 66 departments, 31 unit
categories, 16 industries …) spent a third of the request in those includes. This renderer writes the same
markup directly from the context the widget already built (``widget.optgroups``), for the built-in select
and option templates only; a widget with its own templates goes through the template engine as before.
"""

from __future__ import annotations

from typing import Any

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

__all__ = ["FormRenderer", "render_attrs", "render_select"]

SELECT = "django/forms/widgets/select.html"
OPTION = "django/forms/widgets/select_option.html"


def render_attrs(attrs: dict[str, Any]) -> str:
    """Django's ``attrs.html``: ``False`` leaves the attribute out, ``True`` writes it bare."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            parts.append(f" {conditional_escape(name)}")
        else:
            parts.append(f' {conditional_escape(name)}="{conditional_escape(str(value))}"')
    return "".join(parts)


def _option(option: dict[str, Any]) -> str:
    return (
        f'<option value="{conditional_escape(str(option["value"]))}"{render_attrs(option["attrs"])}>'
        f"{conditional_escape(option['label'])}</option>"
    )


def render_select(widget: dict[str, Any]) -> SafeString:
    """The markup of Django's ``select.html`` for a widget context (``context["widget"]``)."""
    parts = [f'<select name="{conditional_escape(widget["name"])}"{render_attrs(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        parts.extend(f"\n  {_option(option)}" for option in options)
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return mark_safe("".join(parts))  # noqa: S308 — every value above is escaped


def _built_in(widget: dict[str, Any]) -> bool:
    return all(
        option.get("template_name") == OPTION
        for _name, options, _index in widget["optgroups"]
        for option in options
    )


class FormRenderer(DjangoTemplates):
    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        if template_name == SELECT and _built_in(context["widget"]):
            return render_select(context["widget"])
        return super().render(template_name, context, request=request)
