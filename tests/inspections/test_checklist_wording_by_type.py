"""Each place type's checklist (newest version) states its own patrol rule, cites GB 55037-2022 beside
GB 50016 where the general code now governs, and the school checklist carries the fire items of
《教育系统重大事故隐患判定指南》."""

from __future__ import annotations

from flameblue.inspections.checklist_loader import read_checklists

GATHERING = {"mall", "hotel", "entertainment"}
NIGHT_PATROL = {"medical", "elderly_care", "school"}


def newest() -> dict[str, dict]:
    found: dict[str, object] = {}
    for data in sorted(read_checklists(), key=lambda d: d.version):
        if data.kind == "place":
            found[data.place_type] = data
    return found


def test_every_2_hours_while_open_only_for_public_gathering_places():
    for place_type, data in newest().items():
        texts = " ".join(i["text"] for i in data.items)
        if place_type in GATHERING:
            assert "营业期间至少每2小时" in texts, place_type
        elif place_type not in {"high_rise", "small_places"}:
            assert "公众聚集场所营业期间至少每2小时" not in texts, place_type
            assert "营业和工作期间" not in texts, place_type


def test_hospitals_elderly_homes_and_schools_patrol_at_night():
    for place_type in NIGHT_PATROL:
        data = newest()[place_type]
        assert data.version == "2026.2"
        patrol = next(i for i in data.items if i["text"].startswith("每日开展防火巡查"))
        assert "夜间防火巡查" in patrol["text"], place_type
        assert "第二十五条" in patrol["legal_basis"], place_type


def test_gb_55037_is_cited_beside_gb_50016_in_the_new_versions():
    for place_type, data in newest().items():
        if data.version != "2026.2":
            continue
        beside = [i for i in data.items if "GB 50016" in i["legal_basis"]]
        cited = [i for i in beside if "GB 55037-2022" in i["legal_basis"]]
        assert cited, place_type
    school = newest()["school"]
    evac = next(i for i in school.items if i["code"] == "SCH-043")
    assert "GB 55037-2022 第7章" in evac["legal_basis"]


def test_school_checklist_has_the_education_system_fire_items():
    school = newest()["school"]
    guide = [i for i in school.items if "教发厅函〔2024〕20号" in i["legal_basis"]]
    assert len(guide) >= 10
    dorm = next(i for i in guide if "午休室" in i["text"])
    assert "联网功能的独立式火灾探测报警器" in dorm["text"] and dorm["default_grade"] == "major"
    assert any("电动自行车" in i["text"] for i in guide)
    assert any(i["gb35181_element"] == "6.9" for i in guide)
