"""Readiness-check demo data: an 执勤作战大检查 of every station two months ago and a 百日安全创建 check a
month ago, with findings in every state — closed with evidence, awaiting acceptance, open, and overdue
(flagged and escalated by the sweep the corps seed runs)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping

from django.utils import timezone

from flameblue.corps.readiness import services
from flameblue.corps.readiness.choices import Answer
from flameblue.corps.readiness.models import ReadinessCheck, ReadinessChecklist
from flameblue.corps.rectification import services as rectification
from flameblue.corps.rectification.demo import evidence_png
from flameblue.org.choices import OrgKind
from flameblue.org.models import Organization

__all__ = ["seed"]

#: per checklist code: (item code, problem, corrective action) found at the stations, in turn
PROBLEMS = {
    "combat-readiness": [
        (
            "ba-check",
            "2 具空气呼吸器气瓶压力低于 27MPa，每日检查记录缺 3 天",
            "立即充气并补齐检查记录，指定专人每日检查",
        ),
        ("water-sources", "辖区 5 处市政消火栓标识缺失，档案坐标与实际不符", "重新普查标识并更新水源档案"),
        ("key-unit-plans", "2 家重点单位预案未按季度熟悉演练", "本季度内完成熟悉演练并修订预案"),
        ("ppe-stock", "3 套灭火防护服超过使用年限", "报废更换并更新装备台账"),
    ],
    "safety-100-days": [
        ("barracks-safety", "宿舍楼道停放电动自行车 2 辆", "清理并设置集中充电点"),
        ("vehicle-safety", "1 辆执勤车辆例行保养超期", "完成保养并建立保养到期提醒"),
    ],
}
STATES = ["closed", "submitted", "open", "overdue"]


def seed(stdout) -> Mapping[str, int]:
    if ReadinessCheck.objects.exists():
        stdout.write("corps: 演示执勤战备检查已存在，未作改动。\n")
        return {}
    stations = list(
        Organization.objects.filter(kind=OrgKind.STATION, is_active=True).order_by("region_id", "name")
    )
    checklists = {c.code: c for c in ReadinessChecklist.objects.filter(is_active=True)}
    if not stations or not checklists:
        return {}
    today, counts, turn = timezone.localdate(), Counter(), 0
    for code, back in (("combat-readiness", 60), ("safety-100-days", 30)):
        checklist = checklists.get(code)
        if checklist is None:
            continue
        for index, station in enumerate(stations):
            item, problem, task = PROBLEMS[code][index % len(PROBLEMS[code])]
            state = STATES[turn % len(STATES)]
            turn += 1
            checked = today - dt.timedelta(days=back + index)
            due = {"overdue": today - dt.timedelta(days=4), "open": today + dt.timedelta(days=20)}.get(
                state, checked + dt.timedelta(days=15)
            )
            answers = {i["code"]: Answer.PASS for i in checklist.items} | {item: Answer.FAIL}
            check = services.check_create(
                by=None, checklist=checklist, station=station, checked_on=checked,
                inspectors="支队司令部战训科：张参谋、刘参谋", answers=answers, summary="总体执勤秩序良好，发现问题限期整改。",
                findings=[{"item_code": item, "problem": problem, "task": task, "owner": station, "due_on": due}],
            )  # fmt: skip
            finding = check.findings.get()
            if state in ("closed", "submitted"):
                finding = rectification.action_report(action=finding, by=None, report="已整改完毕。",
                                                      evidence=[evidence_png(f"finding-{finding.pk}")])  # fmt: skip
            if state == "closed":
                rectification.action_close(action=finding, by=None, reason="复查合格。")
            counts["readiness_checks"] += 1
            counts[f"findings_{state}"] += 1
    stdout.write(f"corps: 执勤战备检查 {counts['readiness_checks']} 次。\n")
    return dict(counts)
