"""Part A's demo, seeded with the corps demo as of 2026-12-04: transfers in 2019 and this year with their
postings, status changes, rotations for 2019 and this year in every state, and objections on the
published months; a person's page shows them."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.urls import reverse

from flameblue.corps import demo
from flameblue.corps.models import RosterEntry
from flameblue.corps.objections.models import Objection
from flameblue.corps.staffing.models import Posting, Rotation
from tests.dates import frozen_on

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive, frozen_on(dt.date(2026, 12, 4))]


def test_demo_seeds_transfers_rotations_and_objections(orgs, corps, people, login):
    RosterEntry.objects.all().delete()
    out = io.StringIO()
    created = demo.seed(out)
    assert created["transfers"] == 5 and "驻训培育 6 人次" in out.getvalue()
    assert Posting.objects.filter(started_on=dt.date(2019, 7, 1)).count() == 3
    assert Posting.objects.filter(started_on__year=2026, ended_on__isnull=True).count() == 2
    years = sorted(Rotation.objects.exclude(starts_on=None).values_list("starts_on__year", flat=True))
    assert years[:2] == [2019, 2019] and 2026 in years
    assert set(Rotation.objects.values_list("status", flat=True)) == {
        "evaluated",
        "approved",
        "nominated",
        "refused",
    }
    assert set(Objection.objects.values_list("status", flat=True)) == {"filed", "upheld", "rejected"}
    assert RosterEntry.objects.filter(status__in=["training", "leave"]).count() == 2

    moved = Posting.objects.filter(started_on=dt.date(2019, 7, 1)).first().entry
    page = login(people.detachment).get(reverse("corps:roster-detail", args=[moved.pk])).content.decode()
    assert "2019-07-01" in page and "2019年度干部战士交流任职" in page
