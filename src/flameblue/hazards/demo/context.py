"""Who acts in the hazards demo and the dated steps of a hazard's life, each taken through the real service
(transition rows, notices, audit, deadlines), plus the lifecycle story most demo hazards follow."""

from __future__ import annotations

import datetime as dt
import io
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from flameblue.hazards import services
from flameblue.hazards.choices import HazardGrade, NoticeStatus
from flameblue.hazards.demo.clock import Clock, Story, moment
from flameblue.hazards.models import Hazard, Notice
from flameblue.hazards.order120 import needs_verification
from flameblue.hazards.supervision.services import government_leaders
from flameblue.inspections.planning.services import brigade_inspectors
from flameblue.org.choices import OrgKind
from flameblue.org.models import Membership, Organization, User
from flameblue.units.models import Unit

__all__ = ["COUNTIES", "Context", "Plan", "lifecycle"]

COUNTIES = ("341602", "341621", "341622", "341623")
CITY = "3416"

#: The moves of each demo path after the hazard is recorded.
PATHS: dict[str, tuple[str, ...]] = {
    "found": (),
    "confirmed": ("confirm",),
    "rectifying": ("confirm",),
    "reported": ("confirm", "complete"),
    "closed": ("confirm", "complete", "pass"),
    "failed_closed": ("confirm", "complete", "fail", "complete", "pass"),
    "failed": ("confirm", "complete", "fail"),
    "on_spot": ("fix",),
    "withdrawn": ("withdraw",),
    "dismissed": ("dismiss",),
}

INTERIM = [
    "设专人值守，保持疏散通道畅通",
    "增配灭火器和应急照明",
    "停止使用存在隐患的部位",
    "每日巡查并做好记录",
]
REMEDY = [
    "已清理堆放物品并恢复通道畅通",
    "已更换损坏的消防设施",
    "已委托维保单位维修并测试合格",
    "已拆除违规搭建并整改到位",
]
FAILED = [
    "复查发现整改不彻底，仍有部分部位未恢复",
    "维修后的设施测试仍不合格",
    "整改材料与现场不符，需继续整改",
]


@dataclass
class Plan:
    """One demo hazard: where, what, when it was found, how it was recorded and how far its life goes."""

    unit: Unit
    found_at: dt.datetime
    path: str
    description: str
    source: str
    location: str = ""
    grade: str = HazardGrade.GENERAL
    source_ref: str = ""
    reporter: Any = None
    found_by: Any = None
    checklist_item: Any = None
    gb35181_element: str = ""
    finding_id: int | None = None
    deadline_amount: int | None = None
    create: Callable[[dt.datetime], Hazard] | None = None  # a tip's conversion instead of a plain report


