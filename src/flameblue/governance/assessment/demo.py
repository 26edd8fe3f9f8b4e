"""Demo data of the annual assessment (part of the governance seed): the city's assessment of the county
governments for 2018 (“对县区政府2018年度消防工作进行考核”), each county's self-assessment with evidence, the
team's review with one adjustment per county, and the published ranking and grades. Through the services."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db.models import Q
from django.db.models.functions import Length

from flameblue.core.scoping import in_region
from flameblue.governance.assessment import services
from flameblue.governance.assessment.models import Assessment
from flameblue.governance.models import AssessmentScheme
from flameblue.org.choices import OrgKind
from flameblue.org.models import Organization

__all__ = ["seed_assessment"]

YEAR = 2018
TITLE = "对县区政府2018年度消防工作进行考核"
PUBLISHED_AT = dt.datetime(2019, 2, 26, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
#: The share of each manual item's weight a county claims in its self-assessment (by county order).
CLAIMED = (Decimal("0.95"), Decimal("0.9"), Decimal("0.85"), Decimal("0.8"))


def seed_assessment(city: Organization, scan, counts: Counter) -> None:
    scheme = (
        AssessmentScheme.objects.filter(code="county-government", is_active=True).order_by("-version").first()
    )
    counties = list(
        Organization.objects.annotate(code_length=Length("region_id"))
        .filter(in_region(city.region_id), kind=OrgKind.GOVERNMENT, code_length=6)
        .exclude(pk=city.pk)
        .order_by("region_id")
    )
    if scheme is None or not counties or Assessment.objects.filter(title=TITLE).exists():
        return
    assessment = services.assessment_open(
        by=None, organizer=city, scheme=scheme, year=YEAR, assessed=counties, title=TITLE
    )
    for index, entry in enumerate(
        assessment.entries.select_related("assessed").order_by("assessed__region_id")
    ):
        share = CLAIMED[index % len(CLAIMED)]
        for score in entry.scores.select_related("item").filter(
            services.HAND_SCORED | Q(item__method="deduction")
        ):
            if score.item.method == "deduction":
                events = None if services.events_from_records(score.item) else index % 3
                services.item_self_assess(by=None, score=score, events=events, note="按挂牌督办台账统计")
                continue
            services.item_self_assess(
                by=None, score=score, self_score=(score.item.weight * share).quantize(Decimal("0.5")),
                note="详见佐证材料", evidence=[scan(f"{entry.assessed.name}-{score.item.code}.png")],
            )  # fmt: skip
        services.entry_submit(by=None, entry=entry)
    services.assessment_start_review(by=None, assessment=assessment)
    for index, entry in enumerate(assessment.entries.order_by("assessed__region_id")):
        adjusted = entry.scores.select_related("item").get(item__code="B04")
        services.item_review(
            by=None, score=adjusted, final_score=max(adjusted.self_score - 1 - index % 2, Decimal(0)),
            reason="实地核查：政府专职消防队人员未按标准配齐",
        )  # fmt: skip
        services.entry_review_complete(by=None, entry=entry)
    services.assessment_publish(by=None, assessment=assessment)
    # the story: the city published the 2018 results in February 2019 (the services stamp "now")
    Assessment.objects.filter(pk=assessment.pk).update(published_at=PUBLISHED_AT)
    counts["assessments"] += 1
