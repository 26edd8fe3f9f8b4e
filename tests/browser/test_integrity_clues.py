"""Issue 15's integrity slice in a browser: zhidui_discipline opens a clue and the auditor sees that read in the
audit trail; qiaocheng_fire declares a relative's business that is a 谯城 unit and the next 双随机 draws never
pair them with it (the draw half at service level: a draw is a seeded service call); zhidui_admin gets 404 on
the clue's URL."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from flameblue.inspections.models import DrawAssignment
from flameblue.inspections.planning.draws import draw_create, draw_execute
from flameblue.integrity.discipline import services
from flameblue.integrity.models import RelativeBusiness
from tests.factories import DEFAULT_PASSWORD, persona
from tests.integrity.conftest import make_world

pytestmark = pytest.mark.browser


@pytest.fixture
def world(orgs, people):
    w = make_world(orgs, people)
    w.qiaocheng_fire = persona("qiaocheng_fire", orgs.qiaocheng_brigade, "brigade_inspector")
    w.zhidui_admin = persona("zhidui_admin", orgs.detachment, "detachment_admin")
    w.clue = services.clue_register(
        by=None, source="letter", subject=w.qiaocheng_fire.person, received_on=timezone.localdate(),
        summary="群众来信反映其在检查中接受宴请",
    )  # fmt: skip
    return w


def _login(page, username: str) -> None:
    page.goto(reverse("login"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    with page.expect_navigation():
        page.locator("form:has(input[name=password]) [type=submit]").click()
    expect(page.get_by_role("button", name="退出")).to_be_visible()


def _logout(page) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name="退出").click()


def test_a_clue_read_is_audited_and_a_declared_unit_is_never_drawn(browser_page, orgs, people, world):
    page, clue = browser_page, world.clue

    _login(page, "zhidui_discipline")
    page.goto(reverse("integrity:clue-detail", args=[clue.pk]))
    expect(page.locator("#clue")).to_contain_text("群众来信反映其在检查中接受宴请")
    _logout(page)

    _login(page, "auditor")
    page.goto(f"{reverse('core:audit-list')}?actor=zhidui_discipline&object_type=integrity.clue")
    row = page.locator("tr", has_text=clue.number)
    expect(row.first).to_contain_text("查阅廉政记录")
    _logout(page)

    shop = world.shop
    _login(page, "qiaocheng_fire")
    page.goto(reverse("integrity:declaration-create"))
    page.fill("input[name=relative_name]", "王某")
    page.select_option("select[name=relation]", "sibling")
    page.fill("input[name=enterprise_name]", shop.name)
    page.fill("input[name=uscc]", shop.credit_code)
    page.fill("textarea[name=business_scope]", "建材零售")
    with page.expect_navigation():
        page.get_by_role("button", name="保存").click()
    expect(page.locator(".alert-danger")).to_contain_text(shop.name)
    _logout(page)

    declaration = RelativeBusiness.objects.get(person=world.qiaocheng_fire.person)
    assert declaration.matched_unit == shop
    team = [
        world.qiaocheng_fire,
        *(persona(f"qc_draw{i}", orgs.qiaocheng_brigade, "brigade_inspector") for i in range(2)),
    ]
    for n in range(6):
        draw = draw_create(
            brigade=orgs.qiaocheng_brigade, title="双随机抽查", pool_filter={}, unit_count=1, inspectors_per_unit=2,
            inspector_pool=team, by=None,
        )  # fmt: skip
        draw_execute(draw=draw, by=None, seed=f"browser-{n}")
        # The shop is the brigade's only unit in the pool, so every draw picks it: never with its declarer.
        drawn = DrawAssignment.objects.get(draw=draw, unit=shop)
        assert world.qiaocheng_fire.pk not in drawn.inspectors.values_list("pk", flat=True)
        assert drawn.inspectors.count() == 2

    _login(page, "zhidui_admin")
    response = page.goto(reverse("integrity:clue-detail", args=[clue.pk]))
    assert response is not None and response.status == 404
    expect(page.locator("body")).not_to_contain_text("群众来信反映其在检查中接受宴请")
