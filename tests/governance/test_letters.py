"""Target-responsibility letters: prepared from a versioned template (items copied, version kept), for a
signatory inside the issuer's region only, in one batch for every government and department under an issuing
government; signed with a date, both signers and the scanned copy; "signed N of M" per government; Word."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document

from flameblue.core.errors import DomainError, OutOfScope
from flameblue.core.models import AuditEvent
from flameblue.governance import letters, policy
from flameblue.governance.models import LetterTemplate, ResponsibilityLetter
from flameblue.governance.selectors import signing_progress
from flameblue.org.choices import OrgKind
from tests.factories import org
from tests.governance.conftest import scan

pytestmark = pytest.mark.django_db


@pytest.fixture
def city_dept(orgs):
    return org("亳州市教育局", OrgKind.DEPARTMENT, "3416", industry="education", parent=orgs.city_gov)


def prepare(orgs, signatory, *, by=None, year=2026):
    return letters.letter_prepare(by=by, issuer=orgs.city_gov, signatory=signatory, year=year)


def test_letter_copies_the_templates_targets_and_keeps_its_version(orgs, gov, frozen):
    letter = prepare(orgs, orgs.qiaocheng_gov, by=people_city(orgs))
    template = LetterTemplate.objects.get(code="city-county")
    assert (letter.template, letter.template_version, letter.status) == (template, "2019.1", "draft")
    assert letter.targets.count() == template.items.count() == 10
    assert sum(t.weight for t in letter.targets.all()) == 100
    assert letter.title == "2026年度消防工作目标管理责任书"


def people_city(orgs):
    from tests.factories import persona

    return persona("city_office", orgs.city_gov, "government_leader")


def test_department_gets_the_department_template(orgs, city_dept, frozen):
    letter = prepare(orgs, city_dept)
    assert letter.template.code == "government-department"


def test_letter_for_a_government_outside_the_issuers_region_is_refused_and_nothing_saved(orgs, frozen):
    lixin = org("利辛县人民政府", OrgKind.GOVERNMENT, "341623")
    with pytest.raises(DomainError) as exc:
        letters.letter_prepare(by=None, issuer=orgs.qiaocheng_gov, signatory=lixin, year=2026)
    assert exc.value.field == "signatory"
    assert exc.value.message == "“利辛县人民政府”不在谯城区人民政府的辖区内，不能与其签订目标管理责任书。"
    assert not ResponsibilityLetter.objects.exists()


def test_a_department_of_another_level_signs_with_its_own_government(orgs, frozen):
    with pytest.raises(DomainError, match="不是亳州市人民政府的本级部门"):
        prepare(orgs, orgs.qiaocheng_edu)


def test_a_social_unit_signs_only_when_it_is_a_key_unit(orgs, frozen):
    with pytest.raises(DomainError, match="须为下级政府、本级部门或消防安全重点单位"):
        letters.letter_prepare(by=None, issuer=orgs.qiaocheng_gov, signatory=orgs.mall, year=2026)
    assert not ResponsibilityLetter.objects.exists()


def test_a_key_unit_signs_the_key_unit_letter(orgs, frozen):
    from tests.units.factories import make_unit

    make_unit(orgs.mall, is_key_unit=True)
    letter = letters.letter_prepare(by=None, issuer=orgs.qiaocheng_gov, signatory=orgs.mall, year=2026)
    assert letter.template.code == "government-key-unit" and letter.targets.count() == 5


def test_a_township_government_cannot_issue_letters(orgs, frozen):
    with pytest.raises(DomainError, match="只能由市、县（区）人民政府发放"):
        letters.letter_prepare(by=None, issuer=orgs.huaxilou_gov, signatory=orgs.school, year=2026)


def test_a_county_leader_cannot_issue_for_the_city(orgs, gov, frozen):
    with pytest.raises(OutOfScope):
        prepare(orgs, orgs.mengcheng_gov, by=gov.qiaocheng_leader)


def test_the_same_letter_is_not_prepared_twice(orgs, frozen):
    prepare(orgs, orgs.qiaocheng_gov)
    with pytest.raises(DomainError, match="已经准备过"):
        prepare(orgs, orgs.qiaocheng_gov)


def test_batch_prepares_for_every_lower_government_and_department_once(orgs, gov, city_dept, frozen):
    prepare(orgs, orgs.qiaocheng_gov)
    result = letters.letters_prepare_batch(by=None, issuer=orgs.city_gov, year=2026)
    assert {le.signatory for le in result.created} == {orgs.mengcheng_gov, city_dept}
    assert result.existing == [orgs.qiaocheng_gov]
    assert ResponsibilityLetter.objects.filter(year=2026, issuer=orgs.city_gov).count() == 3
    assert AuditEvent.objects.filter(action="import", reason__contains="批量准备 2026 年度").exists()
    again = letters.letters_prepare_batch(by=None, issuer=orgs.city_gov, year=2026)
    assert again.created == [] and len(again.existing) == 3


def sign(letter, *, signed_on=dt.date(2026, 3, 1), upload="scan"):
    return letters.letter_sign(
        letter=letter, by=None, signed_on=signed_on, issuer_signer="吴建华", signatory_signer="郑丽",
        scan=scan() if upload == "scan" else None,
    )  # fmt: skip


def test_signing_records_date_signers_and_scan(orgs, frozen):
    from flameblue.core.notify_models import StoredFile

    letter = sign(prepare(orgs, orgs.qiaocheng_gov))
    assert (letter.status, letter.signed_on, letter.signatory_signer) == (
        "signed",
        dt.date(2026, 3, 1),
        "郑丽",
    )
    assert StoredFile.objects.filter(owner_type="governance.responsibilityletter", owner_id=str(letter.pk),
                                     purpose="signed").exists()  # fmt: skip


def test_signing_without_the_scanned_copy_is_refused(orgs, frozen):
    letter = prepare(orgs, orgs.qiaocheng_gov)
    with pytest.raises(DomainError) as exc:
        sign(letter, upload=None)
    assert exc.value.field == "scan"
    letter.refresh_from_db()
    assert letter.status == "draft"


@pytest.mark.parametrize("signed_on", [dt.date(2026, 3, 21), dt.date(2024, 12, 31)])
def test_signing_date_must_be_past_and_within_the_letters_year(orgs, frozen, signed_on):
    with pytest.raises(DomainError) as exc:
        sign(prepare(orgs, orgs.qiaocheng_gov), signed_on=signed_on)
    assert exc.value.field == "signed_on"


def test_signing_progress_counts_signed_of_total_per_issuer(orgs, gov, city_dept, frozen):
    letters.letters_prepare_batch(by=None, issuer=orgs.city_gov, year=2026)
    sign(ResponsibilityLetter.objects.get(signatory=orgs.qiaocheng_gov))
    letters.letter_prepare(by=None, issuer=orgs.city_gov, signatory=orgs.qiaocheng_gov, year=2025)
    city = people_city(orgs)
    assert signing_progress(city, 2026) == [
        {"issuer_id": orgs.city_gov.pk, "issuer": "亳州市人民政府", "signed": 1, "total": 3, "unsigned": 2}
    ]
    # A county leader sees only the county's own letter.
    assert signing_progress(gov.qiaocheng_leader, 2026)[0]["total"] == 1


def test_letter_as_word_lists_every_target(orgs, frozen):
    letter = sign(prepare(orgs, orgs.qiaocheng_gov))
    data = letters.letter_docx(letter, by=None)
    doc = Document(io.BytesIO(data))
    text = "\n".join(p.text for p in doc.paragraphs)
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert "2026年度消防工作目标管理责任书" in text and "谯城区人民政府" in text and "2026年03月01日" in text
    assert "组织领导" in cells and "隐患按期整改率" in cells
    assert len(doc.tables[0].rows) == 1 + 10


def test_template_whose_weights_do_not_add_up_to_100_is_refused(tmp_path, monkeypatch):
    (tmp_path / "bad.yaml").write_text(
        "code: bad\nversion: '1'\ntitle: x\nitems:\n  - {section: a, content: b, weight: 60, indicator: c}\n"
        "  - {section: a, content: b, weight: 30, indicator: c}\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(policy, "TEMPLATES_DIR", tmp_path)
    with pytest.raises(ValueError, match="分值合计为 90，应为 100"):
        policy.template_rows()


def test_shipped_templates_load_once(db):
    assert policy.load_letter_templates() == 0
    assert LetterTemplate.objects.count() == 3
