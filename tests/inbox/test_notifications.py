import pytest
from django.urls import reverse

from flameblue.core.notify import Message, notify, unread_count

pytestmark = [pytest.mark.django_db(transaction=False), pytest.mark.sqlite]


def test_notification_lands_once_per_dedupe_key(people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notify([people.qiaocheng], Message("隐患逾期未整改", link="/"), dedupe_key="hazard:1:overdue")
        notify([people.qiaocheng], Message("隐患逾期未整改", link="/"), dedupe_key="hazard:1:overdue")
    assert unread_count(people.qiaocheng) == 1


def test_inbox_shows_own_messages_only(client, people):
    notify([people.qiaocheng], Message("给谯城大队的通知"))
    notify([people.mengcheng], Message("给蒙城大队的通知"))
    client.force_login(people.qiaocheng)
    page = client.get(reverse("core:inbox")).content.decode()
    assert "给谯城大队的通知" in page and "给蒙城大队的通知" not in page
    client.post(reverse("core:inbox"))
    assert unread_count(people.qiaocheng) == 0


def test_disabled_users_get_no_notifications(people):
    people.grid.is_active = False
    people.grid.save()
    assert notify([people.grid], Message("x")) == []
