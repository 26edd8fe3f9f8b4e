"""Access-matrix cases for the campaign pages and API (see tests/matrix.py). Built lazily once every app's
world hook has run: a residential estate in 花戏楼街道, a campaign of the 谯城区 brigade in preparation and
one launched over the estate (the units hook's mall is added to it by the add-target case)."""

from __future__ import annotations

from types import SimpleNamespace

from flameblue.campaigns import services
from tests.campaigns.conftest import END, START, estate, prepare
from tests.matrix import Case


def world(w) -> None:
    w.campaigns = SimpleNamespace()


def _c(w) -> SimpleNamespace:
    c = w.campaigns
    if not hasattr(c, "draft"):
        estate("兰亭小区")
        c.draft = prepare(w.orgs.qiaocheng_brigade, None, name="筹备中的整治")
        c.launched = services.campaign_launch(campaign=prepare(w.orgs.qiaocheng_brigade, None), by=None)
    return c


def pk(name: str):
    return lambda w: {"pk": getattr(_c(w), name).pk}


def target(w):
    c = _c(w)
    return {"pk": c.launched.pk, "target_pk": c.launched.targets.get().pk}


def version(name: str):
    return lambda w: {"version": getattr(_c(w), name).version}


def assignment(w):
    _c(w)
    return {"assignee": w.orgs.huaxilou_gov.pk, "task": "入户排查"}


def added_target(w):
    _c(w)
    return {"unit": w.units.mall.pk, "reason": "地下车库充电"}


def create(w):
    return {"name": "电动自行车专项整治", "level": "county", "organiser": w.orgs.qiaocheng_brigade.pk,
            "starts_on": str(START), "ends_on": str(END), "place_types": ["high_rise"]}  # fmt: skip


def create_page(w):
    return {**create(w), "phases": "", "target_checked": 0, "target_rectified": 0}


def edit_page(w):
    data = create_page(w)
    del data["organiser"]
    return {**data, "version": _c(w).draft.version}


POST = {"method": "post", "ok_status": (302,)}
API_POST = {"method": "post", "api": True, "ok_status": (200, 201)}
VIEW = {"allowed": "qiaocheng", "out_of_scope": "mengcheng", "no_permission": "auditor"}
ACT = {"allowed": "qiaocheng", "out_of_scope": "mengcheng", "no_permission": "grid"}

CASES = [
    # Pages
    Case("campaigns:campaign-list", allowed="grid", no_permission="auditor", query="status=launched"),
    Case("campaigns:campaign-export", allowed="qiaocheng", no_permission="auditor"),
    Case("campaigns:campaign-create", allowed="qiaocheng", no_permission="grid"),
    Case("campaigns:campaign-create", data=create_page, allowed="qiaocheng", no_permission="grid", **POST),
    Case("campaigns:campaign-detail", kwargs=pk("launched"), **VIEW),
    Case("campaigns:campaign-detail", kwargs=pk("launched"), allowed="grid", note="a township sees it"),
    Case("campaigns:campaign-edit", kwargs=pk("draft"), **ACT),
    Case("campaigns:campaign-edit", kwargs=pk("draft"), data=edit_page, **ACT, **POST),
    Case("campaigns:campaign-launch", kwargs=pk("draft"), data=version("draft"), **ACT, **POST),
    Case("campaigns:campaign-close", kwargs=pk("launched"), data=version("launched"), **ACT, **POST),
    Case("campaigns:assignment-add", kwargs=pk("draft"), data=assignment, **ACT, **POST),
    Case("campaigns:target-add", kwargs=pk("launched"), data=added_target, **ACT, **POST),
    Case("campaigns:campaign-weekly-report", kwargs=pk("launched"), **VIEW),
    Case("campaigns:campaign-weekly-report-docx", kwargs=pk("launched"), **VIEW),
    Case("campaigns:target-inspect", kwargs=target, data={}, **VIEW, **POST),
    Case("campaigns:target-record", kwargs=target, **VIEW),
    Case("campaigns:target-record", kwargs=target, data={}, **VIEW, **POST),
    # API
    Case("api:campaigns-campaign-list", api=True, allowed="edu", no_permission="auditor"),
    Case("api:campaigns-campaign-list", data=create, allowed="qiaocheng", no_permission="grid", **API_POST),
    Case("api:campaigns-campaign-detail", kwargs=pk("launched"), api=True, **VIEW),
    Case("api:campaigns-campaign-progress", kwargs=pk("launched"), api=True, **VIEW),
    Case("api:campaigns-campaign-launch", kwargs=pk("draft"), data=version("draft"), **ACT, **API_POST),
    Case("api:campaigns-campaign-close", kwargs=pk("launched"), data=version("launched"), **ACT, **API_POST),
    Case("api:campaigns-campaign-assignments", kwargs=pk("draft"), data=assignment, **ACT, **API_POST),
    Case("api:campaigns-campaign-targets", kwargs=pk("launched"), data=added_target, **ACT, **API_POST),
    Case("api:campaigns-target-list", api=True, allowed="unit_manager", no_permission="auditor"),
    Case(
        "api:campaigns-target-record",
        kwargs=lambda w: {"pk": _c(w).launched.targets.get().pk},
        data=lambda w: {"facts": {}},
        **VIEW,
        **API_POST,
    ),  # fmt: skip
    Case(
        "api:campaigns-target-inspect",
        kwargs=lambda w: {"pk": _c(w).launched.targets.get().pk},
        data={},
        **VIEW,
        **API_POST,
    ),  # fmt: skip
    Case(
        "api:campaigns-target-detail",
        kwargs=lambda w: {"pk": _c(w).launched.targets.get().pk},
        api=True,
        **VIEW,
    ),
]
