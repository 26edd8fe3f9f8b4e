"""Test helpers: a new draft version of a loaded checklist, built the way the loader builds one."""

from __future__ import annotations

from flameblue.inspections.models import Checklist, ChecklistItem


def draft_version(source: Checklist, *, edition: str) -> Checklist:
    """A draft copy of ``source`` under a new edition, with the same items."""
    draft = Checklist.objects.create(
        code=source.code,
        edition=edition,
        title=source.title,
        place_type=source.place_type,
        kind=source.kind,
        effective_from=source.effective_from,
        source_file=f"{source.code}-{edition}.yaml",
        source_hash=f"test-{edition}",
    )
    ChecklistItem.objects.bulk_create(
        ChecklistItem(
            checklist=draft,
            code=item.code,
            order=item.order,
            section=item.section,
            text=item.text,
            legal_basis=item.legal_basis,
            default_grade=item.default_grade,
            gb35181_element=item.gb35181_element,
            measurement=item.measurement,
        )
        for item in source.items.all()
    )
    return draft
