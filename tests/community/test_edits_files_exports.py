"""Edits of partners, plans, activities and teams (a stale page is refused with 409 naming who changed it),
the signed agreement and activity photos (checked by content and size through the upload service) and the
Excel exports of partners, activities and volunteer hours."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from flameblue.community import services, volunteers
from flameblue.community.models import Partner
from tests.community.conftest import kind


def png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buffer, "PNG")
    return SimpleUploadedFile("photo.png", buffer.getvalue(), content_type="image/png")


def pdf() -> SimpleUploadedFile:
    return SimpleUploadedFile(
        "协议.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", content_type="application/pdf"
    )


@pytest.fixture
def activity(world):
    year = dt.date.today().year
    plan = services.plan_create(by=None, partner=world.partner, year=year, goals="全年共建")
    item = services.monthly_content_add(
        by=None, plan=plan, month=3, activity_type=kind("voluntary_labour"), content="义务劳动"
    )
    return services.activity_record(by=None, partner=world.partner, plan_item=item, activity_type=kind("voluntary_labour"),
                                    title="植树", held_on=dt.date(year, 3, 12), place="校园")  # fmt: skip


def _partner_form(partner: Partner, **changes) -> dict:
    data = {"name": partner.name, "kind": partner.kind, "contact_name": partner.contact_name,
            "contact_phone": partner.contact_phone, "active": "on", "version": partner.version}  # fmt: skip
    return {**data, **changes}


def test_brigade_edits_a_partner_and_a_stale_page_is_refused_with_409(world, client):
    partner = world.partner
    client.force_login(world.people.qiaocheng)
    form = client.get(reverse("community:partner-edit", args=[partner.pk])).content.decode()
    assert 'value="王老师"' in form
    stale = _partner_form(partner, contact_name="李老师")
    response = client.post(
        reverse("community:partner-edit", args=[partner.pk]), _partner_form(partner, contact_name="张老师")
    )
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.contact_name == "张老师" and partner.version == 2
    response = client.post(reverse("community:partner-edit", args=[partner.pk]), stale)
    assert response.status_code == 409 and "qiaocheng" in response.content.decode()
    partner.refresh_from_db()
    assert partner.contact_name == "张老师"


def test_edited_activity_date_must_stay_in_its_plans_year(world, activity, client):
    client.force_login(world.people.station)
    data = {"activity_type": activity.activity_type_id, "title": "植树", "held_on": f"{activity.held_on.year + 1}-03-12",
            "place": "校园", "our_participants": 5, "partner_participants": 30, "beneficiaries": 0, "version": activity.version}  # fmt: skip
    response = client.post(reverse("community:activity-edit", args=[activity.pk]), data)
    assert response.status_code == 400 and "不在所属计划的年度" in response.content.decode()
    data["held_on"] = f"{activity.held_on.year}-03-15"
    assert client.post(reverse("community:activity-edit", args=[activity.pk]), data).status_code == 302
    activity.refresh_from_db()
    assert activity.held_on.day == 15 and activity.our_participants == 5


def test_plan_and_team_edits(world, client):
    plan = services.plan_create(by=None, partner=world.partner, year=2026, goals="旧目标")
    team = volunteers.team_create(by=None, name="服务队", station=world.stations.qiaocheng, leader_name="李",
                                  founded_on=dt.date(2015, 3, 5))  # fmt: skip
    client.force_login(world.people.station)
    client.post(reverse("community:plan-edit", args=[plan.pk]), {"goals": "新目标", "version": plan.version})
    client.post(reverse("community:team-edit", args=[team.pk]),
                {"name": "服务队", "leader_name": "王", "founded_on": "2015-03-05", "version": team.version})  # fmt: skip
    plan.refresh_from_db()
    team.refresh_from_db()
    assert plan.goals == "新目标" and team.leader_name == "王"


def test_activity_photo_must_be_an_image_and_the_agreement_may_be_a_pdf(world, activity, client):
    client.force_login(world.people.qiaocheng)
    refused = client.post(reverse("community:activity-photo", args=[activity.pk]), {"file": pdf()})
    assert refused.status_code == 400 and "不是允许的类型" in refused.content.decode()
    assert (
        client.post(reverse("community:activity-photo", args=[activity.pk]), {"file": png()}).status_code
        == 302
    )
    assert (
        client.post(
            reverse("community:partner-agreement", args=[world.partner.pk]), {"file": pdf()}
        ).status_code
        == 302
    )
    assert [f.purpose for f in services.attachments(activity, "photo")] == ["photo"]
    agreement = services.attachments(world.partner, "agreement").get()
    page = client.get(reverse("community:partner-detail", args=[world.partner.pk])).content.decode()
    assert reverse("core:file-download", args=[agreement.pk]) in page
    client.force_login(world.people.mengcheng)
    assert client.get(reverse("core:file-download", args=[agreement.pk])).status_code == 404


def _sheet(response) -> list[tuple]:
    return list(openpyxl.load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))


def test_exports_of_partners_and_volunteer_hours(world, client):
    team = volunteers.team_create(by=None, name="服务队", station=world.stations.qiaocheng, leader_name="李",
                                  founded_on=dt.date(2015, 3, 5))  # fmt: skip
    member = volunteers.member_add(
        by=None, team=team, name="刘芳", phone="13900001111", joined_on=dt.date(2020, 1, 1)
    )
    for day, hours in ((dt.date(2026, 3, 5), "2.5"), (dt.date(2026, 6, 1), "3"), (dt.date(2025, 6, 1), "9")):
        volunteers.service_record(
            by=None, team=team, served_on=day, title="义务劳动", hours=[(member, Decimal(hours))]
        )
    client.force_login(world.people.qiaocheng)
    partners = _sheet(client.get(reverse("community:partner-export")))
    assert [r[0] for r in partners[1:]] == ["亳州市第一中学"] and "138****5678" in partners[1]
    hours = _sheet(client.get(reverse("community:hours-export"), {"year": 2026}))
    assert hours[1][2] == "刘芳" and hours[1][4] == 2 and hours[1][5] == 5.5
