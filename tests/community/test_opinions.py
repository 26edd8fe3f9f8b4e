"""走访慰问、征求意见: a visit at a holiday records what was reported and the opinions collected; each opinion
has an owner and a deadline and moves open → answered → closed (or back to open) through the workflow
kernel; the political office sees the open ones; the sweep flags an unanswered one past its deadline and
tells its owner once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from flameblue.community.models import Holiday, Opinion
from flameblue.community.visits import services
from flameblue.community.visits.sweep import sweep_opinions
from flameblue.core.errors import ConcurrencyError
from flameblue.core.notify_models import Notification
from flameblue.core.workflow import IllegalTransition
from tests.dates import frozen_on

TODAY = dt.date(2026, 5, 20)
pytestmark = [pytest.mark.date_sensitive, frozen_on(TODAY)]


@pytest.fixture
def opinion(world):
    visit = services.visit_record(
        by=None, organization=world.stations.qiaocheng, holiday=Holiday.objects.get(code="spring_festival"),
        visited_on=dt.date(2026, 1, 20), visitee_kind="partner", partner=world.partner, reported="通报共建情况",
    )  # fmt: skip
    return services.opinion_add(by=None, visit=visit, content="希望开展应急疏散演练", owner=world.stations.qiaocheng,
                                due_on=dt.date(2026, 2, 28))  # fmt: skip


def test_holidays_are_data(db):
    assert {"spring_festival", "army_day", "national_day"} <= set(
        Holiday.objects.values_list("code", flat=True)
    )


def test_station_records_a_visit_and_an_opinion_on_the_pages(world, client):
    client.force_login(world.people.station)
    response = client.post(reverse("community:visit-create"), {
        "organization": world.stations.qiaocheng.pk, "holiday": Holiday.objects.get(code="army_day").pk,
        "visited_on": "2026-05-01", "visitee_kind": "government", "visitee": "谯城区人民政府", "reported": "汇报工作",
    })  # fmt: skip
    assert response.status_code == 302
    visit_url = response["Location"]
    visit_pk = int(visit_url.rstrip("/").split("/")[-1])
    response = client.post(reverse("community:opinion-add", args=[visit_pk]), {
        "content": "希望加强老旧小区巡查", "owner": world.stations.qiaocheng.pk, "due_on": "2026-06-30",
    })  # fmt: skip
    assert response.status_code == 302
    assert Opinion.objects.get().transitions.get().to_status == "open"


def test_owner_answers_political_office_sends_back_then_closes(world, opinion, client):
    client.force_login(world.people.station)
    client.post(
        reverse("community:opinion-answer", args=[opinion.pk]),
        {"answer": "已安排", "version": opinion.version},
    )
    opinion.refresh_from_db()
    assert opinion.status == "answered" and opinion.answered_on == TODAY
    client.force_login(world.people.political)
    client.post(
        reverse("community:opinion-return", args=[opinion.pk]),
        {"reason": "请写明时间", "version": opinion.version},
    )
    opinion.refresh_from_db()
    assert opinion.status == "open"
    opinion = services.opinion_answer(opinion, by=world.people.station, answer="6月10日组织演练")
    services.opinion_close(opinion, by=world.people.political)
    moves = list(opinion.transitions.values_list("from_status", "to_status"))
    assert moves == [("", "open"), ("open", "answered"), ("answered", "open"), ("open", "answered"),
                     ("answered", "closed")]  # fmt: skip


def test_station_may_answer_but_not_close(world, opinion):
    opinion = services.opinion_answer(opinion, by=world.people.station, answer="已安排")
    with pytest.raises(Exception, match="权限"):
        services.opinion_close(opinion, by=world.people.station)


def test_closing_an_open_opinion_is_an_illegal_move(world, opinion):
    with pytest.raises(IllegalTransition, match="待答复"):
        services.opinion_close(opinion, by=world.people.political)


def test_a_stale_answer_is_refused_with_409_naming_who_changed_it(world, opinion, client):
    stale = opinion.version
    services.opinion_answer(opinion, by=world.people.station, answer="第一次答复")
    services.opinion_return(Opinion.objects.get(pk=opinion.pk), by=world.people.political, reason="不具体")
    with pytest.raises(ConcurrencyError):
        services.opinion_answer(opinion, by=world.people.station, answer="再答复", expected_version=stale)
    client.force_login(world.people.station)
    response = client.post(
        reverse("community:opinion-answer", args=[opinion.pk]), {"answer": "再答复", "version": stale}
    )
    assert response.status_code == 409 and "zhidui_political" in response.content.decode()


def test_political_office_sees_open_opinions(world, opinion, client):
    answered = services.opinion_add(by=None, visit=opinion.visit, content="已经答复的意见",
                                    owner=world.stations.qiaocheng, due_on=dt.date(2026, 6, 30))  # fmt: skip
    services.opinion_answer(answered, by=None, answer="已答复")
    client.force_login(world.people.political)
    page = client.get(reverse("community:opinion-list")).content.decode()
    assert "希望开展应急疏散演练" in page and "已经答复的意见" not in page
    page = client.get(reverse("community:opinion-list"), {"status": ""}).content.decode()
    assert "已经答复的意见" in page
    data = client.get(reverse("api:community-opinion-list"), {"status": "open"}).json()
    assert [o["content"] for o in data["results"]] == ["希望开展应急疏散演练"]


def test_sweep_flags_an_overdue_opinion_and_tells_the_owner_once(world, opinion):
    first = sweep_opinions(today=TODAY)
    second = sweep_opinions(today=TODAY)
    opinion.refresh_from_db()
    assert (first.flagged, second.flagged) == (1, 0) and opinion.overdue_since == dt.date(2026, 3, 1)
    notices = Notification.objects.filter(recipient=world.people.station)
    assert notices.count() == 1 and "逾期未答复" in notices.get().subject
    assert not Notification.objects.filter(recipient=world.people.political).exists()


def test_sweep_leaves_answered_and_not_yet_due_opinions_alone(world, opinion):
    services.opinion_answer(opinion, by=None, answer="已答复")
    later = services.opinion_add(by=None, visit=opinion.visit, content="另一条", owner=world.stations.qiaocheng,
                                 due_on=dt.date(2026, 6, 30))  # fmt: skip
    assert sweep_opinions(today=TODAY).flagged == 0
    later.refresh_from_db()
    assert later.overdue_since is None
