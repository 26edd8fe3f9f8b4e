"""Short-lived per-scope summaries for the home page: a figure computed over millions of rows (open hazards
by county, units by township) is computed once per jurisdiction, kept in the cache and shared by every user
with the same scope, instead of being counted on every page view.

- The cache key is the summary's name and arguments, the user's scopes for each model it reads (so a county
  officer never sees the city's figure, and two county officers of one county share theirs) and a
  **generation** per (model, region) that every write of a summarized model bumps.
- A write bumps the generation of its region and of every region above it (township → county → city →
  province) and of the whole model, so the next page view in any jurisdiction that contains the record is
  recomputed — the figure the user sees changes at once — while other jurisdictions keep their summaries.
  Writes that go through ``core.audit.record`` do this by themselves; bulk writers call
  :func:`summaries_changed` (a region unknown: every scope of that model).
- Whatever no write announces (time passing: a tip that becomes overdue at 14:00) shows after at most the
  summary's ``ttl`` (:data:`SUMMARY_TTL`, five minutes, unless the caller asks for less).

Apps declare which models feed summaries with :func:`register_summary_model` (in ``AppConfig.ready()``);
writes of other models bump nothing. A cache that fails never fails a page or a write: the page counts
live, the write is kept."""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from django.core.cache import cache
from django.db import models, transaction

from flameblue.core.scoping import user_scopes

__all__ = [
    "SUMMARY_TTL",
    "register_summary_model",
    "scoped_summary",
    "summaries_changed",
    "summaries_changed_for",
    "summary_models",
]

logger = logging.getLogger("flameblue.summaries")

T = TypeVar("T")

#: Seconds a per-scope summary is kept at most; writes of its models end it sooner.
SUMMARY_TTL = 300
_REGION_LEVELS = (2, 4, 6, 9, 12)
_WHOLE = "all"  # bumped when a write's region is not known: every scope of the model recomputes
_ANY = "*"  # the generation read by scopes without a region (province-wide)

_MODELS: set[str] = set()


def register_summary_model(*model_classes: type[models.Model]) -> None:
    """Declare that summaries read these models, so writes of them end the summaries they change."""
    _MODELS.update(m._meta.label_lower for m in model_classes)


def summary_models() -> set[str]:
    return set(_MODELS)


def _gen_key(label: str, part: str) -> str:
    return f"flameblue:summary-gen:{label}:{part}"


def _parts(region_code: str | None) -> list[str]:
    if not region_code:
        return [_WHOLE]
    return [_ANY] + [region_code[:n] for n in _REGION_LEVELS if n < len(region_code)] + [region_code]


def _bump(keys: list[str]) -> None:
    try:
        for key in keys:
            try:
                cache.incr(key)
            except ValueError:  # not there yet (or evicted): a fresh value no old summary was keyed on
                cache.set(key, time.time_ns(), None)
    except Exception:  # the cache is down: summaries expire by their TTL
        logger.warning("could not invalidate dashboard summaries %s", keys[:1], exc_info=True)


def summaries_changed(model: type[models.Model], region_code: str | None = None) -> None:
    """Records of ``model`` in ``region_code`` (None: anywhere) changed: end the summaries that counted them,
    now and again when the transaction commits (so no page computes the old rows into a new summary)."""
    label = model._meta.label_lower
    if label not in _MODELS:
        return
    keys = [_gen_key(label, part) for part in _parts(region_code)]
    _bump(keys)
    transaction.on_commit(lambda: _bump(keys))


def summaries_changed_for(obj: models.Model) -> None:
    """``obj`` was written: :func:`summaries_changed` for its model and region (read from the model's
    scope spec when the region is a column of its own, else every region)."""
    model = obj._meta.model  # not type(obj): the request's user is a lazy object
    if model._meta.label_lower not in _MODELS:
        return
    path = getattr(getattr(model, "scope_spec", None), "region", None)
    region = getattr(obj, path, None) if path and "__" not in path else None
    summaries_changed(model, region if isinstance(region, str) else None)


def _generations(keys: list[str]) -> list[Any]:
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            cache.add(key, time.time_ns(), None)
            found[key] = cache.get(key)
    return [found[key] for key in keys]


def _signature(user: Any, model_classes: Sequence[type[models.Model]], action: str) -> tuple[list, list]:
    scopes, keys = [], []
    for model in model_classes:
        label = model._meta.label_lower
        mine = sorted(set(user_scopes(user, model, action)), key=repr)
        scopes.append((label, [repr(s) for s in mine]))
        keys.append(_gen_key(label, _WHOLE))
        keys += sorted({_gen_key(label, s.region_prefix or _ANY) for s in mine})
    return scopes, keys


def scoped_summary(
    name: str,
    user: Any,
    model_classes: Iterable[type[models.Model]],
    compute: Callable[[], T],
    *,
    key: Any = (),
    ttl: int = SUMMARY_TTL,
    action: str = "view",
) -> T:
    """``compute()``, cached for everyone whose scopes for ``model_classes`` (for ``action``) are the user's,
    until a write of those models in those scopes or ``ttl`` seconds. ``key`` holds the other arguments
    the figure depends on (the day, the region asked for); ``compute`` must read only through the user's
    scopes for those models and answer something picklable."""
    model_classes = list(model_classes)
    try:
        scopes, gen_keys = _signature(user, model_classes, action)
        generations = _generations(gen_keys)
        digest = hashlib.sha256(repr((name, key, scopes, generations)).encode()).hexdigest()
        cache_key = f"flameblue:summary:{name}:{digest}"
        found = cache.get(cache_key)
    except Exception:
        logger.warning("dashboard summary cache unavailable; counting live", exc_info=True)
        return compute()
    if found is not None:
        return found
    value = compute()
    try:
        cache.set(cache_key, value, ttl)
    except Exception:
        logger.warning("could not store dashboard summary %s", name, exc_info=True)
    return value
