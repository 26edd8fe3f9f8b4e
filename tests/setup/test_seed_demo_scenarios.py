"""``flameblue seed-demo --scenario bozhou-2019`` seeds only the apps taking part in the scenario, with the hook
each names, in the order of INSTALLED_APPS; an unknown scenario is refused with the names that exist; a run on
the demo (which includes the scenario) creates nothing."""

from __future__ import annotations

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError

from flameblue.core.models import AuditAction, AuditEvent
from flameblue.org.management.commands import seed_demo


def test_the_2019_scenario_takes_the_apps_the_summary_reads():
    assert "bozhou-2019" in seed_demo.scenario_names()
    hooks = dict(seed_demo.scenario_hooks("bozhou-2019"))
    assert {"org", "units", "hazards", "governance", "campaigns", "outreach", "events", "corps"} <= set(hooks)
    assert {"community", "integrity"} <= set(hooks) and "enforcement" not in hooks
    from flameblue.corps.demo import seed_bozhou_2019

    assert hooks["corps"] is seed_bozhou_2019  # 2019's incidents and honours, not the recent year
    order = [config.label for config in apps.get_app_configs()]
    labels = [label for label, _hook in seed_demo.scenario_hooks("bozhou-2019")]
    assert labels == sorted(labels, key=order.index)


def test_an_unknown_scenario_is_refused():
    with pytest.raises(CommandError, match="bozhou-2019"):
        call_command("seed_demo", "--scenario", "bozhou-1919", stdout=StringIO())


@pytest.mark.django_db
def test_the_command_runs_only_the_scenarios_hooks(monkeypatch):
    called: list[str] = []

    def hook(name):
        def run(stdout):
            called.append(name)
            return {"records": 2}

        return run

    monkeypatch.setattr(seed_demo, "scenario_names", lambda: ["bozhou-2019"])
    monkeypatch.setattr(seed_demo, "scenario_hooks", lambda name: iter([("org", hook(name))]))
    monkeypatch.setattr(seed_demo, "seed_hooks", lambda: iter([("org", hook("everything"))]))
    out = StringIO()
    call_command("seed_demo", "--scenario", "bozhou-2019", "--quiet-accounts", stdout=out)
    assert called == ["bozhou-2019"]
    event = AuditEvent.objects.filter(action=AuditAction.IMPORT, actor_name="seed-demo").latest("pk")
    assert event.changes == {"created": {"org.records": 2}, "scenario": "bozhou-2019"}
    assert "org.records 2" in out.getvalue()


@pytest.mark.django_db
def test_the_scenario_on_the_demo_creates_nothing(demo):
    out = StringIO()
    call_command("seed_demo", "--scenario", "bozhou-2019", "--quiet-accounts", stdout=out)
    assert "无新增" in out.getvalue()
