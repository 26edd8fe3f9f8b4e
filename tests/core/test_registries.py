"""The registries core offers the apps: home-page panels and homes, reference-data loaders. The apps fill
them at ``ready()``; core's pages read them in order."""

from __future__ import annotations

from flameblue.core.dashboard import DEFAULT_HOME, homes, panels_for
from flameblue.core.reference_data import reference_loaders


def _keys(home_keys: list[str]) -> list[str]:
    return [panel.key for panel in panels_for(home_keys)]


def test_each_home_shows_its_registered_panels_in_order():
    assert _keys(["command"]) == [
        "undelivered",
        "command",
        "work_queue",
        "governance_responsibility",
        "inbox",
        "enforcement_clocks",
        "campaigns_running",
        "corps_assessment",
        "figures",
    ]
    assert _keys(["admin"]) == ["undelivered", "admin", "inbox", "counts"]
    assert _keys(["inspector"]) == [
        "work_queue", "inbox", "jurisdiction", "enforcement_clocks", "campaigns_running", "counts", "corps_assessment",
        "figures",
    ]  # fmt: skip
    assert _keys(["government"]) == [
        "government", "hazard_overview", "governance_responsibility", "inbox", "jurisdiction", "campaigns_running",
        "figures",
    ]  # fmt: skip
    assert _keys(["unit"]) == ["my_units", "unit", "inbox"]
    assert _keys(["audit"]) == ["audit", "inbox"]


def test_a_role_with_an_unregistered_home_gets_the_default_panels():
    assert _keys(["no-such-home"]) == _keys([DEFAULT_HOME]) == ["inbox", "jurisdiction", "counts"]


def test_the_apps_register_every_home_a_role_may_name():
    assert list(homes()) == [
        "command", "inspector", "station", "corps", "government", "grid", "department", "unit", "admin", "audit",
    ]  # fmt: skip


def test_reference_data_loads_regions_then_industries_then_roles():
    assert [loader.key for loader in reference_loaders()][:3] == ["regions", "industries", "roles"]


def test_several_homes_show_the_first_homes_panels_then_what_the_next_adds():
    assert _keys(["government", "grid"]) == [
        "government", "hazard_overview", "governance_responsibility", "inbox", "jurisdiction", "campaigns_running",
        "figures", "grid",
    ]  # fmt: skip
    assert _keys(["audit", "inspector"]) == [
        "audit", "inbox", "work_queue", "jurisdiction", "enforcement_clocks", "campaigns_running", "counts",
        "corps_assessment", "figures",
    ]  # fmt: skip


def test_every_registered_menu_entry_names_a_real_page_and_model_grouped_in_order():
    from django.apps import apps
    from django.urls import reverse

    from flameblue.core.navigation import GROUPS, menu_items

    items = menu_items()
    for item in items:
        reverse(item.url_name)
        apps.get_model(item.model)
    ranks = [[str(g) for g in GROUPS].index(str(item.group)) for item in items]
    assert ranks == sorted(ranks)
    assert {"geo:region-list", "hazards:hazard-list", "governance:actionitem-list", "core:audit-list"} <= {
        item.url_name for item in items
    }
