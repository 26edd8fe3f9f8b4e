"""Shared fixtures of the governance tests: the committee organizations of the persona governments (as the
org tree has them), county leaders, a meeting with a decision, and an uploadable scan."""

from __future__ import annotations

import datetime as dt
import io
from types import SimpleNamespace

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from flameblue.governance import services
from flameblue.governance.models import Committee
from flameblue.org.choices import OrgKind
from tests.factories import org, persona

TODAY = dt.date(2026, 3, 20)


def scan(name: str = "scan.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (255, 255, 255)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def frozen():
    """Time frozen at 2026-03-20 (a Friday), the day every test in this package acts on."""
    with time_machine.travel(dt.datetime(2026, 3, 20, 10, 0, tzinfo=dt.UTC), tick=False) as traveller:
        yield traveller


@pytest.fixture
def gov(orgs):
    """The committees (linked to their governments as in the org tree) and one leader per government."""
    city_committee = org("亳州市消防安全委员会", OrgKind.COMMITTEE, "3416", parent=orgs.city_gov)
    qiaocheng_committee = org("谯城区消防安全委员会", OrgKind.COMMITTEE, "341602", parent=orgs.qiaocheng_gov)
    mengcheng_committee = org("蒙城县消防安全委员会", OrgKind.COMMITTEE, "341622", parent=orgs.mengcheng_gov)
    orgs.qiaocheng_gov.parent = orgs.city_gov
    orgs.qiaocheng_gov.save()
    orgs.mengcheng_gov.parent = orgs.city_gov
    orgs.mengcheng_gov.save()
    return SimpleNamespace(
        city_committee=Committee.objects.get(pk=city_committee.pk),
        qiaocheng_committee=Committee.objects.get(pk=qiaocheng_committee.pk),
        mengcheng_committee=Committee.objects.get(pk=mengcheng_committee.pk),
        qiaocheng_leader=persona("qiaocheng_leader", orgs.qiaocheng_gov, "government_leader"),
        mengcheng_leader=persona("mengcheng_leader", orgs.mengcheng_gov, "government_leader"),
        office=persona("qiaocheng_office", qiaocheng_committee, "government_leader"),
    )


def make_meeting(
    committee, *, by=None, held_on=dt.date(2026, 3, 10), kind="analysis", title="一季度消防安全形势研判会"
):
    return services.meeting_create(
        by=by, committee=committee, kind=kind, title=title, held_on=held_on, chair="张区长",
        topics="分析一季度火灾形势，部署春季防火", attendees="区消安委成员单位",
    )  # fmt: skip


@pytest.fixture
def meeting(gov, frozen):
    return make_meeting(gov.qiaocheng_committee)


@pytest.fixture
def decision(meeting, orgs, gov):
    return services.decision_add(
        by=gov.office, meeting=meeting, text="开展学校、医院消防安全专项检查",
        owners=[orgs.qiaocheng_edu, orgs.qiaocheng_health], due_on=dt.date(2026, 4, 30),
    )  # fmt: skip


@pytest.fixture
def edu_item(decision, orgs):
    return decision.action_items.get(owner=orgs.qiaocheng_edu)
