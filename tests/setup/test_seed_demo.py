"""`flameblue seed-demo` builds the Bozhou demo organization set, its people and the demo accounts."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import RequestFactory
from stdnum.cn import ric

from flameblue.core.models import AuditAction, AuditEvent
from flameblue.geo.models import Region
from flameblue.org.choices import OrgKind
from flameblue.org.demo import seed as seed_org_demo
from flameblue.org.demo.builder import read_demo_data
from flameblue.org.models import Membership, Organization, Person, User

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite, pytest.mark.date_sensitive]

DEMO_ACCOUNTS = {
    "zhidui_admin": ("detachment_admin", "亳州市消防救援支队"),
    "qiaocheng_fire": ("brigade_inspector", "谯城区消防救援大队"),
    "mengcheng_fire": ("brigade_inspector", "蒙城县消防救援大队"),
    "bozhou_gov": ("government_leader", "亳州市人民政府"),
    "lixin_gov": ("government_leader", "利辛县人民政府"),
    "qiaocheng_gov": ("government_leader", "谯城区人民政府"),
    "woyang_gov": ("government_leader", "涡阳县人民政府"),
    "mengcheng_gov": ("government_leader", "蒙城县人民政府"),
    "lixin_fire": ("brigade_inspector", "利辛县消防救援大队"),
    "huaxilou_grid": ("grid_officer", "花戏楼街道办事处"),
    "qiaocheng_edu": ("department_supervisor", "谯城区教育局"),
    "zhidui_political": ("political_officer", "政治处"),
    "zhidui_discipline": ("discipline_officer", "政治处"),
    "sysadmin": ("system_admin", "亳州市消防救援支队"),
    "secadmin": ("security_admin", "亳州市消防救援支队"),
    "auditor": ("auditor", "亳州市消防救援支队"),
    "yizhong_manager": ("unit_manager", "亳州市第一中学"),
    "teqin_station": ("station_commander", "特勤站"),
}


def _counts() -> dict[str, int]:
    return {
        "organizations": Organization.objects.count(),
        "people": Person.objects.count(),
        "memberships": Membership.objects.count(),
        "users": User.objects.count(),
        "audit": AuditEvent.objects.count(),
    }


def test_every_bozhou_township_gets_exactly_one_government(demo):
    townships = Region.objects.filter(code__startswith="3416", level="township")
    assert townships.count() == 96
    govs = Organization.objects.filter(kind=OrgKind.GOVERNMENT, region__in=townships)
    assert govs.count() == 96
    assert set(govs.values_list("region_id", flat=True)) == set(townships.values_list("code", flat=True))
    names = set(govs.values_list("name", flat=True))
    assert {"花戏楼街道办事处", "古井镇人民政府", "张店乡人民政府", "安徽涡阳经济开发区管理委员会"} <= names
    assert govs.get(region_id="341602001").parent.name == "谯城区人民政府"


def test_city_and_counties_have_government_committee_and_at_least_ten_departments(demo):
    levels = {
        "3416": "亳州市",
        "341602": "谯城区",
        "341621": "涡阳县",
        "341622": "蒙城县",
        "341623": "利辛县",
    }
    for region, prefix in levels.items():
        gov = Organization.objects.get(kind=OrgKind.GOVERNMENT, region_id=region)
        assert gov.name == f"{prefix}人民政府"
        assert (
            Organization.objects.get(kind=OrgKind.COMMITTEE, region_id=region).name
            == f"{prefix}消防安全委员会"
        )
        departments = Organization.objects.filter(kind=OrgKind.DEPARTMENT, region_id=region, parent=gov)
        assert departments.count() >= 10
        assert all(d.name.startswith(prefix) and d.industry_id for d in departments)
        assert departments.get(industry_id="education").name == f"{prefix}教育局"


def test_fire_service_tree(demo):
    detachment = Organization.objects.get(kind=OrgKind.DETACHMENT, name="亳州市消防救援支队")
    assert detachment.region_id == "3416"
    offices = Organization.objects.filter(kind=OrgKind.DETACHMENT_OFFICE, parent=detachment)
    assert set(offices.values_list("name", flat=True)) == {"司令部", "政治处", "防火监督处", "后勤保障处"}
    brigades = Organization.objects.filter(kind=OrgKind.BRIGADE, parent=detachment)
    assert {(b.name, b.region_id) for b in brigades} == {
        ("谯城区消防救援大队", "341602"),
        ("涡阳县消防救援大队", "341621"),
        ("蒙城县消防救援大队", "341622"),
        ("利辛县消防救援大队", "341623"),
    }
    teqin = Organization.objects.get(kind=OrgKind.STATION, name="特勤站")
    assert teqin.parent.name == "谯城区消防救援大队" and teqin.region_id == "341602"
    for name in ("谯城站", "涡阳站", "蒙城站", "利辛站"):
        station = Organization.objects.get(kind=OrgKind.STATION, name=name)
        assert station.parent.kind == OrgKind.BRIGADE and station.region_id == station.parent.region_id
    assert Organization.objects.filter(kind=OrgKind.FULLTIME_BRIGADE).exists()
    assert Organization.objects.filter(kind=OrgKind.VOLUNTEER_BRIGADE).exists()
    school = Organization.objects.get(kind=OrgKind.SOCIAL_UNIT, name="亳州市第一中学")
    assert (school.region_id, school.industry_id) == ("341602001", "education")


def test_demo_accounts_log_in_with_the_demo_password(demo):
    request = RequestFactory().post("/account/login/")
    for username, (role, org_name) in DEMO_ACCOUNTS.items():
        user = authenticate(request, username=username, password=settings.DEMO_PASSWORD)
        assert user is not None, username
        assert user.person.memberships.filter(role__code=role, organization__name=org_name).exists(), username
    assert authenticate(request, username="qiaocheng_fire", password="Wrong#Passw0rd-1") is None


def test_one_brigade_officer_also_sits_on_the_county_committee(demo):
    people = Person.objects.filter(
        memberships__organization__kind=OrgKind.BRIGADE,
    ).filter(memberships__organization__kind=OrgKind.COMMITTEE)
    officer = people.get()
    assert officer.memberships.count() == 2
    assert officer.user.username == "woyang_fire"


def test_people_have_valid_phones_and_id_numbers(demo):
    # The inspections demo adds a few officers without an ID number; everyone else has a valid one.
    people = list(Person.objects.exclude(user__username__startswith="demo_inspector_"))
    assert len(people) > 200
    for person in people:
        assert re.fullmatch(r"1[3-9]\d{9}", person.phone), person.phone
        id_number = person.id_number
        assert ric.is_valid(id_number), id_number
        assert int(id_number[16]) % 2 == (1 if person.gender == "M" else 0)
        assert 1960 <= ric.get_birth_date(id_number).year <= 2005
        assert ric.get_birth_place(id_number)["province"] == "安徽省"
    assert len({p.id_number_digest for p in people}) == len(people)


def test_demo_accounts_see_their_own_jurisdiction(demo):
    qiaocheng = User.objects.get(username="qiaocheng_fire")
    visible = Organization.objects.visible_to(qiaocheng)
    assert visible.filter(name="花戏楼街道办事处").exists()
    assert not visible.filter(name="蒙城站").exists()
    edu = User.objects.get(username="qiaocheng_edu")
    assert set(Organization.objects.visible_to(edu).values_list("industry_id", flat=True)) == {"education"}


def test_command_prints_accounts_and_running_it_twice_changes_nothing(demo):
    for username, (_, org_name) in DEMO_ACCOUNTS.items():
        assert re.search(rf"^{username}\s+\S+\s+{org_name}$", demo.output, re.M), username
    assert settings.DEMO_PASSWORD in demo.output

    before = _counts()
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert _counts() == before
    assert "无新增" in out.getvalue()
    event = AuditEvent.objects.get(action=AuditAction.IMPORT, actor_name="seed-demo")
    assert event.changes["created"]["org.accounts"] == len(read_demo_data()["accounts"]) >= len(DEMO_ACCOUNTS)


def test_running_again_keeps_changed_passwords(demo):
    user = User.objects.get(username="bozhou_gov")
    user.set_password("Changed#Passw0rd-9")
    user.save()
    seed_org_demo()
    user.refresh_from_db()
    assert user.check_password("Changed#Passw0rd-9")


def test_app_demo_hooks_follow_installed_apps_order():
    from django.apps import apps

    from flameblue.org.management.commands.seed_demo import seed_hooks

    order = [config.label for config in apps.get_app_configs()]
    labels = [label for label, _ in seed_hooks()]
    assert "org" in labels
    assert labels == sorted(labels, key=order.index)
