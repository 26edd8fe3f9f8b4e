"""The draw pages end to end, and the public results page: units and results, never people."""

from __future__ import annotations

import pytest
from django.urls import reverse

from flameblue.inspections.models import Draw
from tests.inspections.planning.fixtures import submitted

pytestmark = pytest.mark.date_sensitive


def _create(client, orgs, **extra):
    data = {"brigade": orgs.qiaocheng_brigade.pk, "title": "2026年5月双随机抽查", "unit_count": 3,
            "inspectors_per_unit": 2, **extra}  # fmt: skip
    return client.post(reverse("inspections:draw-create"), data)


def test_an_officer_creates_draws_verifies_and_publishes(login, orgs, people, many_units, brigade_team):
    client = login(people.qiaocheng)
    response = _create(client, orgs, township="341602001")
    draw = Draw.objects.get()
    assert response.status_code == 302 and draw.pool_size == 6

    client.post(reverse("inspections:draw-execute", kwargs={"pk": draw.pk}), {"seed": "公开种子-001"})
    draw.refresh_from_db()
    assert draw.seed == "公开种子-001" and draw.assignments.count() == 3

    page = client.post(reverse("inspections:draw-verify", kwargs={"pk": draw.pk}), follow=True)
    assert "核验通过" in page.content.decode()
    client.post(reverse("inspections:draw-publish", kwargs={"pk": draw.pk}))
    draw.refresh_from_db()
    assert draw.status == "published"


def test_bad_input_is_shown_next_to_the_field(login, orgs, people, many_units, brigade_team):
    response = _create(login(people.qiaocheng), orgs, unit_count=99)
    assert response.status_code == 200
    assert "超过对象库单位数" in response.content.decode()
    assert not Draw.objects.exists()


def test_the_public_page_shows_published_results_without_personal_data(client, login, orgs, people, many_units,
                                                                      brigade_team):  # fmt: skip
    from flameblue.inspections.planning.draws import draw_create, draw_execute, draw_publish

    def make(title, publish):
        draw = draw_create(brigade=orgs.qiaocheng_brigade, title=title, pool_filter={}, unit_count=4,
                           inspectors_per_unit=2, inspector_pool=None, by=None)  # fmt: skip
        draw = draw_execute(draw=draw, by=None, seed=title)
        return draw_publish(draw=draw, by=None) if publish else draw

    public, hidden = make("已公开的抽查", True), make("未公开的抽查", False)
    first = public.assignments.order_by("order").first()
    inspection = submitted(first.unit, "spot_check", public.drawn_at.date())
    inspection.draw_assignment = first
    inspection.save()
    client.logout()

    listing = client.get(reverse("portal-draws:draw-list")).content.decode()
    assert "已公开的抽查" in listing and "未公开的抽查" not in listing
    assert client.get(reverse("portal-draws:draw-detail", kwargs={"pk": hidden.pk})).status_code == 404

    page = client.get(reverse("portal-draws:draw-detail", kwargs={"pk": public.pk})).content.decode()
    for assignment in public.assignments.all():
        assert assignment.unit.name in page
    assert "已检查，未发现问题" in page and "待检查" in page
    for user in brigade_team:
        assert user.person.name not in page and user.username not in page
        assert user.person.phone not in page and user.person.phone_masked not in page
