"""Access-matrix cases for the unit registry (see tests/matrix.py). Other unit pages (import, export, QR)
append their cases to CASES at the end of this file."""

from __future__ import annotations

from types import SimpleNamespace

from django.utils import timezone

from flameblue.units.models import KeyUnitDeclaration
from tests.matrix import Case
from tests.units.factories import make_unit

#: A year whose declaration deadline has passed (the rollover may run).
LAST_YEAR = timezone.localdate().year - 1


def world(w) -> None:
    w.units = SimpleNamespace(
        school=make_unit(w.orgs.school, category="school", dormitory_beds=120),
        mall=make_unit(w.orgs.mall, category="shop", building_area_m2=5000, sells_combustibles=True),
        hospital=make_unit(w.orgs.mengcheng_hospital, category="hospital", inpatient_beds=300),
    )
    w.units.declaration = KeyUnitDeclaration.objects.create(unit=w.units.school, year=LAST_YEAR)


def _mall(w):
    return {"pk": w.units.mall.pk}


def _school(w):
    return {"pk": w.units.school.pk}


CASES = [
    # Pages
    Case("units:unit-list", allowed="qiaocheng", no_permission="auditor"),
    Case("units:unit-list", allowed="unit_manager", note="a unit manager lists only their own unit"),
    Case(
        "units:unit-detail",
        kwargs=_mall,
        allowed="qiaocheng",
        no_permission="auditor",
        out_of_scope="mengcheng",
    ),
    Case(
        "units:unit-detail",
        kwargs=_mall,
        allowed="grid",
        out_of_scope="edu",
        note="edu sees schools, not malls",
    ),
    Case("units:unit-detail", kwargs=_school, allowed="unit_manager", out_of_scope="mengcheng"),
    Case("units:unit-create", allowed="qiaocheng", no_permission="edu"),
    Case(
        "units:unit-update", kwargs=_mall, allowed="qiaocheng", no_permission="edu", out_of_scope="mengcheng"
    ),
    Case("units:unit-update", kwargs=_school, allowed="unit_manager", no_permission="grid"),
    Case("units:unit-update", kwargs=_mall, out_of_scope="unit_manager"),
    Case(
        "units:unit-key-decision",
        kwargs=_mall,
        method="post",
        data=lambda w: {"decision": "confirm", "reason": "", "version": w.units.mall.version},
        allowed="qiaocheng",
        no_permission="edu",
        out_of_scope="mengcheng",
        ok_status=(302,),
    ),
    Case("units:declaration-list", allowed="qiaocheng", no_permission="auditor"),
    Case(
        "units:declaration-create",
        kwargs=_school,
        allowed="unit_manager",
        no_permission="edu",
        out_of_scope="mengcheng",
    ),
    # API
    Case("api:unit-list", api=True, allowed="qiaocheng", no_permission="auditor"),
    Case(
        "api:unit-detail",
        kwargs=_mall,
        api=True,
        allowed="qiaocheng",
        no_permission="auditor",
        out_of_scope="mengcheng",
    ),
    Case(
        "api:unit-list",
        method="post",
        api=True,
        data=lambda w: {"name": "矩阵测试超市", "region": "341602001", "category": "shop"},
        allowed="qiaocheng",
        no_permission="edu",
        ok_status=(201,),
    ),
    Case(
        "api:unit-detail",
        kwargs=_mall,
        method="patch",
        api=True,
        data=lambda w: {"address": "矩阵测试地址", "version": w.units.mall.version},
        allowed="qiaocheng",
        no_permission="edu",
        out_of_scope="mengcheng",
    ),
    Case("api:place-type-list", api=True, allowed="unit_manager", no_permission="auditor"),
    Case(
        "api:place-type-detail",
        kwargs=lambda w: {"pk": "mall"},
        api=True,
        allowed="qiaocheng",
        no_permission="auditor",
    ),
    Case("api:risk-tag-list", api=True, allowed="edu", no_permission="auditor"),
    Case(
        "api:risk-tag-detail",
        kwargs=lambda w: {"pk": "high_rise"},
        api=True,
        allowed="grid",
        no_permission="auditor",
    ),
]

# Declaration actions and maps (issue 3 follow-up).
CASES += [
    Case(
        "units:declaration-accept",
        kwargs=lambda w: {"pk": w.units.declaration.pk},
        method="post",
        allowed="qiaocheng",
        no_permission="unit_manager",
        out_of_scope="mengcheng",
        ok_status=(302,),
        note="a unit manager may not accept their own declaration",
    ),
    Case(
        "units:declaration-rollover",
        method="post",
        data=lambda w: {"year": LAST_YEAR},
        allowed="qiaocheng",
        no_permission="edu",
    ),
    Case("units:unit-map", allowed="qiaocheng", no_permission="auditor"),
    Case("units:unit-map-data", allowed="unit_manager", no_permission="auditor"),
    Case(
        "units:unit-map-data",
        data=lambda w: {"around": w.units.mall.pk},
        allowed="grid",
        no_permission="auditor",
        out_of_scope="mengcheng",
        note="the units around one unit: 404 when that unit is out of scope",
    ),
]
