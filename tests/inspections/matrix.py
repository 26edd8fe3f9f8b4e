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


# --- Inspections (检查记录) ---------------------------------------------------------------------------------
# The persona fixtures' school and mall get their units from the units matrix hook (which runs after this one),
# so the inspections are made on a shop of their own in 花戏楼街道.


def _jpeg():
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "blue").save(buffer, "JPEG")
    buffer.seek(0)
    buffer.name = "photo.jpg"
    return buffer


def _inspection_world(w) -> None:
    from flameblue.inspections.services import inspection_start, inspection_submit
    from flameblue.org.choices import OrgKind
    from tests.factories import org
    from tests.inspections.inspection_fixtures import answer_all
    from tests.units.factories import make_unit

    shop = make_unit(
        org("矩阵测试商店", OrgKind.SOCIAL_UNIT, "341602001", industry="commerce"), place_type_id="small_places"
    )
    w.insp_shop = shop
    w.insp_draft = inspection_start(kind="grid_patrol", unit=shop, by=w.people.grid)
    answer_all(w.insp_draft, w.people.grid)
    w.insp_item = w.insp_draft.checklist.items.order_by("order").first()
    w.insp_done = inspection_start(kind="grid_patrol", unit=shop, by=w.people.grid)
    answer_all(w.insp_done, w.people.grid, answers={w.insp_item.code: {"result": "fail", "note": "x"}})
    inspection_submit(inspection=w.insp_done, by=w.people.grid, inspector_name="a", unit_representative_name="b")


_checklist_world = world


def world(w) -> None:  # noqa: F811 - extends the checklist hook above
    _checklist_world(w)
    _inspection_world(w)


def _draft(w):
    return {"pk": w.insp_draft.pk}


def _done(w):
    return {"pk": w.insp_done.pk}


SIGNED = {"inspector_name": "王五", "unit_representative_name": "赵六"}

CASES += [
    Case("inspections:inspection-list", allowed="grid", no_permission="auditor"),
    Case("inspections:inspection-list", allowed="unit_manager", query="has_findings=yes", note="own unit only"),
    Case("inspections:inspection-new", allowed="grid", no_permission="city_leader", query="kind=grid_patrol"),
    Case(
        "inspections:inspection-new",
        method="post",
        data=lambda w: {"kind": "grid_patrol", "unit": w.insp_shop.pk},
        allowed="grid",
        no_permission="auditor",
        ok_status=(302,),
    ),
    Case(
        "inspections:inspection-detail",
        kwargs=_draft,
        allowed="grid",
        no_permission="auditor",
        out_of_scope="mengcheng",
    ),
    Case("inspections:inspection-detail", kwargs=_done, allowed="city_leader", out_of_scope="unit_manager"),
    Case(
        "inspections:inspection-docx",
        kwargs=_done,
        allowed="qiaocheng",
        no_permission="auditor",
        out_of_scope="mengcheng",
    ),
    Case(
        "inspections:inspection-form",
        kwargs=_draft,
        allowed="grid",
        no_permission="city_leader",
        out_of_scope="mengcheng",
    ),
    Case(
        "inspections:inspection-answer",
        kwargs=_draft,
        method="post",
        data=lambda w: {"item": w.insp_item.pk, "result": "na"},
        allowed="grid",
        no_permission="city_leader",
        out_of_scope="mengcheng",
    ),
    Case(
        "inspections:inspection-photo",
        kwargs=_draft,
        method="post",
        data=lambda w: {"item": w.insp_item.pk, "photo": _jpeg()},
        allowed="grid",
        no_permission="city_leader",
        out_of_scope="unit_manager",
    ),
    Case(
        "inspections:inspection-submit",
        kwargs=_draft,
        method="post",
        data=lambda w: SIGNED,
        allowed="grid",
        no_permission="city_leader",
        out_of_scope="mengcheng",
        ok_status=(302,),
    ),
    Case("api:inspection-list", api=True, allowed="grid", no_permission="auditor"),
    Case(
        "api:inspection-list",
        api=True,
        method="post",
        data=lambda w: {"kind": "grid_patrol", "unit": w.insp_shop.pk},
        allowed="grid",
        no_permission="city_leader",
        out_of_scope="mengcheng",
        ok_status=(201,),
    ),
    Case(
        "api:inspection-detail",
        kwargs=_done,
        api=True,
        allowed="qiaocheng",
        no_permission="auditor",
        out_of_scope="mengcheng",
    ),
    Case(
        "api:inspection-answers",
        kwargs=_draft,
        api=True,
        method="post",
        data=lambda w: {"item": w.insp_item.code, "result": "pass"},
        allowed="grid",
        no_permission="city_leader",
        out_of_scope="mengcheng",
    ),
    Case(
        "api:inspection-submit",
        kwargs=_draft,
        api=True,
        method="post",
        data=lambda w: {"inspector_signature_name": "王五", "unit_signature_name": "赵六"},
        allowed="grid",
        no_permission="city_leader",
        out_of_scope="mengcheng",
    ),
]
