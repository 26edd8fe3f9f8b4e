"""Access-matrix cases for the checklist pages and API (see tests/matrix.py). Checklists are reference data
(global scope): nobody is out of jurisdiction, so the cases check anonymous, no permission and allowed."""

from __future__ import annotations

from flameblue.inspections.models import Checklist
from tests.inspections.helpers import draft_version
from tests.matrix import Case


def world(w) -> None:
    w.checklist = Checklist.objects.get(code="mall", edition="2026.1")
    w.draft_checklist = draft_version(w.checklist, edition="2026.9")


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
        org("矩阵测试商店", OrgKind.SOCIAL_UNIT, "341602001", industry="commerce"),
        place_type_id="small_places",
    )
    w.insp_shop = shop
    w.insp_draft = inspection_start(kind="grid_patrol", unit=shop, by=w.people.grid)
    answer_all(w.insp_draft, w.people.grid)
    w.insp_item = w.insp_draft.checklist.items.order_by("order").first()
    w.insp_done = inspection_start(kind="grid_patrol", unit=shop, by=w.people.grid)
    answer_all(w.insp_done, w.people.grid, answers={w.insp_item.code: {"result": "fail", "note": "x"}})
    inspection_submit(
        inspection=w.insp_done, by=w.people.grid, inspector_name="a", unit_representative_name="b"
    )


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
    Case(
        "inspections:inspection-list", allowed="unit_manager", query="has_findings=yes", note="own unit only"
    ),
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


# --- Planning (到期清单、检查计划、双随机抽查、利益冲突、自查落实情况、公开页面) -----------------------------------


def _planning_world(w) -> None:
    from flameblue.inspections.planning.conflicts import conflict_declare
    from flameblue.inspections.planning.draws import draw_create, draw_execute, draw_publish
    from flameblue.inspections.planning.services import PlanEntry, plan_create, supervision_due_refresh
    from flameblue.org.choices import OrgKind
    from tests.factories import org, persona
    from tests.units.factories import make_unit

    def unit(name, region):
        return make_unit(
            org(name, OrgKind.SOCIAL_UNIT, region, industry="commerce"), category="shop", is_key_unit=True
        )

    w.plan_unit = unit("矩阵计划商场", "341602001")
    w.plan_unit_mc = unit("矩阵蒙城商场", "341622101")
    supervision_due_refresh()
    qc, mc = w.orgs.qiaocheng_brigade, w.orgs.mengcheng_brigade
    # 《消防监督检查规定》第十四条: two inspectors per planned or drawn unit, so the brigade needs colleagues.
    colleague = persona("qc_matrix_colleague", qc, "brigade_inspector")
    persona("qc_matrix_colleague2", qc, "brigade_inspector")
    w.plan = plan_create(
        brigade=qc, title="矩阵计划", starts_on=w.plan_unit.created_at.date(), ends_on=w.plan_unit.created_at.date(),
        entries=[PlanEntry(unit=w.plan_unit, planned_on=w.plan_unit.created_at.date(), inspectors=[w.people.qiaocheng, colleague])],
        by=None,
    )  # fmt: skip

    def draw(title, **kw):
        return draw_create(brigade=qc, title=title, pool_filter={"township": "341602001"}, unit_count=1,
                           inspectors_per_unit=2, inspector_pool=None, by=None, **kw)  # fmt: skip

    w.draw_draft = draw("矩阵待抽取")
    w.draw_drawn = draw_execute(draw=draw("矩阵已抽取"), by=None, seed="m1")
    w.draw_published = draw_publish(draw=draw_execute(draw=draw("矩阵已公开"), by=None, seed="m2"), by=None)
    conflict_declare(person=w.people.qiaocheng.person, unit=w.plan_unit, reason="矩阵", by=None)
    del mc


_before_planning_world = world


def world(w) -> None:  # noqa: F811 - extends the hooks above
    _before_planning_world(w)
    _planning_world(w)


def _pk(attr):
    return lambda w: {"pk": getattr(w, attr).pk}


CASES += [
    Case("inspections:due-list", allowed="qiaocheng", no_permission="auditor"),
    Case("inspections:due-list", allowed="city_leader", query="overdue=true&key_units=true"),
    Case("inspections:plan-list", allowed="qiaocheng", no_permission="grid"),
    Case(
        "inspections:plan-detail",
        kwargs=_pk("plan"),
        allowed="qiaocheng",
        no_permission="grid",
        out_of_scope="mengcheng",
    ),
    Case("inspections:plan-create", allowed="qiaocheng", no_permission="city_leader"),
    Case("inspections:draw-list", allowed="city_leader", no_permission="grid"),
    Case("inspections:draw-create", allowed="qiaocheng", no_permission="city_leader"),
    Case(
        "inspections:draw-detail",
        kwargs=_pk("draw_drawn"),
        allowed="qiaocheng",
        no_permission="grid",
        out_of_scope="mengcheng",
    ),  # fmt: skip
    Case(
        "inspections:draw-execute",
        kwargs=_pk("draw_draft"),
        method="post",
        allowed="qiaocheng",
        no_permission="city_leader",
        out_of_scope="mengcheng",
        ok_status=(302,),
    ),  # fmt: skip
    Case(
        "inspections:draw-verify",
        kwargs=_pk("draw_drawn"),
        method="post",
        allowed="city_leader",
        no_permission="grid",
        out_of_scope="mengcheng",
        ok_status=(302,),
    ),  # fmt: skip
    Case(
        "inspections:draw-publish",
        kwargs=_pk("draw_drawn"),
        method="post",
        allowed="qiaocheng",
        no_permission="city_leader",
        out_of_scope="mengcheng",
        ok_status=(302,),
    ),  # fmt: skip
    Case("inspections:conflict-list", allowed="qiaocheng", no_permission="grid"),
    Case("inspections:conflict-create", allowed="qiaocheng", no_permission="city_leader"),
    Case("inspections:compliance", allowed="grid", no_permission="auditor"),
    Case("inspections:compliance", allowed="edu", query="group=industry&start=2026-01-01&end=2026-03-31"),
    Case("inspections:compliance-units", allowed="edu", no_permission="auditor", query="region=341602001"),
    Case(
        "inspections:compliance-unit",
        kwargs=_pk("plan_unit"),
        allowed="grid",
        no_permission="auditor",
        out_of_scope="mengcheng",
    ),  # fmt: skip
    Case("portal-draws:draw-list", public=True, allowed="outsider"),
    Case("portal-draws:draw-detail", kwargs=_pk("draw_published"), public=True, allowed="outsider"),
    Case("api:supervisiondue-list", api=True, allowed="qiaocheng", no_permission="auditor"),
    Case(
        "api:supervisiondue-detail",
        api=True,
        allowed="qiaocheng",
        no_permission="auditor",
        out_of_scope="mengcheng",
        kwargs=lambda w: {"pk": w.plan_unit.supervision_due.pk},
    ),  # fmt: skip
    Case("api:inspectionplan-list", api=True, allowed="qiaocheng", no_permission="grid"),
    Case(
        "api:inspectionplan-detail",
        kwargs=_pk("plan"),
        api=True,
        allowed="qiaocheng",
        no_permission="grid",
        out_of_scope="mengcheng",
    ),  # fmt: skip
    Case("api:draw-list", api=True, allowed="city_leader", no_permission="grid"),
    Case(
        "api:draw-detail",
        kwargs=_pk("draw_drawn"),
        api=True,
        allowed="qiaocheng",
        no_permission="grid",
        out_of_scope="mengcheng",
    ),  # fmt: skip
]
