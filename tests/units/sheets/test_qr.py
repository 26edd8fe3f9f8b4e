"""QR codes point at the unit's page and print on a sheet with its name; out of jurisdiction is a 404."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.units.sheets.helpers import make_unit

pytestmark = pytest.mark.django_db


def test_qr_png_and_svg_encode_the_units_page(client, people):
    unit = make_unit("亳州市第一中学")
    client.force_login(people.qiaocheng)

    png = client.get(reverse("units:unit-qr", kwargs={"pk": unit.pk}))
    svg = client.get(reverse("units:unit-qr", kwargs={"pk": unit.pk}) + "?format=svg")

    assert png["Content-Type"] == "image/png" and png.content.startswith(b"\x89PNG")
    assert svg["Content-Type"] == "image/svg+xml"
    assert f"http://testserver/units/{unit.pk}/".encode() in svg.content  # the title carries the URL


def test_qr_sheet_shows_name_address_and_inline_svg(client, people):
    unit = make_unit("亳州市第一中学", address="谯城区药都路 1 号")
    client.force_login(people.grid)

    page = client.get(reverse("units:unit-qr-sheet", kwargs={"pk": unit.pk})).content.decode()

    assert "亳州市第一中学" in page and "药都路 1 号" in page and "花戏楼街道" in page
    assert "<svg" in page and "qr-sheet.css" in page


def test_qr_sheet_out_of_jurisdiction_is_404(client, people):
    unit = make_unit("蒙城县人民医院门诊楼", "341622101")
    client.force_login(people.qiaocheng)

    assert client.get(reverse("units:unit-qr-sheet", kwargs={"pk": unit.pk})).status_code == 404
    assert client.get(reverse("units:unit-qr", kwargs={"pk": unit.pk})).status_code == 404


def test_qr_sheets_for_a_filtered_selection(client, people):
    make_unit("花戏楼甲单位")
    make_unit("古井乙单位", "341602100")
    make_unit("蒙城丙单位", "341622101")
    client.force_login(people.qiaocheng)

    page = client.get(reverse("units:unit-qr-sheets") + "?region=341602001").content.decode()

    assert "花戏楼甲单位" in page and "古井乙单位" not in page and "蒙城丙单位" not in page
    assert page.count("<svg") == 1
