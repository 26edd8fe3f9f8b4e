"""Campaign-specific facts as data-defined fields (rules/kinds/ebike.yaml for electric bicycles): recorded per
target with validation, their rule version kept, audited, a stale edit refused with who changed it, and summed
in the campaign's progress (total, by township, by assignee) and its page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from flameblue.campaigns import services, work
from flameblue.campaigns.kinds import kind_rule
from flameblue.campaigns.selectors import progress
from flameblue.core.errors import ConcurrencyError, DomainError, PermissionDeniedError
from flameblue.core.models import AuditEvent
from tests.campaigns.conftest import DAY, prepare
from tests.dates import frozen_on
from tests.factories import persona

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive, frozen_on(DAY)]

FACTS = {"stairwell_found": 6, "flying_lead_cases": 3, "flying_lead_fixed": 2, "charging_points_built": 20,
         "letters_signed": 120}  # fmt: skip


@pytest.fixture
def ebike(orgs, people, estates):
    campaign = prepare(orgs.qiaocheng_brigade, people.qiaocheng, kind="ebike")
    services.assignment_add(campaign=campaign, assignee=orgs.huaxilou_gov, by=people.qiaocheng)
    return services.campaign_launch(campaign=campaign, by=people.qiaocheng)


def _target(campaign, unit):
    return campaign.targets.get(unit=unit)


def test_the_kind_gives_the_campaign_its_extra_items_and_rule_version(ebike):
    rule = kind_rule("ebike")
    assert ebike.extra_items == list(rule.extra_items) and ebike.kind_version == rule.version


def test_facts_are_summed_in_progress_by_township_and_assignee(ebike, estates, people):
    work.record_save(target=_target(ebike, estates.lanting), by=people.qiaocheng, facts=FACTS,
                     checks={"0": "fail", "1": "pass"})  # fmt: skip
    work.record_save(target=_target(ebike, estates.suburb), by=people.qiaocheng,
                     facts={"flying_lead_cases": 1, "letters_signed": 30})  # fmt: skip
    data = progress(ebike, people.qiaocheng)
    assert data["total"].extra == {"stairwell_found": 6, "flying_lead_cases": 4, "flying_lead_fixed": 2,
                                   "charging_points_built": 20, "letters_signed": 150}  # fmt: skip
    assert [f.code for f in data["fields"]][:2] == ["stairwell_found", "flying_lead_cases"]
    assert data["total"].fact_values == [6, 4, 2, 20, 150]
    assert [p.extra.get("letters_signed") for p in data["by_assignee"]] == [120], "花戏楼街道's share only"
    assert progress(ebike, people.grid)["total"].extra["letters_signed"] == 120


def test_bad_facts_are_refused_naming_the_field(ebike, estates, people):
    target = _target(ebike, estates.lanting)
    with pytest.raises(DomainError) as refused:
        work.record_save(target=target, by=people.qiaocheng, facts={"letters_signed": -1})
    assert refused.value.field == "letters_signed" and "签订承诺书" in refused.value.message
    with pytest.raises(DomainError) as refused:
        work.record_save(
            target=target, by=people.qiaocheng, facts={"flying_lead_cases": 1, "flying_lead_fixed": 3}
        )
    assert refused.value.field == "flying_lead_fixed" and "不能多于" in refused.value.message
    with pytest.raises(DomainError):
        work.record_save(target=target, by=people.qiaocheng, facts={"bogus": 1})
    with pytest.raises(DomainError):
        work.record_save(target=target, by=people.qiaocheng, facts={}, checks={"9": "pass"})


def test_a_stale_edit_is_refused_with_who_changed_it_and_changes_are_audited(ebike, estates, people):
    target = _target(ebike, estates.lanting)
    first = work.record_save(target=target, by=people.qiaocheng, facts=FACTS)
    work.record_save(target=target, by=people.qiaocheng, facts={**FACTS, "letters_signed": 130},
                     expected_version=first.version)  # fmt: skip
    with pytest.raises(ConcurrencyError, match="qiaocheng"):
        work.record_save(target=target, by=people.grid, facts=FACTS, expected_version=first.version)
    events = AuditEvent.objects.filter(object_type="campaigns.campaignrecord").order_by("pk")
    assert events.count() == 2
    assert "130" in str(events.last().changes)


def test_the_estates_own_manager_sees_but_cannot_record_facts(ebike, estates):
    manager = persona("lanting_manager", estates.lanting.organization, "unit_manager")
    with pytest.raises(PermissionDeniedError):
        work.record_save(target=_target(ebike, estates.lanting), by=manager, facts=FACTS)
    assert not ebike.targets.filter(record__isnull=False).exists()


def test_the_record_page_saves_and_the_campaign_page_shows_the_sums(ebike, estates, people, client):
    client.force_login(people.grid)
    target = _target(ebike, estates.lanting)
    url = reverse("campaigns:target-record", kwargs={"pk": ebike.pk, "target_pk": target.pk})
    page = client.get(url)
    assert "飞线充电（起）" in page.content.decode()
    bad = client.post(url, {**FACTS, "flying_lead_fixed": 5})
    assert bad.status_code == 400 and "不能多于" in bad.content.decode()
    done = client.post(url, {**FACTS, "check_0": "fail"})
    assert done.status_code == 302
    detail = client.get(reverse("campaigns:campaign-detail", kwargs={"pk": ebike.pk})).content.decode()
    assert "签订承诺书（份）" in detail and "<td>120</td>" in detail
