"""A training sign-in sheet is checked in full: every problem is reported with its row (as Excel shows it)
and column, in Chinese, and nothing is imported; a clean sheet is imported in full, matching people in
FlameBlue by name and organisation and keeping phones masked only."""

from __future__ import annotations

import pytest

from flameblue.core.errors import DomainError
from flameblue.core.models import AuditEvent
from flameblue.outreach import services
from flameblue.outreach.models import Attendee
from tests.factories import PersonFactory
from tests.outreach.conftest import sheet_bytes, upload

pytestmark = pytest.mark.django_db

GOOD = [
    ("王建国", "谯城区人民政府", "副区长", "13912345678", "党政领导"),
    ("李红", "谯城区教育局", "局长", "13687654321", "部门负责人"),
    ("赵六", "亳州市某某物业公司", "经理", "", "重点单位负责人/管理人"),
]


def test_a_bad_row_refuses_the_whole_sheet_with_row_and_column(session, people):
    rows = [*GOOD, ("", "谯城区应急管理局", "", "1391234", "领导")]
    with pytest.raises(services.SigninRefused) as refused:
        services.signin_import(session=session, upload=upload(sheet_bytes(rows, title="宣贯会签到表")),
                               by=people.qiaocheng)  # fmt: skip
    problems = [(e.row, e.column) for e in refused.value.errors]
    # Title on row 1, header on row 2: the fourth data line is row 6.
    assert problems == [(6, "姓名"), (6, "手机"), (6, "受众类别")]
    messages = [e.message for e in refused.value.errors]
    assert messages[0] == "必填，不能为空。"
    assert "手机号应为 1 开头的 11 位数字" in messages[1]
    assert "无法识别“领导”" in messages[2] and "党政领导" in messages[2]
    assert Attendee.objects.count() == 0


def test_a_clean_sheet_imports_every_row_matching_people_and_masking_phones(session, orgs, people):
    official = PersonFactory(name="王建国", organization=orgs.qiaocheng_gov, title="副区长")
    result = services.signin_import(session=session, upload=upload(sheet_bytes(GOOD)), by=people.qiaocheng)
    assert (result.created, result.matched) == (3, 1)
    wang = Attendee.objects.get(name="王建国")
    assert wang.person == official and wang.organization == orgs.qiaocheng_gov and wang.source_row == 2
    li = Attendee.objects.get(name="李红")
    assert li.person is None and li.organization == orgs.qiaocheng_edu and li.phone_masked == "136****4321"
    assert not Attendee.objects.filter(phone_masked__contains="87654321").exists()
    zhao = Attendee.objects.get(name="赵六")
    assert zhao.organization is None and zhao.organization_name == "亳州市某某物业公司"
    assert AuditEvent.objects.filter(action="import", object_id=str(session.pk)).exists()


def test_duplicates_in_the_sheet_and_on_the_roster_are_refused(session, people):
    services.signin_import(session=session, upload=upload(sheet_bytes(GOOD[:1])), by=people.qiaocheng)
    rows = [GOOD[1], GOOD[1], GOOD[0]]
    with pytest.raises(services.SigninRefused) as refused:
        services.signin_import(session=session, upload=upload(sheet_bytes(rows)), by=people.qiaocheng)
    assert [(e.row, e.column) for e in refused.value.errors] == [(3, "姓名"), (4, "姓名")]
    assert "与第 2 行重复" in refused.value.errors[0].message
    assert "已在本次培训的花名册中" in refused.value.errors[1].message
    assert Attendee.objects.count() == 1


def test_a_file_that_is_not_a_sign_in_sheet_is_refused_whole(session, people):
    with pytest.raises(DomainError, match="不是 Excel 工作簿"):
        services.signin_import(session=session, upload=upload(b"name,org\n"), by=people.qiaocheng)
    with pytest.raises(DomainError, match="缺少“受众类别”列"):
        services.signin_import(session=session, upload=upload(sheet_bytes(GOOD, headers=HEADERS_NO_AUDIENCE)),
                               by=people.qiaocheng)  # fmt: skip
    with pytest.raises(DomainError, match="未找到表头"):
        services.signin_import(session=session, upload=upload(sheet_bytes(GOOD, headers=("a", "b", "c", "d", "e"))),
                               by=people.qiaocheng)  # fmt: skip


HEADERS_NO_AUDIENCE = ("姓名", "工作单位", "职务", "手机号码", "备注")


def test_only_who_may_change_the_session_imports(session, people):
    from flameblue.core.errors import OutOfScope, PermissionDeniedError

    with pytest.raises(OutOfScope):
        services.signin_import(session=session, upload=upload(sheet_bytes(GOOD)), by=people.mengcheng)
    with pytest.raises(PermissionDeniedError):
        services.signin_import(session=session, upload=upload(sheet_bytes(GOOD)), by=people.edu)
    assert Attendee.objects.count() == 0
