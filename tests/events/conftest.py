"""Event-security fixtures: an event of the 谯城区 brigade over three days with a registered venue (the mall in
花戏楼街道) and an ad-hoc place, a crew of the brigade, and helpers that check a venue (a submitted
pre-event inspection, optionally with failed items that become hazards) and staff a post for every day."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest

from flameblue.events import services
from flameblue.events.models import DutyPost, Event, Venue
from flameblue.inspections.choices import AnswerResult
from flameblue.inspections.services import inspection_submit
from tests.factories import PersonFactory
from tests.inspections.inspection_fixtures import answer_all
from tests.units.factories import make_unit

START, END = dt.date(2026, 5, 18), dt.date(2026, 5, 20)
SIGNED = {"inspector_name": "监督员王磊", "unit_representative_name": "值班经理"}


def make_event(organiser, by=None, **kw: Any) -> Event:
    kw.setdefault("name", "2026中国（亳州）国际中医药博览会消防安保")
    kw.setdefault("level", "city")
    kw.setdefault("region", organiser.region)
    kw.setdefault("starts_on", START)
    kw.setdefault("ends_on", END)
    return services.event_create(organiser=organiser, by=by, **kw)


def check(venue: Venue, by: Any, *, fail: int = 0):
    """A submitted pre-event inspection of ``venue``: the first ``fail`` items failed (each a hazard)."""
    inspection = services.venue_inspection_start(
        venue=venue, by=by, inspected_on=START - dt.timedelta(days=3)
    )
    items = list(inspection.checklist.items.order_by("order")[:fail])
    answers = {i.code: {"result": AnswerResult.FAIL, "note": f"{i.code} 不符合要求"} for i in items}
    answer_all(inspection, by, answers=answers)
    return inspection_submit(inspection=inspection, by=by, **SIGNED)


def staff(post: DutyPost, people: list, by: Any = None, *, skip: tuple[dt.date, ...] = ()) -> None:
    """People on ``post`` on every day of its event (but the days in ``skip``)."""
    for day in post.venue.event.days:
        if day not in skip:
            services.shift_add(
                post=post, by=by, date=day, starts_at=dt.time(8), ends_at=dt.time(20), people=people
            )


@pytest.fixture
def crew(orgs):
    return [PersonFactory(organization=orgs.qiaocheng_brigade, name=n) for n in ("张伟", "李强")]


@pytest.fixture
def event(orgs, people):
    return make_event(orgs.qiaocheng_brigade, people.qiaocheng)


@pytest.fixture
def venues(orgs, people, event):
    mall = make_unit(orgs.mall, place_type_id="mall", address="亳州市谯城区魏武大道1号")
    return SimpleNamespace(
        mall=services.venue_add(event=event, by=people.qiaocheng, unit=mall),
        square=services.venue_add(
            event=event, by=people.qiaocheng, name="汤王陵广场临时展区", region=orgs.huaxilou_gov.region,
            address="谯城区汤陵路", latitude="33.844", longitude="115.779",
        ),
    )  # fmt: skip
