"""`flameblue sweep` runs every app's registered overdue job, in order, as of the day asked."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from flameblue.core import sweep as registry


def test_the_apps_register_their_sweep_jobs_in_order():
    assert [job.key for job in registry.sweep_jobs()] == [
        "hazards",
        "action_items",
        "situation_analyses",
        # the clocks of 《消防监督检查规定》第十九条、第二十一条
        "order120.major_notice",
        "order120.notice",
        "order120.opinion",
        "enforcement",
        "campaigns",
        "corps_actions",
        "supervision_findings",
        "integrity_clues",
        "community_opinions",
        "unit_imports",
    ]


@pytest.mark.django_db
def test_the_command_runs_each_job_for_the_given_day():
    out = StringIO()
    call_command("sweep", "--today", "2026-03-02", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("[hazards] sweep 2026-03-02")
    assert lines[1].startswith("[action_items] action-item sweep 2026-03-02")
    assert lines[2].startswith("[situation_analyses] situation-analysis sweep 2026-03-02")
    assert lines[4].startswith("[order120.notice] notice 2026-03-02")


@pytest.mark.django_db
def test_only_runs_one_job_and_an_unknown_job_is_refused(monkeypatch):
    seen = []

    class Result:
        def summary(self):
            return "ok"

    monkeypatch.setattr(registry, "_JOBS", dict(registry._JOBS))
    registry.register_sweep_job("probe", lambda today: seen.append(today) or Result(), order=99)
    out = StringIO()
    call_command("sweep", "--only", "probe", "--today", "2026-05-06", stdout=out)
    assert seen == [dt.date(2026, 5, 6)] and out.getvalue().strip() == "[probe] ok"
    with pytest.raises(CommandError, match="没有名为"):
        call_command("sweep", "--only", "nothing")
