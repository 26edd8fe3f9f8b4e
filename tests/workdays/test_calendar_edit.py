"""An administrator corrects the calendar; deadlines follow at once and every change is audited."""

import datetime as dt

import pytest

from flameblue.core.errors import PermissionDeniedError
from flameblue.core.models import AuditEvent
from flameblue.workdays.choices import DaySource
from flameblue.workdays.loader import load_calendar
from flameblue.workdays.models import WorkingDay
from flameblue.workdays.services import (
    add_working_days,
    calendar_year_create,
    is_working_day,
    known_years,
    working_day_set,
)

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

D = dt.date


def test_marking_an_extra_rest_day_moves_deadlines_at_once(people):
    assert add_working_days(D(2025, 1, 27), 3).date == D(2025, 2, 7)  # loads the cache
    day = working_day_set(date=D(2025, 2, 5), is_working=False, note="市政府延长假期", by=people.detachment)
    assert day.source == DaySource.MANUAL and day.updated_by == people.detachment
    # 02-06, 02-07, then the Saturday make-up day 02-08.
    assert add_working_days(D(2025, 1, 27), 3).date == D(2025, 2, 8)


def test_every_calendar_change_is_audited_with_old_and_new_values(people):
    working_day_set(
        date=D(2025, 2, 5), is_working=False, note="延长假期", by=people.sysadmin, reason="市政府通知"
    )
    event = AuditEvent.objects.get(object_type="workdays.workingday", object_id="2025-02-05")
    assert event.actor == people.sysadmin
    assert event.changes["is_working_day"] == [True, False]
    assert event.reason == "市政府通知"


def test_someone_without_the_calendar_permission_cannot_change_it(people):
    with pytest.raises(PermissionDeniedError):
        working_day_set(date=D(2025, 2, 5), is_working=False, by=people.qiaocheng)
    assert WorkingDay.objects.get(date=D(2025, 2, 5)).is_working_day


def test_a_day_entered_in_an_unknown_year_counts_but_still_warns(people):
    working_day_set(date=D(2040, 1, 6), is_working=False, note="元旦调休", by=people.detachment)
    result = add_working_days(D(2040, 1, 5), 1)
    assert result.date == D(2040, 1, 9)
    assert result.warning is not None


def test_filling_a_new_year_makes_it_known_and_stops_the_warning(people):
    assert 2040 not in known_years()
    assert calendar_year_create(year=2040, by=people.detachment) == 366
    assert 2040 in known_years()
    assert add_working_days(D(2040, 1, 5), 1).warning is None
    assert calendar_year_create(year=2040, by=people.detachment) == 0


def test_reloading_from_the_package_keeps_an_administrators_correction(people):
    working_day_set(date=D(2025, 2, 5), is_working=False, note="延长假期", by=people.detachment)
    WorkingDay.objects.filter(date=D(2025, 1, 28)).update(is_working_day=True, note="")  # drifted row
    created, updated = load_calendar(years=range(2025, 2026))
    assert (created, updated) == (0, 1)
    assert not WorkingDay.objects.get(date=D(2025, 2, 5)).is_working_day
    assert WorkingDay.objects.get(date=D(2025, 1, 28)).note == "春节"


def test_seeded_days_carry_chinese_holiday_names():
    assert WorkingDay.objects.get(date=D(2025, 1, 29)).note == "春节"
    assert WorkingDay.objects.get(date=D(2025, 1, 26)).note == "春节调休上班"
    assert WorkingDay.objects.get(date=D(2024, 10, 1)).source == DaySource.CHINESE_CALENDAR


def test_an_edit_in_another_process_is_picked_up_through_the_shared_generation(people, monkeypatch):
    from flameblue.workdays import services

    assert is_working_day(D(2025, 3, 3))
    # Another process edits the row and publishes a new generation; this process has the year cached.
    WorkingDay.objects.filter(date=D(2025, 3, 3)).update(is_working_day=False)
    services.cache.set(services.GENERATION_KEY, "another-process")
    assert is_working_day(D(2025, 3, 3))  # still within the check interval
    monkeypatch.setattr(services, "GENERATION_CHECK_SECONDS", 0.0)
    assert not is_working_day(D(2025, 3, 3))


def test_the_role_migration_appends_missing_calendar_actions(orgs):
    import importlib

    from django.apps import apps

    from flameblue.org.models import Role

    role = Role.objects.get(code="detachment_admin")
    role.actions = [a for a in role.actions if not a.startswith("workdays.")]
    role.save()
    migration = importlib.import_module("flameblue.workdays.migrations.0003_role_actions")
    migration.grant(apps, None)
    migration.grant(apps, None)  # idempotent
    role.refresh_from_db()
    assert role.actions.count("workdays.workingday.change") == 1


def test_the_load_calendar_command_reports_and_refuses_unknown_years(capsys):
    from django.core.management import CommandError, call_command

    WorkingDay.objects.filter(date=D(2024, 5, 1)).delete()
    call_command("load_calendar", from_year=2024, to_year=2024)
    assert "新增 1 天" in capsys.readouterr().out
    assert WorkingDay.objects.get(date=D(2024, 5, 1)).note == "劳动节"
    with pytest.raises(CommandError, match="年份范围"):
        call_command("load_calendar", from_year=1990, to_year=2024)
