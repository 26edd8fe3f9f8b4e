"""The corps demo seed on the persona detachment's stations, as of 2026-12-04: a roster for each station,
three published months and this month's open assessment; public pages show the rankings; a second run
changes nothing."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.urls import reverse

from flameblue.corps import demo
from flameblue.corps.models import AssessmentPlan, RosterEntry
from tests.dates import frozen_on

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive, frozen_on(dt.date(2026, 12, 4))]


def test_demo_seeds_rosters_and_published_months_once(orgs, corps, client):
    RosterEntry.objects.all().delete()
    out = io.StringIO()
    created = demo.seed(out)
    assert created["roster"] == 3 * 8 and created["plans"] == 4 and "月度考核" in out.getvalue()
    published = AssessmentPlan.objects.filter(status="published").order_by("month")
    assert [p.month for p in published] == [dt.date(2026, 9, 1), dt.date(2026, 10, 1), dt.date(2026, 11, 1)]
    assert AssessmentPlan.objects.get(month=dt.date(2026, 12, 1)).status == "draft"
    page = client.get(reverse("corps:public-plan-detail", args=[published.last().pk])).content.decode()
    assert "谯城区新城消防救援站" in page and "3000米跑" in page

    assert demo.seed(io.StringIO()) == {}
    assert RosterEntry.objects.count() == 24
