"""The Word documents: 临时查封决定书 once decided, 解除临时查封决定书 once lifted, the pre-opening 受理凭证 and
检查意见书/合格证明, and the event's 检查意见书 — each carries its number and the facts, and is audited."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from docx import Document

from flameblue.core.audit import AuditAction
from flameblue.core.errors import DomainError
from flameblue.core.models import AuditEvent
from flameblue.enforcement import services
from flameblue.enforcement.writs import writ_docx, writs_for
from tests.dates import frozen_on
from tests.enforcement.conftest import DAY, TODAY, decide, propose, sealed

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive, frozen_on(TODAY)]


def _text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_the_sealing_decision_exists_once_decided_and_names_the_premises(hazard, people, chiefs):
    sealing = propose(hazard, people.qiaocheng)
    assert writs_for(sealing) == []
    with pytest.raises(DomainError):
        writ_docx(sealing, "sealing_decision", by=people.qiaocheng)
    sealing = decide(sealing, chiefs.qiaocheng)
    data, name = writ_docx(sealing, "sealing_decision", by=people.qiaocheng)
    text = _text(data)
    assert "临时查封决定书" in text and sealing.decision_number in text and "负一层超市" in text
    assert "谯城区消防救援大队" in text and "2026年3月2日" in text
    assert name.endswith(".docx")
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, object_id=str(sealing.pk)).exists()


def test_the_lifting_decision_cites_the_decision_it_lifts(hazard, people, chiefs):
    sealing = sealed(hazard, people.qiaocheng, chiefs.qiaocheng)
    sealing = services.sealing_request_lift(
        sealing, by=people.qiaocheng, requested_on=DAY, statement="已整改"
    )
    sealing = services.sealing_check_lift(
        sealing, by=people.qiaocheng, checked_on=DAY, passed=True, notes="合格"
    )
    sealing = services.sealing_lift(sealing, by=chiefs.qiaocheng, lifted_on=dt.date(2026, 3, 3))
    text = _text(writ_docx(sealing, "sealing_lift", by=chiefs.qiaocheng)[0])
    assert sealing.lift_number in text and sealing.decision_number in text and "2026年3月3日" in text


def test_pre_opening_receipt_and_result_follow_the_path(units, people):
    check = services.preopening_apply(
        by=people.qiaocheng, unit=units.mall, place_name="星光KTV", address="谯城区魏武大道8号", area_m2=Decimal("420"),
        applicant="亳州星光娱乐有限公司", path="commitment", applied_on=DAY,
    )  # fmt: skip
    check = services.preopening_accept(check, by=people.qiaocheng, accepted_on=DAY)
    assert "予以许可" in _text(writ_docx(check, "preopening_receipt", by=people.qiaocheng)[0])
    check = services.preopening_decide(
        check, by=people.qiaocheng, checked_on=DAY, passed=False, findings="包间装修使用泡沫"
    )
    text = _text(writ_docx(check, "preopening_result", by=people.qiaocheng)[0])
    assert "撤销许可" in text and "包间装修使用泡沫" in text


def test_the_event_opinion_states_the_result(units, people):
    check = services.event_apply(by=people.qiaocheng, unit=units.mall, event_name="新春灯会", venue="亳州古城",
                                 starts_on=dt.date(2026, 3, 20), ends_on=dt.date(2026, 3, 21),
                                 expected_attendance=8000, applied_on=DAY)  # fmt: skip
    check = services.event_accept(check, by=people.qiaocheng, accepted_on=DAY)
    check = services.event_decide(check, by=people.qiaocheng, checked_on=dt.date(2026, 3, 18), passed=True,
                                  findings="合格")  # fmt: skip
    assert "符合消防安全要求" in _text(writ_docx(check, "event_opinion", by=people.qiaocheng)[0])
