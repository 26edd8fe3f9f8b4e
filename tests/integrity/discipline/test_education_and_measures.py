"""Warning education with its roster, public 述职述廉 with the audience's rating, and the ten service measures
loaded from the data file with a status each (a stale edit is refused)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from flameblue.core.errors import ConcurrencyError
from flameblue.integrity.discipline import services
from flameblue.integrity.discipline.policy import measures_in_force
from tests.dates import frozen_on

pytestmark = [pytest.mark.date_sensitive, frozen_on(dt.date(2026, 5, 20))]


def test_a_warning_session_keeps_its_roster(login, orgs, people, integrity_world):
    session = services.warning_session_record(
        by=integrity_world.political, kind="film", title="观看警示教育片《迷失的初心》", held_on=dt.date(2026, 5, 8),
        organization=orgs.qiaocheng_brigade, attendees=[people.qiaocheng.person, people.mengcheng.person],
    )  # fmt: skip
    page = login(integrity_world.political).get(reverse("integrity:session-detail", args=[session.pk]))
    text = page.content.decode()
    assert people.qiaocheng.person.name in text and people.mengcheng.person.name in text
    with pytest.raises(ValidationError):
        services.warning_session_record(
            by=integrity_world.political, kind="talk", title="讲座", held_on=dt.date(2026, 5, 8),
            organization=orgs.qiaocheng_brigade, attendees=[],
        )  # fmt: skip


def test_a_public_integrity_report_records_audience_and_rating(people, integrity_world):
    report = services.integrity_report_record(
        by=integrity_world.political, person=people.qiaocheng.person, held_on=dt.date(2026, 5, 12),
        audience="服务对象、社会单位代表", audience_size=25, rating="excellent",
    )  # fmt: skip
    assert report.get_rating_display() == "好" and report.organization.name == "谯城区消防救援大队"


def test_the_ten_measures_come_from_the_data_file_and_take_a_status(login, integrity_world):
    measures = list(measures_in_force())
    assert len(measures) == 10 and measures[0].code == "M01"
    first = measures[0]
    services.measure_update(
        measure=first, by=integrity_world.political, status="done", progress="已全面推行", expected_version=1
    )
    with pytest.raises(ConcurrencyError):
        services.measure_update(
            measure=first, by=integrity_world.political, status="active", expected_version=1
        )
    page = login(integrity_world.political).get(reverse("integrity:measure-list")).content.decode()
    assert "已全面推行" in page and "已落实" in page
