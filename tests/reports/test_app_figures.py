"""The figures of campaigns, events, outreach, corps and community count records of the demo: the seed year's
numbers match the Bozhou 2019 summary, one more record moves its figure by one (or by its quantity for a sum),
a record of another year or not yet started does not count, and a person honoured twice counts once."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from flameblue.campaigns.choices import CampaignStatus
from flameblue.campaigns.models import Campaign
from flameblue.community.models import Partner, ServiceHours, VolunteerTeam
from flameblue.community.visits.models import HolidayVisit
from flameblue.core.figures import FigurePeriod
from flameblue.corps.honours.choices import HonourGrade
from flameblue.corps.honours.models import Honour
from flameblue.corps.incidents.models import CaseReview, Incident
from flameblue.events.choices import EventStatus
from flameblue.events.models import Event
from flameblue.org.models import Person
from flameblue.outreach.choices import TermKind
from flameblue.outreach.models import Attendee, Distribution, EducationBase, PublicityDrive, TrainingSession
from tests.reports.figure_helpers import clone, value

pytestmark = pytest.mark.django_db

BOZHOU = ZoneInfo("Asia/Shanghai")


def test_the_seed_year_matches_the_summary(demo):
    assert value("campaigns.launched") == 5
    assert value("outreach.officials_trained") >= 1000
    assert value("outreach.roster_attendees") == 739
    assert value("outreach.materials_distributed") == 20000
    assert value("corps.merit_3") == 5
    assert value("corps.commended_corps_or_above") == 52
    assert value("community.partners") == 46
    assert value("community.volunteer_teams") == 11
    assert value("events.secured") > 0 and value("outreach.training_sessions") > 0
    assert value("community.volunteer_hours") > 0 and value("community.holiday_visits") > 0
    for code in (
        "campaigns.launched",
        "outreach.roster_attendees",
        "corps.merit_3",
        "community.holiday_visits",
    ):
        assert value(code, FigurePeriod.year(2016)) == 0


def test_case_reviews_and_incidents_of_the_demo_year(demo):
    today = timezone.localdate()
    recent = FigurePeriod(dt.date(2020, 1, 1), today)
    assert value("corps.case_reviews", recent) == 2 == CaseReview.objects.exclude(held_on__year=2019).count()
    assert value("corps.incidents", recent) == Incident.objects.exclude(called_at__year=2019).count() > 0
    assert value("corps.case_reviews") == 2 == CaseReview.objects.filter(held_on__year=2019).count()
    assert value("corps.incidents") == Incident.objects.filter(called_at__year=2019).count() > 2


def test_one_more_campaign_or_event_moves_the_figure_by_one(demo):
    campaigns, events = value("campaigns.launched"), value("events.secured")
    campaign = Campaign.objects.filter(starts_on__year=2019).exclude(status=CampaignStatus.DRAFT).first()
    clone(campaign)
    clone(Campaign.objects.get(pk=campaign.pk), status=CampaignStatus.DRAFT)  # not launched
    clone(Campaign.objects.get(pk=campaign.pk), starts_on=dt.date(2020, 3, 1), ends_on=dt.date(2020, 6, 1))
    assert value("campaigns.launched") == campaigns + 1

    event = Event.objects.filter(
        starts_on__year=2019, status__in=[EventStatus.SECURING, EventStatus.ENDED]
    ).first()
    clone(event, starts_on=dt.date(2018, 12, 30), ends_on=dt.date(2019, 1, 2))  # overlaps the year
    clone(Event.objects.get(pk=event.pk), status=EventStatus.PREPARING)
    clone(Event.objects.get(pk=event.pk), starts_on=dt.date(2020, 5, 1), ends_on=dt.date(2020, 5, 2))
    assert value("events.secured") == events + 1


def test_one_more_outreach_record_moves_its_figure(demo):
    before = {code: value(code) for code in (
        "outreach.training_sessions", "outreach.roster_attendees", "outreach.officials_trained",
        "outreach.publicity_events", "outreach.materials_distributed", "outreach.education_bases",
    )}  # fmt: skip
    official = Attendee.objects.filter(
        session__held_on__year=2019, audience__kind=TermKind.AUDIENCE, audience__flags__official__isnull=False
    ).first()
    clone(official, person=None, name="新参训领导")
    session = TrainingSession.objects.filter(held_on__year=2019, attendees__isnull=True).first()
    clone(session, held_on=dt.date(2019, 11, 5))
    clone(TrainingSession.objects.get(pk=session.pk), held_on=dt.date(2020, 1, 5))
    clone(PublicityDrive.objects.filter(held_on__year=2019).first())
    clone(PublicityDrive.objects.filter(held_on__year=2019).first(), held_on=dt.date(2018, 12, 31))
    clone(Distribution.objects.filter(distributed_on__year=2019).first(), copies=37)
    clone(Distribution.objects.filter(distributed_on__year=2019).first(), distributed_on=dt.date(2020, 1, 1))
    clone(EducationBase.objects.filter(opened_on__year=2019).first(), name="新科普教育基地")
    assert value("outreach.roster_attendees") == before["outreach.roster_attendees"] + 1
    assert value("outreach.officials_trained") == before["outreach.officials_trained"] + 1
    assert value("outreach.training_sessions") == before["outreach.training_sessions"] + 1
    assert value("outreach.publicity_events") == before["outreach.publicity_events"] + 1
    assert value("outreach.materials_distributed") == before["outreach.materials_distributed"] + 37
    assert value("outreach.education_bases") == before["outreach.education_bases"] + 1


def test_honours_count_people_once(demo):
    merits, commended = value("corps.merit_3"), value("corps.commended_corps_or_above")
    merit = Honour.objects.filter(awarded_on__year=2019, grade=HonourGrade.MERIT_3).first()
    clone(merit, awarded_on=dt.date(2019, 12, 1))  # the same person again: still one
    assert value("corps.merit_3") == merits
    honoured = Honour.objects.filter(awarded_on__year=2019, person__isnull=False).values("person")
    newcomer = Person.objects.exclude(pk__in=honoured).first()
    assert newcomer is not None
    clone(Honour.objects.get(pk=merit.pk), person=newcomer)
    clone(Honour.objects.get(pk=merit.pk), person=newcomer, awarded_on=dt.date(2020, 1, 2))
    assert value("corps.merit_3") == merits + 1
    assert value("corps.merit_3", FigurePeriod.year(2020)) == 1
    assert value("corps.commended_corps_or_above") == commended + (merit.level in ("ministry", "corps"))


def test_one_more_case_review_or_incident_moves_the_figure_by_one(demo):
    reviews, incidents = value("corps.case_reviews"), value("corps.incidents")
    clone(CaseReview.objects.first(), held_on=dt.date(2019, 4, 2))
    clone(CaseReview.objects.first(), held_on=dt.date(2017, 4, 2))
    clone(Incident.objects.first(), called_at=dt.datetime(2019, 12, 31, 23, 30, tzinfo=BOZHOU))
    clone(Incident.objects.first(), called_at=dt.datetime(2020, 1, 1, 0, 10, tzinfo=BOZHOU))
    assert value("corps.case_reviews") == reviews + 1
    assert value("corps.incidents") == incidents + 1


def test_one_more_community_record_moves_its_figure(demo):
    partners, teams = value("community.partners"), value("community.volunteer_teams")
    hours, visits = value("community.volunteer_hours"), value("community.holiday_visits")
    clone(Partner.objects.filter(active=True).first(), name="新共建单位")
    clone(Partner.objects.filter(active=True).first(), name="已停止共建单位", active=False)
    clone(
        Partner.objects.filter(active=True).first(),
        name="2020年共建单位",
        agreement_starts_on=dt.date(2020, 2, 1),
    )
    clone(VolunteerTeam.objects.first(), name="新服务队", founded_on=dt.date(2019, 3, 5))
    clone(VolunteerTeam.objects.first(), name="2020年服务队", founded_on=dt.date(2020, 3, 5))
    line = ServiceHours.objects.filter(record__served_on__year=2019).select_related("record").first()
    record = clone(line.record, served_on=dt.date(2019, 8, 8))
    clone(line, record=record, hours=Decimal("2.5"))
    later = clone(line.record, served_on=dt.date(2020, 8, 8))
    clone(ServiceHours.objects.filter(record__served_on__year=2019).first(), record=later)
    clone(HolidayVisit.objects.filter(visited_on__year=2019).first())
    clone(HolidayVisit.objects.filter(visited_on__year=2019).first(), visited_on=dt.date(2020, 1, 20))
    assert value("community.partners") == partners + 1
    assert value("community.volunteer_teams") == teams + 1
    assert value("community.volunteer_hours") == hours + Decimal("2.5")
    assert value("community.holiday_visits") == visits + 1
