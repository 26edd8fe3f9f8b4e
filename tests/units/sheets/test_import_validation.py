"""A messy real-world sheet is read tolerantly, every problem is reported by row and column, and nothing is
imported until the sheet is clean."""

from __future__ import annotations

import pytest
from django.urls import reverse

from flameblue.units.models import ImportJobStatus, Unit
from tests.units.sheets.sheets import xlsx

pytestmark = pytest.mark.django_db

NAME, CODE, TOWN, COUNTY, AREA = (
    "单位名称*",
    "统一社会信用代码",
    "所在乡镇（街道）*",
    "所在县（区）",
    "建筑面积（㎡）",
)


def messy_rows() -> list[dict]:
    """Rows 3..9 of the sheet (row 1 is a merged title, row 2 the header)."""
    return [
        # full-width digits and letters, ideographic and non-breaking spaces, township without suffix,
        # numbers stored as text, √ for yes
        {
            NAME: "\u3000亳州华佗大药房\u00a0",
            CODE: "９１３４１６０００ＭＡ２Ｎ１２３４Ｅ",
            TOWN: " 古井 ",
            AREA: "１２００",
            "客房数": "30",
            "经营可燃商品": "√",
            "高层建筑": "N",
            "风险标签": "九小场所，人员密集",
            "消防安全责任人": "张三",
            "责任人电话": "138 0558 1234",
        },
        {
            NAME: "谯城区第一幼儿园",
            CODE: "913416020MA2N5678F",
            TOWN: "花戏楼街道",
            AREA: 300,
            "儿童床位": 60,
            "场所类型": "学校幼儿园/校外培训",
            "主管行业": "教育",
        },
        {
            NAME: "亳州市某超市",
            CODE: "913416020MA2N99990",
            TOWN: "汤陵街道",
            AREA: 800,
        },  # bad check character
        {NAME: "某某宾馆", TOWN: "不存在镇", AREA: 500},  # unknown township
        {
            NAME: "谯城区第一幼儿园（重复）",
            CODE: "913416020MA2N5678F",
            TOWN: "薛阁街道",
        },  # duplicate credit code
        {NAME: "", TOWN: "古井镇", AREA: 100},  # missing name
        {NAME: "城父镇农贸市场", TOWN: "城父", AREA: -50},  # negative area
    ]


def test_messy_sheet_reports_exactly_its_problems_and_imports_nothing(upload, people):
    response, job = upload(people.qiaocheng, xlsx(messy_rows(), title="谯城区社会单位统计表（2026年）"))

    assert response.status_code == 302
    assert job.status == ImportJobStatus.FAILED
    found = [(e["row"], e["column"]) for e in job.errors]
    assert found == [(5, CODE), (6, TOWN), (7, CODE), (8, NAME), (9, AREA)]
    messages = {e["row"]: e["message"] for e in job.errors}
    assert "校验位" in messages[5]
    assert "不存在镇" in messages[6]
    assert "第 4 行" in messages[7]
    assert "必填" in messages[8]
    assert "负数" in messages[9]
    assert Unit.objects.count() == 0


def test_job_page_lists_every_problem_by_row_and_column(upload, client, people):
    _response, job = upload(people.qiaocheng, xlsx(messy_rows(), title="统计表"))

    page = client.get(reverse("units:import-job", kwargs={"pk": job.pk})).content.decode()

    assert "第5行" in page and "统一社会信用代码" in page
    assert "第9行" in page and "不能为负数" in page
    assert "发现 5 个问题" in page
    assert "确认导入" not in page


def test_a_failed_job_cannot_be_applied(upload, apply, people):
    _response, job = upload(people.qiaocheng, xlsx(messy_rows()))

    apply(people.qiaocheng, job)

    assert job.status == ImportJobStatus.FAILED
    assert Unit.objects.count() == 0


def test_township_in_another_county_is_outside_the_importers_jurisdiction(upload, people):
    rows = [{NAME: "蒙城某商场", TOWN: "双涧镇"}]

    _response, job = upload(people.qiaocheng, xlsx(rows))

    assert [(e["row"], e["column"]) for e in job.errors] == [(2, TOWN)]
    assert "不在您的管辖范围" in job.errors[0]["message"]


def test_ambiguous_township_is_resolved_by_the_county_column(upload, people):
    # 城关街道 exists in both 涡阳县 and 蒙城县; the detachment sees both.
    ambiguous = [{NAME: "城关某饭店", TOWN: "城关街道"}]
    _response, job = upload(people.detachment, xlsx(ambiguous))
    assert job.status == ImportJobStatus.FAILED
    assert "所在县（区）" in job.errors[0]["message"]

    resolved = [{NAME: "城关某饭店", TOWN: "城关", COUNTY: "蒙城县"}]
    _response, job = upload(people.detachment, xlsx(resolved))
    assert job.status == ImportJobStatus.READY, job.errors


def test_bad_enumerations_phones_and_absurd_numbers_are_reported(upload, people):
    rows = [
        {
            NAME: "某网吧",
            TOWN: "古井镇",
            "经营状态": "倒闭",
            "责任人电话": "12345",
            "消防安全责任人": "李四",
            "客房数": 5_000_000,
            "地下建筑": "也许",
            "风险标签": "高层、会飞",
        }
    ]

    _response, job = upload(people.qiaocheng, xlsx(rows))

    columns = {e["column"] for e in job.errors}
    assert columns == {"经营状态", "责任人电话", "客房数", "地下建筑", "风险标签"}
    assert all(e["row"] == 2 for e in job.errors)


def test_header_is_found_below_several_title_rows_and_with_reordered_columns(upload, people):
    import io

    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["亳州市消防救援支队"])
    sheet.append(["社会单位台账"])
    sheet.append([])
    sheet.append(["乡镇", "单位名称", "建筑面积（平方米）"])
    sheet.append(["花戏楼街道", "某书店", "1,500"])
    buffer = io.BytesIO()
    workbook.save(buffer)

    _response, job = upload(people.qiaocheng, buffer.getvalue())

    assert job.status == ImportJobStatus.READY, job.errors
    assert job.summary == {"create": 1, "update": 0, "unchanged": 0}


def test_township_written_with_city_and_county_in_front_is_understood(upload, people):
    rows = [{NAME: "某茶楼", TOWN: "亳州市谯城区古井镇"}, {NAME: "某浴室", TOWN: "谯城区花戏楼"}]

    _response, job = upload(people.qiaocheng, xlsx(rows))

    assert job.status == ImportJobStatus.READY, job.errors
