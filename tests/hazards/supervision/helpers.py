"""Bringing determinations and listed-supervision cases to a given state through the real services."""

from __future__ import annotations

import datetime as dt

from flameblue.hazards import services
from flameblue.hazards.supervision import determination_services as dets
from flameblue.hazards.supervision import services as sup
from tests.hazards.lifecycle_helpers import DAY, confirm, report

PARTICIPANTS = [
    {"name": "张三", "role": "大队长"},
    {"name": "李四", "role": "监督员"},
    {"name": "王五", "role": "法制员"},
]


def panel(n: int, *, interested: int | None = None) -> list[dict]:
    return [
        {"name": f"专家{i}", "organisation": f"单位{i}", "interested": i == interested}
        for i in range(1, n + 1)
    ]


def major_hazard(unit, inspector):
    """A confirmed hazard concluded major after a collective discussion (6.6: no sprinklers in a shop)."""
    hazard = confirm(report(unit, inspector, description="商场未设置自动喷水灭火系统"), inspector)
    det = dets.determination_create(
        hazard=hazard, by=inspector, standard="GB35181-2017", categories=["crowded"], elements=["6.6"],
        found_on=dt.date(2025, 6, 1),
    )  # fmt: skip
    det = dets.determination_record_discussion(
        det=det, by=inspector, participants=PARTICIPANTS, minutes="一致认为"
    )
    dets.determination_conclude(det=det, by=inspector, is_major=True, conclusion="构成重大火灾隐患")
    hazard.refresh_from_db()
    return hazard


def filed_case(unit, inspector):
    return sup.case_file(hazard=major_hazard(unit, inspector), by=inspector)


def requested_case(unit, inspector, government, today=DAY):
    return sup.case_request_listing(
        case=filed_case(unit, inspector), government=government, by=inspector, today=today
    )


def listed_case(unit, inspector, government, leader, today=DAY):
    case = requested_case(unit, inspector, government, today=today)
    return sup.case_decide(
        case=case, listed=True, by=leader, document_number="亳政督〔2026〕1号",
        deadline=today + dt.timedelta(days=90), report_interval_days=30, today=today,
    )  # fmt: skip


def close_by_recheck(hazard, inspector):
    hazard.refresh_from_db()
    if hazard.status == "confirmed":
        hazard = services.hazard_start(hazard=hazard, by=inspector)
    return services.hazard_recheck(hazard=hazard, by=inspector, passed=True, note="复查合格")
