"""How an audit event reads for a person: the object type by its model's name (“账号”, not ``org.user``), each
changed field by its verbose name, values as the user would write them (local time in Asia/Shanghai, choice
labels, 是/否) and the actor by their name. Core imports no domain app: models are found by label."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.apps import apps
from django.db import models
from django.utils import formats, timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

__all__ = ["actor_display", "change_rows", "object_type_label"]


def _model(object_type: str) -> type[models.Model] | None:
    try:
        return apps.get_model(object_type)
    except (LookupError, ValueError):
        return None


def object_type_label(object_type: str) -> str:
    """``org.user`` → “账号” (the model's verbose name); an unknown type stays as recorded."""
    model = _model(object_type or "")
    return str(model._meta.verbose_name) if model else object_type


def _field(model: type[models.Model] | None, name: str) -> models.Field | None:
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except Exception:  # a renamed or removed field: show the recorded name
        return None


def _local(value: str) -> str | None:
    """An ISO timestamp or date as local, formatted text; None when ``value`` is neither."""
    moment = parse_datetime(value) if "T" in value or " " in value else None
    if moment is not None:
        if timezone.is_aware(moment):
            moment = timezone.localtime(moment)
        return formats.date_format(moment, "Y-m-d H:i")
    day = parse_date(value) if len(value) == 10 else None
    return formats.date_format(day, "Y-m-d") if isinstance(day, dt.date) else None


def display_value(field: models.Field | None, value: Any) -> Any:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return _("是") if value else _("否")
    if field is not None and field.choices:
        return dict(field.flatchoices).get(value, value)
    if isinstance(value, str):
        local = _local(value)
        return local if local is not None else value
    return value


def change_rows(event: Any) -> list[tuple[str, Any, Any]]:
    """(field label, old, new) for each recorded ``{field: [old, new]}`` change of ``event``."""
    model = _model(event.object_type or "")
    rows = []
    for name, values in (event.changes or {}).items():
        if not isinstance(values, list | tuple) or len(values) != 2:
            continue
        field = _field(model, name)
        label = str(field.verbose_name) if field is not None and hasattr(field, "verbose_name") else name
        rows.append((label, display_value(field, values[0]), display_value(field, values[1])))
    return rows


def actor_display(user: Any, fallback: str = "") -> tuple[str, str]:
    """(what to show, tooltip): the person's name with the username as the tooltip, or the username."""
    if user is None:
        return (fallback or _("系统"), "")
    username = user.get_username()
    person = getattr(user, "person", None) if getattr(user, "person_id", None) else None
    return (person.name, username) if person is not None else (username or fallback, "")
