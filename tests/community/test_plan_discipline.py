"""年有计划、季有安排、月有内容: what is due by today and missing is computed per pairing; the political
office sees it on the heat map and the due list, a station fills the gap and it disappears."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from flameblue.community import services
from flameblue.community.models import Activity, Partner
from flameblue.community.selectors import brigade_compliance, plan_discipline
from tests.community.conftest import TODAY, kind
from tests.dates import frozen_on

pytestmark = [pytest.mark.date_sensitive, frozen_on(TODAY)]


def _full_plan(partner, *, skip_quarter=None):
    plan = services.plan_create(by=None, partner=partner, year=2026, goals="国防教育进校园")
    for q in (1, 2):
        if q != skip_quarter:
            services.quarter_arrange(by=None, plan=plan, quarter=q, content=f"第{q}季度安排")
    for m in range(1, 6):
        item = services.monthly_content_add(
            by=None, plan=plan, month=m, activity_type=kind("fire_publicity"), content="消防宣传"
        )
        if m < 5:
            services.activity_record(
                by=None, partner=partner, plan_item=item, activity_type=kind("fire_publicity"), title="宣传",
                held_on=dt.date(2026, m, 10), place="学校",
            )  # fmt: skip
    return plan


def _row(partner, year=2026):
    return next(r for r in plan_discipline(Partner.objects.all(), year, TODAY) if r.partner == partner)


def test_pairing_without_plan_is_flagged_for_every_due_month(world):
    row = _row(world.partner)
    assert row.missing_plan and not row.compliant
    assert row.months_without_activity == [1, 2, 3, 4]
    assert [c.state for c in row.cells[:6]] == ["no_plan"] * 5 + ["not_due"]


def test_complete_plan_with_activities_up_to_last_month_is_compliant(world):
    _full_plan(world.partner)
    row = _row(world.partner)
    assert row.compliant
    assert [c.state for c in row.cells[:6]] == ["ok"] * 5 + ["not_due"]


def test_missing_quarter_month_content_and_activity_are_each_flagged(world):
    plan = _full_plan(world.partner, skip_quarter=2)
    Activity.objects.filter(held_on__month__in=[3, 4]).delete()
    plan.months.filter(month=3).delete()
    row = _row(world.partner)
    assert row.missing_quarters == [2]
    assert row.months_without_content == [3]
    assert row.months_without_activity == [3, 4]
    assert row.cells[2].state == "no_content" and row.cells[3].state == "no_activity"


def test_a_past_year_is_due_in_full(world):
    plan = services.plan_create(by=None, partner=world.partner, year=2025, goals="全年计划")
    services.quarter_arrange(by=None, plan=plan, quarter=1, content="安排")
    row = _row(world.partner, 2025)
    assert row.missing_quarters == [2, 3, 4]
    assert row.months_without_content == list(range(1, 13))


def test_compliance_rate_per_brigade(world):
    _full_plan(world.partner)
    rates = {
        b.brigade: b.rate for b in brigade_compliance(plan_discipline(Partner.objects.all(), 2026, TODAY))
    }
    assert rates == {"谯城区消防救援大队": 100.0, "蒙城县消防救援大队": 0.0}


def test_political_office_sees_missing_quarter_and_station_fills_it(world, client):
    plan = _full_plan(world.partner, skip_quarter=2)
    client.force_login(world.people.political)
    page = client.get(reverse("community:plan-discipline")).content.decode()
    assert "亳州市第一中学" in page and "缺少季度安排：第2季度" in page

    client.force_login(world.people.station)
    response = client.post(
        reverse("community:plan-quarter-add", args=[plan.pk]), {"quarter": 2, "content": "五月国防教育"}
    )
    assert response.status_code == 302

    client.force_login(world.people.political)
    page = client.get(reverse("community:plan-discipline")).content.decode()
    assert "缺少季度安排" not in page
    assert "没有待补齐的事项" not in page  # the Mengcheng pairing still has no plan


def test_station_sees_only_its_own_pairings(world, client):
    client.force_login(world.people.station)
    page = client.get(reverse("community:plan-discipline")).content.decode()
    assert "亳州市第一中学" in page and "蒙城县城关社区" not in page


def test_second_plan_for_the_same_year_is_refused(world, client):
    services.plan_create(by=None, partner=world.partner, year=2026, goals="计划")
    client.force_login(world.people.station)
    response = client.post(
        reverse("community:plan-create", args=[world.partner.pk]), {"year": 2026, "goals": "又一份"}
    )
    assert response.status_code == 400
    assert "2026 年度计划已经制定" in response.content.decode()
