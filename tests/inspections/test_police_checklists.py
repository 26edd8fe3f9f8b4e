"""A police station's daily check (《消防监督检查规定》第四章) of a residents' or villagers' committee fills in the
committee checklist of 第三十二条, and of a residential property management company the checklist of
第三十一条第三款; the mall, hotel and entertainment checklists have 2026.2 versions citing GB 55037-2022."""

from __future__ import annotations

import pytest

from flameblue.inspections.checklist_loader import read_checklists
from flameblue.inspections.services import checklist_for, inspection_start
from flameblue.org.choices import OrgKind
from tests.factories import org, persona
from tests.units.factories import make_unit

pytestmark = pytest.mark.django_db


def _unit(name: str, place_type: str):
    return make_unit(org(name, OrgKind.SOCIAL_UNIT, "341602001"), place_type_id=place_type)


def test_a_committee_is_checked_against_article_32():
    committee = _unit("花戏楼街道薛家社区居民委员会", "community_committee")
    checklist = checklist_for("police_check", committee)
    assert checklist.code == "community_committee"
    texts = [item.text for item in checklist.items.all()]
    assert len(texts) == 8
    assert any("防火安全公约" in t for t in texts) and any("志愿消防队" in t for t in texts)
    assert all("第三十二条" in item.legal_basis for item in checklist.items.all())


def test_a_property_company_is_checked_against_article_31_paragraph_3():
    company = _unit("亳州市安居物业服务有限公司", "property_management")
    checklist = checklist_for("police_check", company)
    assert checklist.code == "property_management"
    assert any("共用消防设施" in item.text for item in checklist.items.all())


def test_a_police_officer_starts_a_committee_check_on_its_checklist():
    station = org("花戏楼派出所", OrgKind.POLICE_STATION, "341602001")
    officer = persona("police_committee_check", station, "police_officer")
    committee = _unit("花戏楼街道薛家社区居民委员会", "community_committee")
    inspection = inspection_start(kind="police_check", unit=committee, by=officer)
    assert inspection.checklist.code == "community_committee"


def test_gathering_places_cite_gb_55037_in_their_2026_2_versions():
    files = {(d.code, d.version): d for d in read_checklists()}
    for code in ("mall", "hotel", "entertainment"):
        old, new = files[(code, "2026.1")], files[(code, "2026.2")]
        assert [i["code"] for i in old.items] == [i["code"] for i in new.items]  # same items, new citations
        cited = [i for i in new.items if "GB 55037-2022 第" in i["legal_basis"]]
        beside = [i for i in new.items if "GB 50016" in i["legal_basis"]]
        assert cited and len(cited) == len(
            [i for i in beside if "GB 50016-2014（2018年版）" in i["legal_basis"]]
        )
