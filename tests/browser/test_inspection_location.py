"""On the phone form, the inspector records where a fault is (部位); it reaches the server with the answer
and the hazard raised on submit names that place."""

from __future__ import annotations

import pytest
from django.urls import reverse

from flameblue.inspections.models import InspectionAnswer
from flameblue.inspections.services import inspection_start
from flameblue.org.choices import OrgKind
from tests.browser.test_inspection_offline import _answer, _item, _login, _wait_for
from tests.factories import org
from tests.units.factories import make_unit

pytestmark = pytest.mark.browser


def test_the_location_of_a_failed_item_is_saved_with_the_answer(browser_page, people):
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    shop = make_unit(
        org("花戏楼小吃店", OrgKind.SOCIAL_UNIT, "341602001", industry="commerce"),
        place_type_id="small_places",
    )
    inspection = inspection_start(kind="grid_patrol", unit=shop, by=people.grid)
    items = {item.code: item for item in inspection.checklist.items.all()}
    _login(page, "grid")
    page.goto(reverse("inspections:inspection-form", args=[inspection.pk]))

    _answer(page, items, "SP-003", "fail", note="灭火器过期")
    _item(page, items, "SP-003").get_by_label("部位 SP-003").fill("后厨灶台旁")

    def saved() -> bool:
        answer = InspectionAnswer.objects.filter(inspection=inspection, item=items["SP-003"]).first()
        return answer is not None and answer.location == "后厨灶台旁"

    _wait_for(saved, page)
