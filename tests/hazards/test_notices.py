"""Notice numbering per brigade per year, and the Word notice."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from flameblue.core.documents import template_replace
from flameblue.core.errors import DomainError
from flameblue.core.models import AuditAction, AuditEvent
from flameblue.hazards.models import Notice
from flameblue.hazards.notices import DOCUMENT_CODE, notice_docx, notice_issue
from tests.factories import org
from tests.hazards.lifecycle_helpers import confirm, report
from tests.units.factories import make_unit

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive]


def _text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_numbers_run_per_brigade_per_year_without_gaps(units, orgs, people):
    numbers = [
        notice_issue(
            unit=units.school, brigade=orgs.qiaocheng_brigade, deadline=dt.date(2026, 5, 1), by=None
        ).number
        for _ in range(3)
    ]
    mengcheng = notice_issue(
        unit=units.hospital, brigade=orgs.mengcheng_brigade, deadline=dt.date(2026, 5, 1), by=None
    )
    from django.utils import timezone

    year = timezone.localdate().year
    assert numbers == [f"亳谯消限字〔{year}〕第{n:04d}号" for n in (1, 2, 3)]
    assert mengcheng.number == f"亳蒙消限字〔{year}〕第0001号"


def test_a_new_year_starts_again_at_one(units, orgs):
    from django.utils import timezone

    last_year = timezone.make_aware(dt.datetime(2025, 12, 31, 12))
    old = notice_issue(unit=units.school, brigade=orgs.qiaocheng_brigade, deadline=dt.date(2026, 1, 9), by=None,
                       issued_at=last_year)  # fmt: skip
    new = notice_issue(unit=units.school, brigade=orgs.qiaocheng_brigade, deadline=dt.date(2026, 1, 9), by=None,
                       issued_at=timezone.make_aware(dt.datetime(2026, 1, 1, 9)))  # fmt: skip
    assert (old.number, new.number) == ("亳谯消限字〔2025〕第0001号", "亳谯消限字〔2026〕第0001号")


def test_a_rolled_back_confirmation_gives_its_number_back(units, people):
    first = confirm(report(units.school, people.qiaocheng), people.qiaocheng)
    with pytest.raises(DomainError):
        confirm(report(units.mall, people.qiaocheng), people.qiaocheng, responsible_party="")
    third = confirm(report(units.mall, people.qiaocheng), people.qiaocheng)
    assert (first.notice.serial, third.notice.serial) == (1, 2)
    assert Notice.objects.count() == 2


def test_a_brigade_without_a_configured_prefix_is_told_so(orgs):
    brigade = org("测试县消防救援大队", "brigade", "340102")
    unit = make_unit(org("测试单位", "social_unit", "340102"))
    with pytest.raises(DomainError, match="文书字号"):
        notice_issue(unit=unit, brigade=brigade, deadline=dt.date(2026, 5, 1), by=None)


def test_word_notice_shows_number_unit_hazards_deadline_and_legal_basis(units, people):
    hazard = confirm(report(units.school, people.qiaocheng, location="三楼宿舍"), people.qiaocheng)
    text = _text(notice_docx(hazard.notice, by=people.qiaocheng))

    assert hazard.notice.number in text
    assert "亳州市第一中学" in text and "三楼宿舍" in text and "疏散通道堆放杂物" in text
    assert f"{hazard.deadline.year}年{hazard.deadline.month}月{hazard.deadline.day}日" in text
    assert "《中华人民共和国消防法》" in text and "谯城区消防救援大队" in text
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, object_id=str(hazard.notice.pk)).exists()


def test_a_replaced_template_is_used_for_later_notices(units, people):
    document = docx.Document()
    document.add_paragraph("新版通知书 {{ number }} 致 {{ unit_name }}")
    buffer = io.BytesIO()
    document.save(buffer)
    template_replace(DOCUMENT_CODE, SimpleUploadedFile("n.docx", buffer.getvalue()), by=people.detachment)

    hazard = confirm(report(units.school, people.qiaocheng), people.qiaocheng)
    assert f"新版通知书 {hazard.notice.number} 致 亳州市第一中学" in _text(
        notice_docx(hazard.notice, by=None)
    )
