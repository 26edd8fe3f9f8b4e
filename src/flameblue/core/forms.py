"""Form plumbing shared by every app."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from flameblue.core.lookups import RemoteSelect, region_label

__all__ = [
    "DATE_RANGE",
    "DESCRIPTION_MAX_CHARS",
    "REASON_MAX_CHARS",
    "RegionChoiceField",
    "install_plausible_dates",
    "plausible_date",
    "text_limit_messages",
]

#: Dates any record of ours can carry (founding years of units to deadlines decades ahead). 0001-01-01 and
#: 9999-12-31 are typing slips or probes, and date arithmetic on them overflows.
DATE_RANGE = (dt.date(1900, 1, 1), dt.date(2100, 12, 31))
#: Free text: a description (of a hazard, a tip, an activity) and a reason or note on a decision.
DESCRIPTION_MAX_CHARS = 2000
REASON_MAX_CHARS = 1000


def plausible_date(value: dt.date | dt.datetime | None) -> None:
    """Refuse a date outside :data:`DATE_RANGE` with a message that says the range."""
    if value is None:
        return
    day = value.date() if isinstance(value, dt.datetime) else value
    low, high = DATE_RANGE
    if not low <= day <= high:
        raise ValidationError(
            _("日期 %(day)s 超出合理范围（%(low)s 至 %(high)s），请检查年份。"),
            code="implausible_date",
            params={"day": day.isoformat(), "low": low.isoformat(), "high": high.isoformat()},
        )


def install_plausible_dates() -> None:
    """Make every date and date-time input (forms, filters, API serializers) refuse implausible dates. Set
    once at start-up (core's ``ready()``) as the fields' default validator, so no form can forget it."""
    from rest_framework import serializers

    for field_class in (
        forms.DateField,
        forms.DateTimeField,
        serializers.DateField,
        serializers.DateTimeField,
    ):
        if plausible_date not in field_class.default_validators:
            field_class.default_validators = [*field_class.default_validators, plausible_date]
    # DRF converts a date-time to the current time zone before any validator runs; 0001-01-01T00:00 in
    # Asia/Shanghai overflows there. Say the range instead of answering 500.
    enforce = serializers.DateTimeField.enforce_timezone
    if not getattr(enforce, "plausible", False):

        def enforce_timezone(self, value):
            try:
                return enforce(self, value)
            except OverflowError:
                try:
                    plausible_date(value)
                except ValidationError as exc:
                    raise serializers.ValidationError(exc.messages, code="implausible_date") from None
                raise

        enforce_timezone.plausible = True  # type: ignore[attr-defined]
        serializers.DateTimeField.enforce_timezone = enforce_timezone


def text_limit_messages(*, api: bool = False) -> dict[str, Any]:
    """``error_messages`` for a length-limited text field, saying the limit (form or DRF placeholders)."""
    if api:
        return {"max_length": _("内容过长：最多 {max_length} 个字。")}
    return {"max_length": _("内容过长：最多 %(limit_value)d 个字（现有 %(show_value)d 个）。")}


class RegionChoiceField(forms.ModelChoiceField):
    """A region picked from a scoped queryset, shown as "code name" (``341602 谯城区``). The page renders only
    the chosen region and the picker searches the rest on the server (``core:lookup`` "region", the same
    scope): a province user has 1,821 regions. The queryset still validates what is submitted."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", RemoteSelect("region"))
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj: Any) -> str:
        return region_label(obj)
