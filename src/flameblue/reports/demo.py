"""Demo data of the reports app (seeded last, after every app's records): the detachment's 2019 annual work
summary, drafted from the demo's records as version 1, so the demo opens on the summary the seed year tells.
Part of the ``bozhou-2019`` scenario."""

from __future__ import annotations

from collections.abc import Mapping

from flameblue.org.choices import OrgKind
from flameblue.org.models import Organization
from flameblue.reports.models import AnnualReport
from flameblue.reports.summary.services import create_report

YEAR = 2019


def seed(stdout) -> Mapping[str, int]:
    detachment = Organization.objects.filter(kind=OrgKind.DETACHMENT, region_id="3416").first()
    if detachment is None or AnnualReport.objects.filter(organization=detachment, year=YEAR).exists():
        return {}
    create_report(by=None, organization=detachment, year=YEAR)
    return {"annual_reports": 1}


SCENARIOS = {"bozhou-2019": seed}
