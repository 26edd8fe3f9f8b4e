"""Annual assessment schemes as data: the shipped county-government and department schemes load with their
three sections (火灾预防、消防安全基础、消防安全责任), weights adding up to 100 and grades; a scheme file with
a wrong weight total, a veto without evidence, an unknown indicator or an over-large deduction is refused with
a clear message; the scheme page shows every item, and grades follow the thresholds."""

from __future__ import annotations

import copy

import pytest
from django.urls import reverse

from flameblue.governance.models import AssessmentScheme
from flameblue.governance.schemes import SchemeError, check_scheme, load_assessment_schemes, scheme_rows

pytestmark = pytest.mark.django_db

VALID = {
    "code": "t", "version": "1", "title": "测试细则", "assessed_kind": "government",
    "grades": [{"name": "优秀", "min": 90}, {"name": "合格", "min": 60}, {"name": "不合格", "min": 0}],
    "sections": [{"name": "火灾预防", "items": [
        {"code": "A1", "title": "整改率", "weight": 60, "method": "computed", "indicator": "hazard_rectification_rate"},
        {"code": "A2", "title": "专项行动", "weight": 30, "method": "manual", "evidence": "方案和总结"},
        {"code": "A3", "title": "逾期隐患", "weight": 10, "method": "deduction", "per_event": 1, "max_deduction": 10,
         "event": "逾期未整改"},
        {"code": "A4", "title": "亡人火灾", "weight": 0, "method": "veto", "event": "亡人火灾", "evidence": "调查报告"},
    ]}],
}  # fmt: skip


def _with(change) -> dict:
    data = copy.deepcopy(VALID)
    change(data["sections"][0]["items"])
    return data


def test_shipped_schemes_have_three_sections_and_weights_of_100(db):
    county = AssessmentScheme.objects.get(code="county-government")
    sections = list(county.items.order_by("section_order").values_list("section", flat=True).distinct())
    assert list(dict.fromkeys(sections)) == ["火灾预防", "消防安全基础", "消防安全责任"]
    for scheme in AssessmentScheme.objects.all():
        assert sum(i.weight for i in scheme.items.exclude(method="veto")) == 100
        assert scheme.items.filter(method="veto").exists()
    assert county.items.count() >= 25 and county.items.filter(method="computed").count() >= 8


def test_shipped_schemes_load_once(db):
    assert load_assessment_schemes() == 0
    assert len(scheme_rows()) == AssessmentScheme.objects.count() == 2


def test_a_valid_scheme_passes():
    assert check_scheme(copy.deepcopy(VALID), "t.yaml")["code"] == "t"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda items: items[1].update(weight=25), "非否决项分值合计为 95，应为 100"),
        (lambda items: items[3].update(evidence=""), "一票否决项须写明佐证材料"),
        (lambda items: items[3].update(weight=5), "一票否决项分值须为 0"),
        (lambda items: items[0].update(indicator="fires_per_capita"), "“fires_per_capita”不是"),
        (lambda items: items[0].update(indicator="officials_trained"), "尚无记录可算，应按人工评分"),
        (lambda items: items[1].update(evidence=""), "人工评分（须佐证）项须写明佐证材料"),
        (lambda items: items[2].update(max_deduction=12), "扣分上限 12 超过该项分值 10"),
        (lambda items: items[2].update(per_event=0), "扣分项须写明扣分事件"),
        (lambda items: items[1].update(code="A1"), "项目编号重复：A1"),
        (lambda items: items[1].update(method="vote"), "评分方式“vote”无效"),
        (lambda items: items[0].update(scoring={"per_point": 0.5, "per_miss": 1}), "不能两者都写"),
        (lambda items: items[0].update(scoring={"full_at": 95, "per_point": 0.5}), "满分线 full_at 应在 0 到 1"),
        (lambda items: items[0].update(scoring={"full_at": 0.9}), "还须写每低 1 个百分点扣几分"),
        (lambda items: items[0].update(scoring={"per_miss": 0}), "per_miss 须大于 0"),
        (lambda items: items[0].update(scoring={"per_mis": 1}), "未知的键：per_mis"),
        (lambda items: items[1].update(scoring={"per_miss": 1}), "只有记录计算项可写计分规则"),
        (lambda items: items[0].update(scoring={"targets": {"plenary": 1}}), "只有会议次数指标可写要求次数"),
        (lambda items: items[0].update(indicator="committee_meetings_held"), "须写明各机制要求次数"),
        (lambda items: items[0].update(indicator="committee_meetings_held", scoring={"targets": {"party": 1}}),
         "会议类型“party”无效"),
        (lambda items: items[0].update(indicator="committee_meetings_held", scoring={"targets": {"analysis": 0}}),
         "研判要求次数须为正整数"),
        (lambda items: items[2].update(scoring={"events_from": "officials_trained"}), "events_from 须为可由记录计算"),
        (lambda items: items[2].update(scoring={"per_miss": 1}), "扣分项的计分规则只能写 events_from"),
    ],
    ids=["weights", "veto-evidence", "veto-points", "indicator", "not-computable", "manual-evidence", "cap",
         "per-event", "codes", "method", "two-rules", "full-at-range", "full-at-alone", "per-miss-zero",
         "unknown-key", "scoring-on-manual", "targets-elsewhere", "targets-missing", "targets-kind",
         "targets-count", "events-from-manual", "events-from-only"],
)  # fmt: skip
def test_a_bad_scheme_is_refused_with_the_reason(change, message):
    with pytest.raises(SchemeError, match=message):
        check_scheme(_with(change), "t.yaml")


def test_grades_must_run_from_the_top_down_to_zero():
    data = copy.deepcopy(VALID)
    data["grades"] = [{"name": "合格", "min": 60}, {"name": "优秀", "min": 90}, {"name": "不合格", "min": 0}]
    with pytest.raises(SchemeError, match="等次"):
        check_scheme(data, "t.yaml")


@pytest.mark.parametrize(
    ("score", "grade"), [(95, "优秀"), (90, "优秀"), (89.5, "良好"), (60, "合格"), (59.9, "不合格")]
)
def test_grade_follows_the_thresholds(db, score, grade):
    assert AssessmentScheme.objects.get(code="county-government").grade_for(score) == grade


def test_scheme_page_lists_sections_and_items(login, people):
    scheme = AssessmentScheme.objects.get(code="county-government")
    page = (
        login(people.city_leader).get(reverse("governance:scheme-detail", args=[scheme.pk])).content.decode()
    )
    assert "消防安全责任" in page and "一票否决" in page and "委员会各机制会议召开次数" in page


def test_shipped_scoring_rules_are_loaded_onto_the_items(db):
    scheme = AssessmentScheme.objects.get(code="county-government")
    assert scheme.items.get(code="A01").scoring == {"full_at": 0.95, "per_point": 0.5}
    meetings = scheme.items.get(code="C02").scoring
    assert meetings["targets"]["analysis"] == 4 and meetings["per_miss"] == 0.5
