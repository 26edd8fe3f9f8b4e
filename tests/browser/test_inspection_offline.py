"""Issue 4's browser test on a phone-sized viewport: a grid officer fills a patrol of a shop in their
township, the connection drops half-way, they go on answering (kept in the browser), the page is reloaded
(which fails while offline; it is reopened when the network is back), the answers made offline are merged
and synced, and a double-tapped submit creates one inspection with every answer saved on the server."""

from __future__ import annotations

import time

import pytest
from django.urls import reverse
from playwright.sync_api import Error as PlaywrightError

from flameblue.core.notify_models import StoredFile
from flameblue.hazards.models import Hazard
from flameblue.inspections.models import Inspection, InspectionAnswer
from flameblue.org.choices import OrgKind
from tests.factories import DEFAULT_PASSWORD, org
from tests.units.factories import make_unit

pytestmark = pytest.mark.browser

SCREENSHOT = "/tmp/flameblue-inspection-offline.png"


def _login(page, username: str) -> None:
    page.goto(reverse("login"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    with page.expect_navigation():
        page.locator("form:has(input[name=password]) [type=submit]").click()


def _wait_for(condition, page, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting for the server to have the answers"
        page.wait_for_timeout(200)


def _item(page, items, code):
    return page.locator(f"#item-{items[code].pk}")


def _answer(page, items, code: str, result: str, note: str = "") -> None:
    card = _item(page, items, code)
    card.locator(f"label[for=r-{items[code].pk}-{result}]").click()
    if note:
        card.locator(".js-note").fill(note)


def _saved(inspection) -> dict[str, InspectionAnswer]:
    return {
        a.item.code: a for a in InspectionAnswer.objects.filter(inspection=inspection).select_related("item")
    }


def test_grid_officer_fills_a_patrol_offline_and_loses_no_answer(browser_page, live_server, people):
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    shop = make_unit(
        org("花戏楼小吃店", OrgKind.SOCIAL_UNIT, "341602001", industry="commerce"),
        place_type_id="small_places",
    )
    _login(page, "grid")

    page.goto(f"{reverse('inspections:inspection-new')}?kind=grid_patrol&unit={shop.pk}")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    inspection = Inspection.objects.get()
    form_url = reverse("inspections:inspection-form", args=[inspection.pk])
    assert page.url.endswith(form_url)
    items = {item.code: item for item in inspection.checklist.items.all()}
    codes = sorted(items)
    online, offline = codes[:8], codes[8:]

    # Online: each answer reaches the server as it is made.
    for code in online:
        _answer(page, items, code, "pass")
    _answer(page, items, "SP-003", "fail", note="灭火器过期")
    _wait_for(
        lambda: len(_saved(inspection)) == 8 and _saved(inspection)["SP-003"].note == "灭火器过期", page
    )

    # The connection drops: answers stay in the browser, and the inspector is told so.
    page.context.set_offline(True)
    for code in offline:
        _answer(page, items, code, "pass")
    _answer(page, items, "SP-009", "fail", note="后门锁闭")
    _answer(page, items, "SP-002", "na")  # changed offline after it was saved online
    measured = _item(page, items, "SP-011")
    measured.locator(".js-numerator").fill("130")
    measured.locator(".js-denominator").fill("100")
    assert "达到判定标准" in measured.locator(".js-measure-result").inner_text()
    assert measured.locator(f"#r-{items['SP-011'].pk}-fail").is_checked()  # the threshold is met: cannot pass
    assert "已离线保存，恢复网络后自动同步" in page.locator("#sync-status").inner_text()
    assert page.locator("#answered-count").inner_text() == str(len(items))
    page.screenshot(path="/tmp/flameblue-inspection-form-offline.png")
    page.wait_for_timeout(800)  # past the note autosave delay: nothing may have reached the server
    assert len(_saved(inspection)) == 8 and _saved(inspection)["SP-002"].result == "pass"

    # A reload while offline cannot load the page; it is reopened once the network is back.
    with pytest.raises(PlaywrightError):
        page.reload()
    page.context.set_offline(False)
    page.goto(form_url)
    assert page.locator(f"#r-{items['SP-009'].pk}-fail").is_checked()
    assert _item(page, items, "SP-009").locator(".js-note").input_value() == "后门锁闭"
    assert _item(page, items, "SP-011").locator(".js-numerator").input_value() == "130"
    _wait_for(
        lambda: len(_saved(inspection)) == len(items) and _saved(inspection)["SP-002"].result == "na", page
    )

    # Sign (names and a drawn signature) and double-tap submit.
    page.fill("#id_unit_representative_name", "店主刘七")
    canvas = page.locator("canvas.js-signature").first
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    page.mouse.move(box["x"] + 20, box["y"] + 30)
    page.mouse.down()
    page.mouse.move(box["x"] + 120, box["y"] + 80, steps=5)
    page.mouse.up()
    assert page.locator("#id_inspector_signature").input_value().startswith("data:image/png;base64,")
    with page.expect_navigation():
        page.locator("#submit-button").dblclick()
    assert page.url.endswith(reverse("inspections:inspection-detail", args=[inspection.pk]))
    page.screenshot(path=SCREENSHOT, full_page=True)

    assert Inspection.objects.count() == 1
    inspection.refresh_from_db()
    assert inspection.status == "submitted" and inspection.unit_signature_name == "店主刘七"
    saved = _saved(inspection)
    assert len(saved) == len(items)
    assert saved["SP-002"].result == "na" and saved["SP-003"].note == "灭火器过期"
    assert saved["SP-009"].result == "fail" and saved["SP-009"].note == "后门锁闭"
    assert saved["SP-011"].measurement_met is True and saved["SP-011"].measurement_values["ratio"] == "130.00"
    failed = {"SP-003", "SP-009", "SP-011"}
    assert {code for code, a in saved.items() if a.result == "fail"} == failed
    assert {f.answer.item.code for f in inspection.findings.all()} == failed
    assert Hazard.objects.filter(source="township_grid").count() == 3
    assert (
        StoredFile.objects.filter(owner_type="inspections.inspection", purpose="inspector_signature").count()
        == 1
    )
