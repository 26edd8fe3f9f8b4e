"""The Bozhou 2019 scenario (part of the default demo): every figure the 2019 annual work summary states comes
from records and has the summary's value — 13 major and 41 prominent hazards listed, 1000余名 officials
trained, 739人、4次, 2万册 of two handbooks, 46 partners, 11 volunteer teams, 5 third-class merits, 52
commended, 2 case reviews (谯城"3.22", 特勤"7.15"), 5 campaigns, 6 publicity drives, 4 kinds of education
bases, the four events secured, the 2018 county assessment and the 2019 responsibility letters; and one more
record of a kind moves the figures added for the scenario by one."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from flameblue.core.figures import FigurePeriod, figure, figure_records
from flameblue.governance.assessment.models import Assessment
from flameblue.governance.choices import AssessmentStatus, LetterStatus
from flameblue.governance.models import ResponsibilityLetter
from flameblue.org.choices import OrgKind
from flameblue.outreach.choices import TermKind
from flameblue.outreach.models import Attendee, EducationBase, PublicityDrive, Term, TrainingSession
from tests.reports.figure_helpers import YEAR, clone, value

pytestmark = pytest.mark.django_db

BOZHOU = ZoneInfo("Asia/Shanghai")


def records(code: str, period: FigurePeriod = YEAR):
    return figure_records(figure(code), period)


def test_every_seed_figure_has_the_summarys_value(demo):
    assert value("hazards.listed_major") == 13
    assert value("hazards.listed_prominent") == 41
    assert value("outreach.officials_trained") >= 1000
    assert (value("outreach.roster_attendees"), value("outreach.roster_sessions")) == (739, 4)
    assert value("outreach.materials_distributed") == 20000
    assert value("community.partners") == 46
    assert value("community.volunteer_teams") == 11
    assert value("corps.merit_3") == 5
    assert value("corps.commended_corps_or_above") == 52
    assert value("corps.case_reviews") == 2
    assert value("campaigns.launched") == 5
    assert value("outreach.publicity_drives") == 6
    assert value("outreach.education_base_kinds") == 4
    assert value("events.secured") == 4
    assert value("corps.incidents") > 2000


def test_the_lists_behind_the_figures_name_the_seeds_records(demo):
    reviewed = {review.incident.title for review in records("corps.case_reviews")}
    assert reviewed == {"谯城“3.22”深井救援", "特勤“7.15”煤气罐爆炸"}
    events = " ".join(event.name for event in records("events.secured"))
    # 药博会 is the 中国（亳州）国际中医药博览会
    for name in ("新中国成立70周年", "2019世界制造业大会", "“两节”“两会”", "国际中医药博览会"):
        assert name in events, name
    handbooks = {row.material.title for row in records("outreach.materials_distributed")}
    assert len(handbooks) == 2 and all(title.startswith("《") for title in handbooks)
    assert {session.title for session in records("outreach.roster_sessions")} >= {
        "亳州市《消防安全责任制实施办法》宣贯会"
    }
    kinds = {str(base.kind) for base in records("outreach.education_base_kinds")}
    assert kinds == {
        "应急消防教育培训基地",
        "应急消防科普教育基地",
        "社区消防体验馆（室）",
        "居民住宅区消防科普点",
    }
    drives = {str(drive.drive_type) for drive in records("outreach.publicity_drives")}
    assert drives == {"七进", "119宣传周", "3.15 销毁仪式", "屏幕点亮城市", "唱响消防好声音", "媒体主创宣传"}


def test_the_2018_county_assessment_was_done_and_the_2019_letters_signed(demo):
    assessment = Assessment.objects.get(year=2018, title="对县区政府2018年度消防工作进行考核")
    assert assessment.status == AssessmentStatus.PUBLISHED
    assert assessment.entries.filter(assessed__kind=OrgKind.GOVERNMENT).count() == 4
    letters = ResponsibilityLetter.objects.filter(year=2019)
    assert letters.exists() and set(letters.values_list("status", flat=True)) == {LetterStatus.SIGNED}
    assert value("governance.letters_signed") == letters.count()
    counties = letters.filter(signatory__kind=OrgKind.GOVERNMENT).values_list(
        "signatory__region_id", flat=True
    )
    assert set(counties) == {"341602", "341621", "341622", "341623"}


def test_one_more_roster_session_moves_its_figure_by_one(demo):
    before = value("outreach.roster_sessions")
    headcount_only = TrainingSession.objects.filter(held_on__year=2019, attendees__isnull=True).first()
    rostered = clone(headcount_only, held_on=dt.date(2019, 12, 20))
    clone(TrainingSession.objects.get(pk=headcount_only.pk), held_on=dt.date(2019, 12, 21))  # no roster
    assert value("outreach.roster_sessions") == before
    row = Attendee.objects.filter(session__held_on__year=2019).first()
    clone(row, session=rostered)
    clone(Attendee.objects.get(pk=row.pk), session=rostered, name="第二名参训人员")  # the same session
    assert value("outreach.roster_sessions") == before + 1


def test_one_more_kind_of_drive_or_base_moves_its_figure_by_one(demo):
    drives, events = value("outreach.publicity_drives"), value("outreach.publicity_events")
    seven_in = PublicityDrive.objects.filter(held_on__year=2019, drive_type__code="seven_in").first()
    clone(seven_in, held_on=dt.date(2019, 12, 2))  # another 七进 activity: one more event, not one more drive
    assert (value("outreach.publicity_drives"), value("outreach.publicity_events")) == (drives, events + 1)
    lecture = Term.objects.get(kind=TermKind.DRIVE_TYPE, code="lecture_hall")
    clone(PublicityDrive.objects.get(pk=seven_in.pk), drive_type=lecture, target=None, title="消防大讲堂")
    assert (value("outreach.publicity_drives"), value("outreach.publicity_events")) == (
        drives + 1,
        events + 2,
    )

    kinds = value("outreach.education_base_kinds")
    base = EducationBase.objects.filter(opened_on__year=2019).first()
    clone(base, name="又一个同类基地")
    assert value("outreach.education_base_kinds") == kinds
    museum = Term.objects.create(kind=TermKind.BASE_KIND, code="museum", name="消防博物馆", version="test")
    clone(
        EducationBase.objects.get(pk=base.pk),
        name="亳州消防博物馆",
        kind=museum,
        opened_on=dt.date(2020, 2, 1),
    )
    assert value("outreach.education_base_kinds") == kinds  # opened after the year
    clone(EducationBase.objects.get(pk=base.pk), name="亳州消防博物馆分馆", kind=museum)
    assert value("outreach.education_base_kinds") == kinds + 1
