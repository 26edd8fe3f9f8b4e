"""Publishing a checklist version: a detachment administrator publishes a draft, the version in use until
then is retired, both moves are audited, and the published items stay as they were."""

from __future__ import annotations

import pytest
from django.urls import reverse

from flameblue.core.errors import ConcurrencyError, DomainError, PermissionDeniedError
from flameblue.core.models import AuditEvent
from flameblue.inspections.models import Checklist
from flameblue.inspections.services import checklist_publish
from tests.inspections.helpers import draft_version

pytestmark = pytest.mark.django_db


@pytest.fixture
def mall():
    return Checklist.objects.get(code="mall", edition="2026.1")


def test_publishing_a_new_version_retires_the_previous_one(people, mall):
    draft = draft_version(mall, edition="2026.9")
    checklist_publish(checklist=draft, by=people.detachment, expected_version=draft.version)
    draft.refresh_from_db()
    mall.refresh_from_db()
    assert (draft.status, mall.status) == ("published", "retired")
    assert draft.published_by == people.detachment and draft.published_at is not None
    assert mall.retired_at is not None
    assert Checklist.objects.filter(code="mall", status="published").count() == 1
    moves = AuditEvent.objects.filter(object_type="inspections.checklist", action="transition").order_by("id")
    assert [(e.object_id, e.changes["status"]) for e in moves] == [
        (str(mall.pk), ["published", "retired"]),
        (str(draft.pk), ["draft", "published"]),
    ]
    assert mall.items.count() == draft.items.count()


def test_other_checklists_are_not_retired(people, mall):
    draft = draft_version(mall, edition="2026.9")
    checklist_publish(checklist=draft, by=people.detachment)
    assert Checklist.objects.get(code="hotel", edition="2026.1").status == "published"


def test_only_a_draft_can_be_published(people, mall):
    with pytest.raises(DomainError, match="只有草稿状态的检查表可以发布"):
        checklist_publish(checklist=mall, by=people.detachment)


def test_a_draft_without_items_cannot_be_published(people, mall):
    draft = draft_version(mall, edition="2026.9")
    draft.items.all().delete()
    with pytest.raises(DomainError, match="没有检查项"):
        checklist_publish(checklist=draft, by=people.detachment)
    assert Checklist.objects.get(pk=mall.pk).status == "published"


def test_a_brigade_inspector_may_not_publish(people, mall):
    draft = draft_version(mall, edition="2026.9")
    with pytest.raises(PermissionDeniedError):
        checklist_publish(checklist=draft, by=people.qiaocheng)
    assert Checklist.objects.get(pk=draft.pk).status == "draft"


def test_a_stale_publish_is_refused(people, mall):
    draft = draft_version(mall, edition="2026.9")
    with pytest.raises(ConcurrencyError):
        checklist_publish(checklist=draft, by=people.detachment, expected_version=draft.version + 1)
    assert Checklist.objects.get(pk=mall.pk).status == "published"


def test_publish_button_publishes_from_the_page(login, people, mall):
    draft = draft_version(mall, edition="2026.9")
    client = login(people.detachment)
    page = client.get(reverse("inspections:checklist-detail", kwargs={"pk": draft.pk}))
    assert "发布此版本" in page.content.decode()
    response = client.post(
        reverse("inspections:checklist-publish", kwargs={"pk": draft.pk}),
        {"expected_version": draft.version},
        follow=True,
    )
    assert "已发布" in response.content.decode()
    assert Checklist.objects.get(pk=draft.pk).status == "published"
    again = client.post(reverse("inspections:checklist-publish", kwargs={"pk": draft.pk}), follow=True)
    assert "只有草稿状态的检查表可以发布" in again.content.decode()


def test_inspectors_see_no_publish_button(login, people, mall):
    draft = draft_version(mall, edition="2026.9")
    page = login(people.qiaocheng).get(reverse("inspections:checklist-detail", kwargs={"pk": draft.pk}))
    assert page.status_code == 200
    assert "发布此版本" not in page.content.decode()
