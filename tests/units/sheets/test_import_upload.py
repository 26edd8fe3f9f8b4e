"""Only real .xlsx workbooks within the size limit are accepted; the template can be filled in and imported."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from flameblue.units.models import ImportJobStatus, UnitImportJob
from flameblue.units.sheets.columns import COLUMNS

pytestmark = pytest.mark.django_db


def test_an_html_file_named_xlsx_is_refused(upload, people):
    html = "<html><body><table><tr><td>单位名称</td></tr></table></body></html>".encode()

    response, job = upload(people.qiaocheng, html, name="单位.xlsx")

    assert response.status_code == 200
    assert "不是 Excel 工作簿" in response.content.decode()
    assert job is None and not UnitImportJob.objects.exists()


def test_a_zip_that_is_not_a_workbook_is_refused(upload, people):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")

    response, job = upload(people.qiaocheng, buffer.getvalue(), name="units.xlsx")

    assert "无法读取该 Excel 文件" in response.content.decode()
    assert job is None


def test_a_file_over_the_size_limit_is_refused(upload, people, settings):
    from tests.units.sheets.sheets import xlsx

    settings.UPLOAD_MAX_BYTES = 1024

    response, job = upload(
        people.qiaocheng, xlsx([{"单位名称*": "x" * 50, "所在乡镇（街道）*": "古井镇"}] * 50)
    )

    assert "文件过大" in response.content.decode()
    assert job is None


def test_a_sheet_without_the_header_fails_with_a_clear_message(upload, people):
    from tests.units.sheets.sheets import xlsx

    _response, job = upload(people.qiaocheng, xlsx([{"A": 1}], headers=["A", "B"]))

    assert job.status == ImportJobStatus.FAILED
    assert "未找到表头" in job.errors[0]["message"]


def test_template_has_the_columns_drop_down_lists_and_a_guide(client, people):
    client.force_login(people.qiaocheng)

    response = client.get(reverse("units:import-template"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook["单位信息"]
    assert [c.value for c in sheet[1]] == [c.header for c in COLUMNS]
    formulas = {dv.formula1 for dv in sheet.data_validations.dataValidation}
    assert any("选项" in f for f in formulas)
    status_column = [c.header for c in COLUMNS].index("经营状态") + 1
    assert [workbook["选项"].cell(row=r, column=status_column).value for r in (1, 2, 3)] == [
        "营业",
        "停业",
        "关闭",
    ]
    assert "填写说明" in workbook.sheetnames


def test_the_filled_in_template_imports(client, upload, people):
    client.force_login(people.qiaocheng)
    workbook = load_workbook(io.BytesIO(client.get(reverse("units:import-template")).content))
    sheet = workbook["单位信息"]
    headers = [c.value for c in sheet[1]]
    row = {"单位名称*": "模板测试单位", "所在乡镇（街道）*": "古井", "经营状态": "营业", "高层建筑": "是"}
    sheet.append([row.get(h) for h in headers])
    buffer = io.BytesIO()
    workbook.save(buffer)

    _response, job = upload(people.qiaocheng, buffer.getvalue())

    assert job.status == ImportJobStatus.READY, job.errors
    assert job.summary["create"] == 1


def test_a_grid_officer_may_not_import(client, people):
    client.force_login(people.grid)

    assert client.get(reverse("units:import-upload")).status_code == 403
