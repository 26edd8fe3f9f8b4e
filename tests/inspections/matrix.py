"""Access-matrix cases for the checklist pages and API (see tests/matrix.py). Checklists are reference data
(global scope): nobody is out of jurisdiction, so the cases check anonymous, no permission and allowed."""

from __future__ import annotations

from flameblue.inspections.models import Checklist
from tests.inspections.helpers import draft_version
from tests.matrix import Case


def world(w) -> None:
    w.checklist = Checklist.objects.get(code="mall", edition="2026.1")
    w.draft_checklist = draft_version(w.checklist, edition="2026.2")


CASES = [
    Case("inspections:checklist-list", allowed="grid", no_permission="auditor"),
    Case("inspections:checklist-list", allowed="unit_manager", no_permission="sysadmin", query="kind=patrol"),
    Case(
        "inspections:checklist-detail",
        kwargs=lambda w: {"pk": w.checklist.pk},
        allowed="edu",
        no_permission="secadmin",
    ),
    Case(
        "inspections:checklist-publish",
        kwargs=lambda w: {"pk": w.draft_checklist.pk},
        method="post",
        data=lambda w: {"expected_version": w.draft_checklist.version},
        allowed="detachment",
        no_permission="qiaocheng",
        ok_status=(302,),
    ),
    Case("api:checklist-list", api=True, allowed="mengcheng", no_permission="auditor"),
    Case(
        "api:checklist-detail",
        kwargs=lambda w: {"pk": w.checklist.pk},
        api=True,
        allowed="grid",
        no_permission="outsider",
    ),
]
