"""Honours: individual, collective and activity honours with their level; the year's counts the annual
report quotes ("N名同志荣立个人三等功，M名指战员受到总队级以上表彰") come from the records; the roll by station."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from flameblue.core.errors import DomainError
from flameblue.corps.honours import services
from flameblue.corps.honours.models import Honour
from flameblue.corps.honours.selectors import honour_summary
from tests.corps.subdomains import pdf
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def _individual(person, grade="commendation", level="corps", day=dt.date(2019, 6, 1)):
    return services.honour_create(by=None, data={
        "category": "individual", "grade": grade, "title": "嘉奖", "level": level, "issuer": "总队",
        "awarded_on": day, "person": person,
    })  # fmt: skip


def test_the_years_sentence_counts_people_from_the_records(cw):
    second = PersonFactory(organization=cw.station, name="钱亮")
    _individual(second, grade="merit_3")
    _individual(second)  # the same person twice: counted once
    _individual(cw.firefighter, level="ministry")
    _individual(PersonFactory(organization=cw.station), level="detachment")  # below 总队: not counted
    _individual(PersonFactory(organization=cw.station), day=dt.date(2020, 1, 2))  # another year
    summary = honour_summary(year=2019)
    assert summary.sentence() == "2名同志荣立个人三等功，2名指战员受到总队级以上表彰"
    assert [row[1] for row in summary.collective] == ["标兵站（中队）"]


def test_a_grade_that_does_not_fit_the_category_is_refused(cw):
    with pytest.raises(DomainError, match="表彰种类与类别不符"):
        services.honour_create(by=None, data={"category": "collective", "grade": "merit_3", "title": "x",
                                              "level": "corps", "issuer": "总队", "awarded_on": dt.date(2019, 1, 1),
                                              "unit": cw.station})  # fmt: skip
    with pytest.raises(DomainError, match="个人表彰须选择获奖人员"):
        services.honour_create(by=None, data={"category": "individual", "grade": "merit_3", "title": "x",
                                              "level": "corps", "issuer": "总队", "awarded_on": dt.date(2019, 1, 1),
                                              "unit": cw.station})  # fmt: skip


def test_the_detachment_records_an_honour_with_its_document(cw, people, login):
    client = login(people.detachment)
    data = {"category": "individual", "grade": "merit_3", "title": "个人三等功", "level": "corps",
            "issuer": "安徽省消防救援总队", "awarded_on": "2019-12-20", "person": cw.firefighter.pk}  # fmt: skip
    bad = SimpleUploadedFile("决定.pdf", b"<html>not a pdf</html>", content_type="application/pdf")
    refused = client.post(reverse("corps:honour-create"), {**data, "document": bad})
    assert refused.status_code == 400 and "不是允许的类型" in refused.content.decode()
    assert Honour.objects.filter(grade="merit_3").count() == 1
    response = client.post(reverse("corps:honour-create"), {**data, "document": pdf()})
    honour = Honour.objects.filter(grade="merit_3").latest("id")
    assert response.status_code == 302 and honour.unit == cw.station
    assert "表彰决定.pdf" in client.get(honour.get_absolute_url()).content.decode()


def test_the_roll_groups_the_year_by_station_within_scope(cw, people, login):
    page = login(people.qiaocheng).get(reverse("corps:honour-roll"), {"year": 2019}).content.decode()
    assert "谯城区薛阁消防救援站" in page and "周勇" in page and "蒙城县漆园消防救援站" not in page
    assert "1名同志荣立个人三等功" in page
    answer = login(people.detachment).get(reverse("api:corps-honour-summary"), {"year": 2019}).json()
    assert answer["people_by_grade"] == {"merit_3": 1} and answer["commended_corps_or_above"] == 1
    assert (
        login(people.detachment).get(reverse("api:corps-honour-summary"), {"year": "19x"}).status_code == 400
    )