@dataclass
class Context:
    rng: random.Random
    now: dt.datetime
    clock: Clock
    inspectors: dict[str, list[User]] = field(default_factory=dict)
    governments: dict[str, Organization] = field(default_factory=dict)
    leaders: dict[str, User | None] = field(default_factory=dict)
    managers: dict[int, User] = field(default_factory=dict)
    notices: dict[tuple[int, dt.date], int] = field(default_factory=dict)
    counts: Counter = field(default_factory=Counter)

    @classmethod
    def build(cls, rng: random.Random, now: dt.datetime) -> Context:
        ctx = cls(rng=rng, now=now, clock=Clock(now))
        brigades = Organization.objects.filter(kind=OrgKind.BRIGADE, region_id__in=COUNTIES)
        for brigade in brigades:
            ctx.inspectors[brigade.region_id] = list(brigade_inspectors(brigade))
        for gov in Organization.objects.filter(kind=OrgKind.GOVERNMENT, region_id__in=(CITY, *COUNTIES)):
            ctx.governments[gov.region_id] = gov
            ctx.leaders[gov.region_id] = min(government_leaders(gov), key=lambda u: u.pk, default=None)
        managers = Membership.objects.current().filter(role__code="unit_manager", person__user__isnull=False)
        for m in managers.select_related("person__user").order_by("pk"):
            ctx.managers.setdefault(m.organization_id, m.person.user)
        return ctx

    # --- people and moments ---------------------------------------------------------------------------

    def inspector(self, unit: Unit) -> User | None:
        team = self.inspectors.get(unit.region_id[:6]) or []
        return self.rng.choice(team) if team else None

    def manager(self, unit: Unit) -> User | None:
        return self.managers.get(unit.organization_id)

    def later(self, at: dt.datetime, lo: float, hi: float) -> dt.datetime:
        """A working-hours moment between ``lo`` and ``hi`` days after ``at`` (never before it)."""
        day = timezone.localtime(at).date() + dt.timedelta(
            days=self.rng.randint(int(lo), max(int(lo), int(hi)))
        )
        candidate = moment(day, self.rng.randint(8, 17), self.rng.randrange(60))
        return max(candidate, at + dt.timedelta(minutes=self.rng.randint(20, 90)))

    def photo(self, name: str = "现场照片.png") -> SimpleUploadedFile:
        buffer = io.BytesIO()
        colour = tuple(self.rng.randrange(256) for _ in range(3))
        Image.new("RGB", (16, 12), colour).save(buffer, "PNG")
        return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")

    def shared_notice(self, unit: Unit, day: dt.date) -> Notice | None:
        """The notice issued to ``unit`` the same day, still open and not yet served: several hazards share
        one notice (a served notice is never changed, 《消防监督检查规定》第十九条)."""
        pk = self.notices.get((unit.pk, day))
        if pk is None:
            return None
        return Notice.objects.filter(pk=pk, status=NoticeStatus.OPEN, served_at__isnull=True).first()

    # --- the steps ------------------------------------------------------------------------------------

    def report(self, plan: Plan) -> Hazard:
        if plan.create is not None:
            hazard = plan.create(plan.found_at)
        else:
            photos = [self.photo("发现时照片.png")] if self.rng.random() < 0.2 else []
            hazard = services.hazard_report(
                by=plan.reporter, unit=plan.unit, description=plan.description, source=plan.source,
                location=plan.location, grade=plan.grade, checklist_item=plan.checklist_item,
                gb35181_element=plan.gb35181_element, source_ref=plan.source_ref, found_at=plan.found_at,
                found_by=plan.found_by, photos=photos, at=plan.found_at,
            )  # fmt: skip
        if plan.finding_id:
            from flameblue.inspections.models import Finding

            Finding.objects.filter(pk=plan.finding_id, hazard=None).update(hazard=hazard)
        self.counts["hazards"] += 1
        return hazard

    def confirm(self, hazard: Hazard, at: dt.datetime, *, grade: str | None = None, amount: int | None = None,
                start: bool = True, by: Any = "inspector") -> Hazard:  # fmt: skip
        by = self.inspector(hazard.unit) if by == "inspector" else by
        if needs_verification(hazard.source) and hazard.verified_at is None:
            # 第十九条: the brigade verifies a hazard others reported before it confirms it on a notice.
            hazard = services.hazard_verify(hazard=hazard, by=by, note="大队到场核实", at=at)
        day = timezone.localtime(at).date()
        notice = self.shared_notice(hazard.unit, day)
        person = hazard.unit.safety_manager
        person = (
            person if person is not None and person.organization_id == hazard.unit.organization_id else None
        )
        hazard = services.hazard_confirm(
            hazard=hazard, by=by, grade=grade or hazard.grade, responsible_party=hazard.unit.name,
            responsible_person=person, interim_measures=self.rng.choice(INTERIM),
            deadline_amount=amount, notice=notice, start=start, at=at,
        )  # fmt: skip
        self.notices.setdefault((hazard.unit_id, day), hazard.notice_id)
        return hazard

    def complete(self, hazard: Hazard, at: dt.datetime) -> Hazard:
        return services.hazard_report_completion(
            hazard=hazard, by=self.manager(hazard.unit), photos=[self.photo("整改后照片.png")],
            note=self.rng.choice(REMEDY), at=at,
        )  # fmt: skip

    def recheck(self, hazard: Hazard, at: dt.datetime, *, passed: bool, amount: int | None = None) -> Hazard:
        note = "复查合格，隐患已消除" if passed else self.rng.choice(FAILED)
        return services.hazard_recheck(
            hazard=hazard, by=self.inspector(hazard.unit), passed=passed, note=note, deadline_amount=amount,
            at=at,
        )  # fmt: skip

    def completion_time(self, hazard: Hazard, at: dt.datetime) -> dt.datetime:
        """Somewhere in the rectification period, before the deadline."""
        days = max((hazard.deadline - timezone.localtime(at).date()).days, 2)
        return self.later(at, days * 0.3, days * 0.9)


def lifecycle(ctx: Context, plan: Plan) -> Story:
    """A hazard's life along ``plan.path``, each move a working-hours moment after the previous one."""
    at = plan.found_at
    yield at
    hazard = ctx.report(plan)
    for move in PATHS[plan.path]:
        if move == "confirm":
            at = ctx.later(at, 0, 2)
            yield at
            hazard = ctx.confirm(hazard, at, amount=plan.deadline_amount, start=plan.path != "confirmed")
        elif move == "complete":
            at = ctx.completion_time(hazard, at)
            yield at
            hazard = ctx.complete(hazard, at)
        elif move in ("pass", "fail"):
            at = ctx.later(at, 1, 3)
            yield at
            hazard = ctx.recheck(hazard, at, passed=move == "pass")
        elif move == "fix":
            at = at + dt.timedelta(minutes=ctx.rng.randint(10, 60))
            yield at
            services.hazard_fix_on_spot(
                hazard=hazard, by=plan.reporter, photos=[ctx.photo("当场改正照片.png")], at=at,
                note="检查人员现场督促，单位当场改正",
            )  # fmt: skip
        elif move == "withdraw":
            at = ctx.later(at, 1, 4)
            yield at
            services.hazard_withdraw(
                hazard=hazard, by=ctx.inspector(hazard.unit), at=at,
                reason="经核实，该问题属于检查时误判，相关设施符合规范要求",
            )  # fmt: skip
        elif move == "dismiss":
            at = ctx.later(at, 0, 1)
            yield at
            services.hazard_dismiss(
                hazard=hazard, by=ctx.inspector(hazard.unit), at=at,
                reason="经现场核查，举报所述情况不存在",
            )  # fmt: skip
