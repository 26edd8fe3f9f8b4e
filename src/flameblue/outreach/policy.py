"""The rule data of the outreach app, read from ``rules/terms.yaml``: training types, rules taught, audience
types, publicity drive types, the 七进 targets and the kinds of education bases, loaded into
:class:`~flameblue.outreach.models.Term` rows by a data migration and by ``flameblue load-reference-data``.
The file is checked as it is read; a bad file fails loudly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from django.db import transaction

from flameblue.outreach.choices import TermKind

__all__ = ["RULES", "load_terms", "load_terms_reference", "term_rows"]

RULES = Path(__file__).resolve().parent / "rules"
FLAGS = ("official", "needs_target", "group")


def term_rows() -> tuple[str, list[dict[str, Any]]]:
    """(version, rows) of ``terms.yaml``: every kind present, codes unique per kind, every term named."""
    data = yaml.safe_load((RULES / "terms.yaml").read_text(encoding="utf-8"))
    rows: list[dict[str, Any]] = []
    for kind in TermKind.values:
        terms = list(data.get(kind) or [])
        codes = [t.get("code") for t in terms]
        if not terms or len(set(codes)) != len(codes) or not all(codes):
            raise ValueError(f"terms.yaml: {kind} must be present with unique codes")
        if any(not t.get("name") for t in terms):
            raise ValueError(f"terms.yaml: every {kind} needs a name")
        rows += [{**t, "kind": kind, "order": n} for n, t in enumerate(terms, start=1)]
    return str(data["version"]), rows


@transaction.atomic
def load_terms(model=None) -> int:
    """Create or refresh the terms of the file (a term dropped from it is deactivated, never deleted:
    records point to it). Returns how many rows were created or changed."""
    if model is None:
        from flameblue.outreach.models import Term as model  # noqa: N813
    version, rows = term_rows()
    changed = 0
    for row in rows:
        values = {"name": row["name"], "name_en": row.get("name_en", ""), "order": row["order"],
                  "version": version, "active": True, "flags": {k: row[k] for k in FLAGS if k in row}}  # fmt: skip
        obj, created = model.objects.get_or_create(kind=row["kind"], code=row["code"], defaults=values)
        if not created and any(getattr(obj, k) != v for k, v in values.items()):
            model.objects.filter(pk=obj.pk).update(**values)
            changed += 1
        changed += int(created)
    keep = {(r["kind"], r["code"]) for r in rows}
    stale = [
        pk for pk, kind, code in model.objects.values_list("pk", "kind", "code") if (kind, code) not in keep
    ]
    model.objects.filter(pk__in=stale).update(active=False)
    return changed


def load_terms_reference(**options: Any) -> str:
    """The ``load-reference-data`` step for the outreach terms (registered in ``OutreachConfig.ready()``)."""
    return f"培训与宣传分类 outreach terms: {load_terms()} loaded"
