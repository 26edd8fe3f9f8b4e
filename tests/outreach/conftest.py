"""Outreach fixtures: the terms by code, a 谯城区 宣贯会 organised by the 谯城区 government (head count only),
sign-in sheets built as officials make them, a handbook printed in the city, an education base in
花戏楼街道."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from flameblue.outreach import services
from flameblue.outreach.choices import TermKind
from flameblue.outreach.models import Term

DAY = dt.date(2026, 5, 12)
HEADERS = ("姓名", "单位", "职务", "手机", "受众类别")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def term(kind: str, code: str) -> Term:
    return Term.objects.get(kind=kind, code=code)


def audience(code: str) -> Term:
    return term(TermKind.AUDIENCE, code)


def make_session(organiser, by=None, **kw: Any):
    data = {
        "title": "《消防安全责任制实施办法》宣贯会",
        "session_type": term(TermKind.TRAINING_TYPE, "briefing"),
        "rules_taught": [term(TermKind.RULE_TAUGHT, "state_87"), term(TermKind.RULE_TAUGHT, "anhui_rules")],
        "audiences": [audience("leader"), audience("department_head")],
        "organiser": organiser,
        "held_on": DAY,
        "place": "谯城区政府三楼会议室",
        "head_count": 0,
        **kw,
    }
    return services.session_create(by=by, data=data)


def sheet_bytes(
    rows: Sequence[Sequence[Any]], *, headers: Sequence[str] = HEADERS, title: str | None = None
) -> bytes:
    book = Workbook()
    sheet = book.active
    if title:
        sheet.append([title])
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def upload(content: bytes, name: str = "签到表.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=XLSX)


def make_material(organiser, by=None, **kw: Any):
    data = {"title": "《消防自查一本通》", "kind": "handbook", "organiser": organiser, **kw}
    return services.material_create(by=by, data=data)


def make_base(region: str = "341602001", by=None, **kw: Any):
    from flameblue.geo.models import Region

    data = {"name": "花戏楼街道社区消防体验室", "kind": term(TermKind.BASE_KIND, "community"),
            "region": Region.objects.get(code=region), "place": "花戏楼街道社区服务中心", "opened_on": DAY, **kw}  # fmt: skip
    return services.base_create(by=by, data=data)


@pytest.fixture
def session(orgs):
    return make_session(orgs.qiaocheng_gov)
