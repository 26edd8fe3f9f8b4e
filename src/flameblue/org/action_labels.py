"""Readable names of permission actions (``app.model.verb``, e.g. ``org.person.reveal`` → “人员：查看完整身份证
号”) for the roles pages. The verbs' names are data (``org/rules/actions.yaml``, Chinese and English); the
model and app parts use the models' and apps' own verbose names."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from django.apps import apps
from django.utils.translation import get_language
from django.utils.translation import gettext as _

__all__ = ["action_label", "action_rows"]

ACTIONS_FILE = Path(__file__).resolve().parent / "rules" / "actions.yaml"


@cache
def _verbs() -> dict[str, dict[str, str]]:
    return yaml.safe_load(ACTIONS_FILE.read_text(encoding="utf-8"))["verbs"]


def _english() -> bool:
    return (get_language() or "").startswith("en")


def _verb(verb: str) -> str:
    names = _verbs().get(verb)
    if names is None:
        return verb
    return names.get("name_en") or names["name"] if _english() else names["name"]


def _subject(app_label: str, model: str) -> str:
    try:
        config = apps.get_app_config(app_label)
    except LookupError:
        return f"{app_label}.{model}"
    if model == "*":
        return _("%(app)s（全部）") % {"app": _(config.verbose_name)}
    try:
        return str(config.get_model(model)._meta.verbose_name)
    except LookupError:
        return f"{_(config.verbose_name)} · {model}"


def action_label(code: str) -> str:
    """``hazards.hazard.recheck`` → “火灾隐患：复查” (in the active language)."""
    parts = code.split(".")
    if len(parts) != 3:
        return code
    app_label, model, verb = parts
    return _("%(subject)s：%(verb)s") % {"subject": _subject(app_label, model), "verb": _verb(verb)}


def action_rows(codes: list[str]) -> list[tuple[str, str]]:
    """(label, code) pairs for a role's actions, in the role's order."""
    return [(action_label(code), code) for code in codes]
