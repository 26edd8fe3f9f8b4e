"""The outreach demo in the shared Bozhou demo: the seed year's figures come out of the records — 739
officials on the rosters of 4 briefings, 1,000+ officials trained, 20,000 handbooks distributed (two
handbooks), the six publicity drives and bases of all four kinds with visits."""

from __future__ import annotations

import io

import pytest
from django.db.models import Sum

from flameblue.outreach import demo as outreach_demo
from flameblue.outreach.choices import TermKind
from flameblue.outreach.models import BaseVisit, EducationBase, Material, PublicityDrive
from flameblue.outreach.selectors import publicity_reach, training_coverage

pytestmark = pytest.mark.django_db


def test_the_seed_year_is_counted_from_records(demo):
    cov = training_coverage(None, 2019)
    assert (cov.roster_attendees, cov.roster_sessions) == (739, 4)
    assert cov.officials >= 1000
    assert cov.leaders + cov.department_heads == 739  # every roster line a distinct official
    assert cov.governments > 4 and cov.departments > 10

    materials = Material.objects.all()
    assert materials.count() == 2
    assert materials.aggregate(n=Sum("distributions__copies"))["n"] == 20000

    kinds = set(PublicityDrive.objects.values_list("drive_type__code", flat=True))
    assert kinds == {"seven_in", "week_119", "destruction_315", "screens", "good_voice", "media_creators"}
    assert all(r.drives for r in publicity_reach(None, 2019)["by_target"])
    assert EducationBase.objects.values("kind").distinct().count() == 4
    assert BaseVisit.objects.count() > 0
    assert not EducationBase.objects.exclude(kind__kind=TermKind.BASE_KIND).exists()


def test_a_second_run_changes_nothing(demo):
    out = io.StringIO()
    assert outreach_demo.seed(out) == {}
    assert "未作改动" in out.getvalue()
