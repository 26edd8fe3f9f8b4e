"""Every officer's declarations: phones (numbers masked), the yearly credit-check record (date and result,
never the report) and the family integrity pledge (one a year, with its signed copy). An officer sees and files
their own; the discipline officer sees all and who has not declared this year; every list read is audited."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from flameblue.core.errors import PermissionDeniedError
from flameblue.core.models import AuditEvent
from flameblue.integrity.discipline import services
from flameblue.integrity.discipline.models import CreditCheck, FamilyPledge, PhoneRegistration
from flameblue.integrity.discipline.selectors import declaration_compliance
from tests.dates import frozen_on

pytestmark = [pytest.mark.date_sensitive, frozen_on(dt.date(2026, 5, 20))]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_a_phone_is_shown_masked_and_only_to_its_owner_and_the_discipline_officer(
    login, people, integrity_world
):
    phone = services.phone_register(
        by=people.qiaocheng,
        number="138 1234 5678",
        model_name="华为 Mate 60",
        registered_on=dt.date(2026, 5, 1),
    )
    assert phone.number == "13812345678" and phone.masked_number == "138****5678"
    page = login(people.qiaocheng).get(reverse("integrity:phone-list")).content.decode()
    assert "138****5678" in page and "13812345678" not in page
    assert AuditEvent.objects.filter(action="reveal", object_type="integrity.phoneregistration").exists()
    visible = {
        name: PhoneRegistration.objects.visible_to(user).filter(pk=phone.pk).exists()
        for name, user in {
            "discipline": integrity_world.discipline,
            "colleague": people.mengcheng,
            "admin": people.detachment,
        }.items()  # fmt: skip
    }
    assert visible == {"discipline": True, "colleague": False, "admin": False}


def test_an_officer_files_only_their_own(people):
    with pytest.raises(PermissionDeniedError):
        services.phone_register(
            by=people.qiaocheng, number="13900000000", model_name="小米", registered_on=dt.date(2026, 5, 1),
            person=people.mengcheng.person,
        )  # fmt: skip


def test_the_credit_check_is_recorded_once_a_year_without_the_report(people):
    record = services.credit_check_record(
        by=people.qiaocheng, year=2026, checked_on=dt.date(2026, 3, 2), result="clean"
    )
    assert {f.name for f in CreditCheck._meta.fields} >= {"checked_on", "result"}
    assert not any(f.get_internal_type() in ("FileField", "TextField") for f in CreditCheck._meta.fields)
    with pytest.raises(ValidationError, match="已登记"):
        services.credit_check_record(
            by=people.qiaocheng, year=2026, checked_on=dt.date(2026, 4, 2), result="flag"
        )
    assert record.get_result_display() == "无异常"


def test_a_second_family_pledge_the_same_year_is_refused(login, people):
    client = login(people.qiaocheng)
    data = {"year": 2026, "signed_on": "2026-03-01", "family_signatory": "李某"}
    first = client.post(reverse("integrity:pledge-create"),
                        {**data, "signed_copy": SimpleUploadedFile("承诺书.pdf", PDF, "application/pdf")})  # fmt: skip
    assert first.status_code == 302
    pledge = FamilyPledge.objects.get(person=people.qiaocheng.person)
    assert pledge.signed_copy is not None and pledge.signed_copy.content_type == "application/pdf"
    second = client.post(reverse("integrity:pledge-create"),
                         {**data, "signed_copy": SimpleUploadedFile("再交.pdf", PDF, "application/pdf")})  # fmt: skip
    assert second.status_code == 400 and "每人每年一份" in second.content.decode()
    assert FamilyPledge.objects.filter(person=people.qiaocheng.person).count() == 1
    assert client.get(reverse("core:file-download", args=[pledge.signed_copy_id])).status_code == 200
    assert (
        login(people.mengcheng).get(reverse("core:file-download", args=[pledge.signed_copy_id])).status_code
        == 404
    )


def test_the_discipline_officer_sees_who_has_not_declared_this_year(login, people, integrity_world):
    services.phone_register(
        by=people.qiaocheng, number="13812345678", model_name="华为", registered_on=dt.date(2026, 1, 5)
    )
    services.credit_check_record(
        by=people.qiaocheng, year=2026, checked_on=dt.date(2026, 3, 2), result="clean"
    )
    services.pledge_file(
        by=people.qiaocheng, year=2026, signed_on=dt.date(2026, 3, 1), family_signatory="李某"
    )
    rows = {r.person.pk: r for r in declaration_compliance(integrity_world.discipline, year=2026)}
    assert rows[people.qiaocheng.person.pk].complete
    assert rows[people.mengcheng.person.pk].missing == ["手机登记", "征信查询记录", "家庭助廉承诺书"]
    assert people.mengcheng.person.pk not in {
        r.person.pk for r in declaration_compliance(people.qiaocheng, year=2026)
    }
    page = login(integrity_world.discipline).get(reverse("integrity:declaration-compliance"))
    assert page.status_code == 200 and people.mengcheng.person.name in page.content.decode()
    assert login(people.detachment).get(reverse("integrity:declaration-compliance")).status_code == 404
