"""Choice lists of reference tables (place types, risk tags, industries …) read once per process, not on
every page.

A list page's filter form offers the whole of several small tables that change only when reference data is
loaded or an administrator edits a row. :class:`ReferenceChoiceFilter` keeps each such list in the process
and asks the shared cache (Redis in production) only for the table's **generation**, which every save or
delete of a registered model bumps (``post_save``/``post_delete``), as does ``load-reference-data``. So
every web process sees an edit at its next page view, and a page view costs no query for these lists.
Validation of a chosen value still reads the table (``ModelChoiceField.to_python``).

Apps register their reference models with :func:`register_reference_model` in ``AppConfig.ready()``; core
imports no domain app. A cache that fails falls back to reading the table."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from typing import Any

import django_filters
from django import forms
from django.core.cache import cache
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.forms.models import ModelChoiceIterator
from django.utils.translation import get_language

__all__ = [
    "ReferenceChoiceField",
    "ReferenceChoiceFilter",
    "reference_models_changed",
    "register_reference_model",
]

logger = logging.getLogger("flameblue.reference_choices")

_MODELS: dict[str, type[models.Model]] = {}
#: (model label, language, empty label) → (generation, choices)
_LOCAL: dict[tuple[str, str, str], tuple[Any, list[Any]]] = {}


def _key(label: str) -> str:
    return f"flameblue:reference-gen:{label}"


def register_reference_model(*model_classes: type[models.Model]) -> None:
    """Declare these small tables cacheable as choice lists; their writes end the cached lists."""
    for model in model_classes:
        label = model._meta.label_lower
        _MODELS[label] = model
        post_save.connect(_changed, sender=model, dispatch_uid=f"reference-choices-save-{label}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"reference-choices-delete-{label}")


def reference_models_changed(*model_classes: type[models.Model]) -> None:
    """End the cached choice lists of these models (all registered ones when none is named): for writes
    that send no signals (``bulk_create``, ``update``)."""
    labels = [m._meta.label_lower for m in model_classes] or list(_MODELS)
    for label in labels:
        _bump(label)


def _changed(sender: type[models.Model], **kwargs: Any) -> None:
    _bump(sender._meta.label_lower)


def _bump(label: str) -> None:
    for key in [k for k in _LOCAL if k[0] == label]:
        _LOCAL.pop(key, None)
    try:
        cache.set(_key(label), time.time_ns(), None)
    except Exception:  # the cache is down: other processes keep their lists until it is back
        logger.warning("could not end the cached choices of %s", label, exc_info=True)


def _generation(label: str) -> Any:
    value = cache.get(_key(label))
    if value is None:
        value = time.time_ns()
        cache.add(_key(label), value, None)
        value = cache.get(_key(label), value)
    return value


class _CachedIterator(ModelChoiceIterator):
    """The field's choices from the process's copy while the table's generation is unchanged."""

    def _choices(self) -> list[Any]:
        label = self.queryset.model._meta.label_lower
        if label not in _MODELS:
            return list(super().__iter__())
        try:
            generation = _generation(label)
        except Exception:
            logger.warning("reference choice cache unavailable; reading %s", label, exc_info=True)
            return list(super().__iter__())
        key = (label, get_language() or "", str(self.field.empty_label))
        found = _LOCAL.get(key)
        if found is not None and found[0] == generation:
            return found[1]
        choices = list(super().__iter__())
        _LOCAL[key] = (generation, choices)
        return choices

    def __iter__(self) -> Iterator[Any]:
        return iter(self._choices())

    def __len__(self) -> int:
        return len(self._choices())

    def __bool__(self) -> bool:
        return bool(self._choices())


class ReferenceChoiceField(forms.ModelChoiceField):
    """A ``ModelChoiceField`` over a whole registered reference table whose choice list is kept per process
    (see the module)."""

    iterator = _CachedIterator


class ReferenceChoiceFilter(django_filters.ModelChoiceFilter):
    """``ModelChoiceFilter(queryset=Model.objects.all())`` for a registered reference model, its choice
    list read once per process (see the module)."""

    field_class = ReferenceChoiceField

    def __init__(self, *args: Any, model: type[models.Model], **kwargs: Any) -> None:
        super().__init__(*args, queryset=model._default_manager.all(), **kwargs)
