"""Supervision demo data for Bozhou (called by ``integrity/demo.py``'s ``seed``):

- two "三个必到" occasions recorded by the political office (a fire at 特勤站's area, a problem at 蒙城站);
- a 主官带队督察 of 特勤站 and 谯城站 led by the chief of staff, a 财经领域专项检查 of 利辛 and a 纪检巡察 of
  蒙城, with findings in every state (待整改, 整改中, 逾期未整改, 已报整改完成 with evidence, 已销号);
- a 消防执法网上交叉巡查 of the 谯城 brigade's files of the last quarter by 蒙城 and 利辛 reviewers: a drawn
  sample (fixed seed), three records answered, one problem turned into a finding of the 谯城 brigade.

Everything goes through the services. A second run finds the activities and changes nothing."""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from flameblue.integrity.supervision import services
from flameblue.integrity.supervision.models import SupervisionActivity
from flameblue.integrity.supervision.policy import review_checklist
from flameblue.org.choices import OrgKind
from flameblue.org.models import Organization, User

__all__ = ["seed"]

REVIEW_SEED = 20260401


def _user(username: str) -> Any:
    return User.objects.filter(username=username).select_related("person").first()


def _org(name: str, kind: str) -> Organization | None:
    return Organization.objects.filter(name=name, kind=kind).first()


def _photo(name: str) -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 60, 40)).save(out, "PNG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")


def _occasions(today: dt.date, counts: Counter) -> None:
    political = _user("zhidui_political")
    for name, code, days, text in (
        ("特勤站", "major_incident", 20, "辖区某物流仓库发生较大火灾，特勤站全勤出动"),
        ("蒙城站", "major_problem", 40, "站内发生一起违反营区管理规定问题"),
    ):
        station = _org(name, OrgKind.STATION)
        if station is not None:
            services.occasion_record(by=political, occasion=code, organization=station,
                                     occurred_on=today - dt.timedelta(days=days), description=text)  # fmt: skip
            counts["occasions"] += 1


def _findings(activity, responsible, started: dt.date, today: dt.date, unit_user, counts: Counter) -> None:
    """Five findings, one in each state."""
    discipline = _user("zhidui_discipline")
    texts = ["执勤车辆器材登记与实物不符", "营区安全管理制度落实不到位", "值班备勤记录不全",
             "经费报销票据审核不严", "廉政谈话记录缺失"]  # fmt: skip
    made = [
        services.finding_add(
            by=None,
            activity=activity,
            responsible=responsible,
            description=text,
            requirement="立行立改，按期报送整改情况",
            deadline=started + dt.timedelta(days=20 + 10 * i),
            today=started,
        )  # fmt: skip
        for i, text in enumerate(texts)
    ]
    counts["findings"] += len(made)
    overdue, rectifying, reported, closed = made[0], made[1], made[2], made[3]
    services.finding_rectify(finding=rectifying, by=unit_user, text="已制定整改方案，正在逐项整改")
    services.finding_report(
        finding=reported, by=unit_user, text="已补齐记录并组织学习", evidence=[_photo("整改照片.png")]
    )
    services.finding_report(
        finding=closed, by=unit_user, text="已完成整改", evidence=[_photo("整改佐证.png")]
    )
    services.finding_close(finding=closed, by=discipline, note="整改到位，予以销号")
    services.finding_mark_overdue(finding=overdue, today=max(today, overdue.deadline + dt.timedelta(days=1)))


def _activities(today: dt.date, counts: Counter) -> None:
    detachment = Organization.objects.filter(kind=OrgKind.DETACHMENT).order_by("pk").first()
    discipline, political, chief = (
        _user("zhidui_discipline"),
        _user("zhidui_political"),
        _user("zhidui_admin"),
    )
    team = [u.person for u in (discipline, political) if u is not None and u.person_id]
    if detachment is None or not team:
        return
    plans = [
        ("chief_inspection", "支队主官带队督察谯城辖区队站", ["特勤站", "谯城站"], "teqin_station", 60),
        ("finance_check", "财经领域专项检查（利辛大队）", ["利辛县消防救援大队"], None, 45),
        ("discipline_patrol", "支队党委纪检巡察（蒙城大队）", ["蒙城县消防救援大队"], None, 30),
    ]
    for kind, title, names, unit_username, days in plans:
        units = [o for o in Organization.objects.filter(name__in=names) if o.kind != OrgKind.SOCIAL_UNIT]
        if not units:
            continue
        started = today - dt.timedelta(days=days)
        activity = services.activity_create(
            by=None, organizer=detachment, kind=kind, title=title, units=units, team=team,
            leader=chief.person if chief is not None and kind == "chief_inspection" else team[0],
            starts_on=started, ends_on=started + dt.timedelta(days=4), summary="听取汇报，查阅台账，实地检查，个别谈话",
        )  # fmt: skip
        counts["activities"] += 1
        _findings(activity, units[0], started, today, _user(unit_username) if unit_username else None, counts)
    _cross_review(detachment, today, counts)


def _cross_review(detachment, today: dt.date, counts: Counter) -> None:
    brigade = _org("谯城区消防救援大队", OrgKind.BRIGADE)
    reviewers = [u for u in (_user("mengcheng_fire"), _user("lixin_fire")) if u is not None and u.person_id]
    if brigade is None or not reviewers:
        return
    activity = services.activity_create(
        by=None, organizer=detachment, kind="cross_review", title="消防执法网上交叉巡查（谯城大队案卷）", units=[],
        team=[u.person for u in reviewers], starts_on=today - dt.timedelta(days=10), ends_on=today,
    )  # fmt: skip
    review = services.cross_review_draw(
        by=None, activity=activity, brigade=brigade, period_start=today - dt.timedelta(days=90), period_end=today,
        sample_size=8, seed=REVIEW_SEED,
    )  # fmt: skip
    counts["activities"] += 1
    counts["cross_review_items"] += review.items.count()
    checklist = review_checklist()
    for item in review.items.order_by("position")[:3]:
        answers = {
            p.code: item.computed.get(p.code) is not False for p in checklist.for_type(item.record_type)
        }
        services.cross_review_answer(
            item=item, by=reviewers[0], answers=answers, note="已对照巡查要点逐项核查"
        )
        if not all(answers.values()) or item.position == 1:
            services.cross_review_finding(item=item, by=reviewers[0], description=f"案卷“{item.label[:40]}”执法程序不规范",
                                          deadline=today + dt.timedelta(days=15))  # fmt: skip
            counts["findings"] += 1


def seed(stdout) -> dict[str, int]:
    """Seed once: nothing when supervision activities exist already."""
    if SupervisionActivity.objects.exists():
        return {}
    today = timezone.localdate()
    counts: Counter = Counter()
    _occasions(today, counts)
    _activities(today, counts)
    if counts:
        stdout.write(
            f"integrity: 三个必到事项 {counts['occasions']} 件，监督检查活动 {counts['activities']} 次，发现问题 "
            f"{counts['findings']} 个，交叉巡查案卷 {counts['cross_review_items']} 件。\n"
        )
    return dict(counts)
