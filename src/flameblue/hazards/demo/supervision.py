"""Demo stories of listed supervision (挂牌督办): a major hazard judged under GB 35181 (engine suggestion,
collective discussion, sometimes an expert panel), or a prominent one, filed as a case, listed by the city
or a county government with a document number and deadline, reported on periodically, and delisted after a
passing re-inspection — or still listed, awaiting a decision, decided late, refused."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from flameblue.hazards.demo.clock import Story
from flameblue.hazards.demo.context import CITY, Context, Plan
from flameblue.hazards.models import Hazard, SupervisionCase
from flameblue.hazards.supervision import determination_services as det_services
from flameblue.hazards.supervision import services as sup

__all__ = ["Listing", "listed_story"]

DOC_PREFIX = {CITY: "亳政督", "341602": "谯政督", "341621": "涡政督", "341622": "蒙政督", "341623": "利政督"}
DISCUSSANTS = [("孙志强", "支队参谋长"), ("王磊", "防火监督员"), ("赵建国", "副大队长"), ("李静", "防火监督员"),
               ("刘鹏", "站长"), ("周海涛", "法制员")]  # fmt: skip
EXPERTS = [("陈建华", "亳州市应急管理局"), ("宋立新", "亳州市住房和城乡建设局"), ("韩志刚", "安徽建筑大学"),
           ("蒋文博", "亳州市消防救援支队"), ("曹永明", "亳州市卫生健康委员会"), ("彭晓东", "安徽省消防救援总队"),
           ("丁海波", "亳州市市场监督管理局"), ("魏长青", "中国建筑科学研究院"), ("何立军", "亳州市商务局")]  # fmt: skip

#: GB 35181-2017 elements that make a place of each category major, as a brigade typically finds them.
ELEMENTS = {
    "crowded": [["7.3.1", "7.3.3", "7.5"], ["6.6"], ["7.3.2", "7.3.5", "7.9.3", "7.7.1"], ["6.5"]],
    "flammable": [["7.1.1", "7.1.2", "7.4.5"], ["7.1.3", "7.4.5", "7.4.6"]],
    "important": [["7.2.1", "7.4.1", "7.6.1", "7.7.1"]],
}
CATEGORY_BY_PLACE = {"flammable": "flammable", "heritage": "important"}


@dataclass
class Listing:
    """How a supervision story goes: who lists it, and how far it gets."""

    government: str  # region code of the listing government (city or county)
    outcome: str  # delisted | listed | requested | filed | refused
    major: bool = False  # judged under GB 35181 first (reported as prominent, concluded major)
    failed_first: bool = False
    panel: bool = False
    report_count: int | None = None  # stop reporting after this many (a report falls overdue)
    deadline_amount: int | None = None


def _doc_number(ctx: Context, region: str, year: int) -> str:
    key = f"doc:{region}:{year}"
    ctx.counts[key] += 1
    return f"{DOC_PREFIX[region]}〔{year}〕{ctx.counts[key]}号"


def _determination(ctx: Context, hazard: Hazard, at: dt.datetime, listing: Listing) -> Story:
    yield at
    category = CATEGORY_BY_PLACE.get(hazard.unit.place_type_id or "", "crowded")
    elements = ctx.rng.choice(ELEMENTS[category])
    by = ctx.inspector(hazard.unit)
    det = det_services.determination_create(
        hazard=hazard, by=by, standard="GB35181-2017", elements=elements, categories=[category], at=at,
        found_on=timezone.localtime(hazard.found_at).date(),
    )  # fmt: skip
    at = ctx.later(at, 1, 3)
    yield at
    people = ctx.rng.sample(DISCUSSANTS, ctx.rng.randint(3, 5))
    det = det_services.determination_record_discussion(
        det=det, by=by, at=at, participants=[{"name": n, "role": r} for n, r in people],
        minutes=f"大队集体讨论认为，该单位存在{len(elements)}项判定要素（{'、'.join(elements)}），均不能当场改正，"
        "不属于5.1.3排除情形，建议判定为重大火灾隐患。",
    )  # fmt: skip
    if listing.panel:
        at = ctx.later(at, 2, 5)
        yield at
        members = ctx.rng.sample(EXPERTS, ctx.rng.randint(7, 9))
        votes_for = len(members) - ctx.rng.randint(0, 1)
        det = det_services.determination_record_panel(
            det=det, by=by, members=[{"name": n, "organisation": o} for n, o in members],
            votes_for=votes_for, votes_against=len(members) - votes_for,
            heard=[{"name": hazard.unit.name, "organisation": "被检查单位"}],
        )  # fmt: skip
    at = ctx.later(at, 0, 2)
    yield at
    det_services.determination_conclude(
        det=det, by=by, is_major=True, at=at, conclusion="经集体讨论" + ("及专家组论证" if listing.panel else "")
        + "，判定为重大火灾隐患。", proposed_measures="按判定要素逐项整改，整改期间落实临时防范措施。",
        proposed_deadline=timezone.localtime(at).date() + dt.timedelta(days=90),
    )  # fmt: skip
    ctx.counts["determinations"] += 1
    return at


def _decide(ctx: Context, case: SupervisionCase, at: dt.datetime, listing: Listing) -> SupervisionCase:
    region = listing.government
    day = timezone.localtime(at).date()
    if listing.outcome == "refused":
        return sup.case_decide(
            case=case, listed=False, by=ctx.leaders.get(region), at=at,
            reason="该隐患已由行业主管部门督促整改，不再挂牌督办，由消防救援大队依法跟踪复查。",
        )  # fmt: skip
    deadline = max(case.hazard.deadline, day + dt.timedelta(days=60))
    return sup.case_decide(
        case=case, listed=True, by=ctx.leaders.get(region), at=at, report_interval_days=30,
        document_number=_doc_number(ctx, region, day.year), deadline=deadline,
    )  # fmt: skip


def _reports(
    ctx: Context, case: SupervisionCase, at: dt.datetime, until: dt.datetime, limit: int | None
) -> Story:
    """Monthly supervision reports from the listing until ``until`` (or ``limit`` of them)."""
    sent = 0
    while limit is None or sent < limit:
        at = ctx.later(at, 26, 30) if sent else ctx.later(at, 5, 10)  # the first report soon after listing
        if at >= until:
            return
        yield at
        case.refresh_from_db()
        if case.status != "listed":
            return
        sent += 1
        sup.case_report(
            case=case, by=ctx.inspector(case.hazard.unit), at=at,
            content=f"第{sent}次督办报告：单位已落实临时防范措施，整改按计划推进。",
        )  # fmt: skip


def listed_story(ctx: Context, plan: Plan, listing: Listing) -> Story:
    """A major (judged first) or prominent hazard through filing, listing, reports and delisting."""
    at = plan.found_at
    yield at
    hazard = ctx.report(plan)
    if listing.major:
        at = yield from _determination(ctx, hazard, ctx.later(at, 1, 3), listing)
        hazard.refresh_from_db()
    at = ctx.later(at, 0, 2)
    yield at
    hazard = ctx.confirm(hazard, at, amount=listing.deadline_amount)
    at = ctx.later(at, 0, 2)
    yield at
    case = sup.case_file(hazard=hazard, by=ctx.inspector(hazard.unit), at=at)
    ctx.counts["cases"] += 1
    if listing.outcome == "filed":
        return
    at = ctx.later(at, 1, 3)
    yield at
    government = ctx.governments[listing.government]
    case = sup.case_request_listing(case=case, government=government, by=ctx.inspector(hazard.unit), at=at)
    if listing.outcome == "requested":  # awaiting the decision (late or not, as the dates fall)
        return
    at = ctx.later(at, 2, 6)
    yield at
    case = _decide(ctx, case, at, listing)
    if listing.outcome == "refused":
        return
    finished = max(ctx.completion_time(hazard, at), at + dt.timedelta(days=14))
    yield from _reports(ctx, case, at, finished, listing.report_count)
    if listing.report_count is not None:
        return  # reports stopped: the next one is overdue
    if listing.outcome == "listed":
        yield from _still_listed(ctx, case, hazard)
        return
    at = yield from _rectify(ctx, hazard, max(at, finished - dt.timedelta(days=1)), fail=listing.failed_first)
    at = ctx.later(at, 1, 5)
    yield at
    sup.case_delist(case=case, by=ctx.leaders.get(listing.government) or ctx.inspector(hazard.unit), at=at)


def _rectify(ctx: Context, hazard: Hazard, at: dt.datetime, *, fail: bool) -> Story:
    at = ctx.later(at, 0, 1)
    yield at
    hazard.refresh_from_db()
    hazard = ctx.complete(hazard, at)
    at = ctx.later(at, 1, 3)
    yield at
    hazard = ctx.recheck(hazard, at, passed=not fail)
    if fail:
        at = ctx.completion_time(hazard, at)
        yield at
        hazard = ctx.complete(hazard, at)
        at = ctx.later(at, 1, 3)
        yield at
        ctx.recheck(hazard, at, passed=True)
    return at


def _still_listed(ctx: Context, case: SupervisionCase, hazard: Hazard) -> Story:
    """Still listed today: the first fix did not pass and a relocation is under way; the latest re-inspection
    set a new deadline and the latest report is recent, so nothing of it is overdue."""
    at = ctx.later(case.decided_at, 40, 60)
    yield at
    hazard.refresh_from_db()
    hazard = ctx.complete(hazard, at)
    at = ctx.later(at, 1, 3)
    yield at
    hazard = ctx.recheck(hazard, at, passed=False, amount=365)
    at = ctx.now - dt.timedelta(days=ctx.rng.randint(8, 15))
    yield at
    hazard = ctx.recheck(hazard, at, passed=False, amount=180)
    at = ctx.later(at, 1, 3)
    yield at
    case.refresh_from_db()
    sup.case_report(
        case=case, by=ctx.inspector(hazard.unit), at=at,
        content="单位整体搬迁工程已开工，原址停止使用存在隐患的部位，临时防范措施落实到位。",
    )  # fmt: skip
