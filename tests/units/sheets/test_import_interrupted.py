"""A job whose worker died (killed consumer, lost database) stops beating; the sweep — or the uploader looking
at the job — marks it 中断 (interrupted), nothing it started is left half-written, and the uploader can start
it again with one button."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from flameblue.core.models import AuditAction, AuditEvent
from flameblue.core.sweep import run_sweep
from flameblue.units.models import ImportJobStatus, Unit, UnitImportJob
from flameblue.units.sheets import writing
from flameblue.units.sheets.import_jobs import mark_stale_jobs, run_apply
from tests.units.sheets.sheets import xlsx

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

NAME, TOWN = "单位名称*", "所在乡镇（街道）*"
ROWS = [{NAME: f"中断测试商户{i}号", TOWN: ["古井镇", "花戏楼街道", "芦庙镇"][i % 3]} for i in range(7)]


class ConsumerKilled(BaseException):
    """What a SIGKILL looks like from inside the process: no except clause gets to run."""


def _silent_for(job: UnitImportJob, minutes: int) -> None:
    old = timezone.now() - dt.timedelta(minutes=minutes)
    UnitImportJob.objects.filter(pk=job.pk).update(heartbeat_at=old, updated_at=old)


def _killed_mid_apply(upload, people, monkeypatch) -> UnitImportJob:
    """A validated job whose consumer dies after writing the first batch, inside the import transaction."""
    _response, job = upload(people.qiaocheng, xlsx(ROWS))
    assert job.status == ImportJobStatus.READY
    monkeypatch.setattr(writing, "BATCH_SIZE", 3)
    real_batch = writing._people_and_units
    calls = {"n": 0}

    def dying_batch(plans, *rest):
        calls["n"] += 1
        if calls["n"] == 2:
            raise ConsumerKilled
        return real_batch(plans, *rest)

    monkeypatch.setattr(writing, "_people_and_units", dying_batch)
    UnitImportJob.objects.filter(pk=job.pk).update(status=ImportJobStatus.IMPORTING)
    job.refresh_from_db()
    with pytest.raises(ConsumerKilled):
        run_apply(job)
    monkeypatch.setattr(writing, "_people_and_units", real_batch)
    job.refresh_from_db()
    return job


def test_a_consumer_killed_mid_apply_leaves_nothing_and_the_job_is_marked_interrupted(
    upload, people, monkeypatch
):
    job = _killed_mid_apply(upload, people, monkeypatch)
    assert job.status == ImportJobStatus.IMPORTING  # what the dead worker left behind
    assert not Unit.objects.exists()  # the first batch was rolled back with the transaction
    assert not AuditEvent.objects.filter(action=AuditAction.IMPORT).exists()

    _silent_for(job, 30)
    summaries = dict(run_sweep(only="unit_imports"))

    assert summaries["unit_imports"] == "中断的导入任务 1 个"
    job.refresh_from_db()
    assert job.status == ImportJobStatus.INTERRUPTED
    assert job.get_status_display() == "中断"
    assert "未导入任何数据" in job.message
    assert dict(run_sweep(only="unit_imports"))["unit_imports"] == "中断的导入任务 0 个"  # idempotent


def test_the_uploader_sees_the_interruption_and_imports_again(upload, apply, client, people, monkeypatch):
    job = _killed_mid_apply(upload, people, monkeypatch)
    _silent_for(job, 30)

    page = client.get(reverse("units:import-job", kwargs={"pk": job.pk})).content.decode()

    assert "中断" in page and "重新导入" in page
    apply(people.qiaocheng, job)
    assert job.status == ImportJobStatus.DONE
    assert job.created == len(ROWS)
    assert Unit.objects.count() == len(ROWS)
    assert AuditEvent.objects.filter(action=AuditAction.IMPORT, object_type="units.unit").count() == len(ROWS)
    apply(people.qiaocheng, job)  # a second click changes nothing
    assert Unit.objects.count() == len(ROWS)


def test_a_job_that_still_beats_is_left_alone(upload, people):
    _response, job = upload(people.qiaocheng, xlsx(ROWS))
    UnitImportJob.objects.filter(pk=job.pk).update(status=ImportJobStatus.IMPORTING)
    _silent_for(job, 2)

    assert mark_stale_jobs().interrupted == 0
    job.refresh_from_db()
    assert job.status == ImportJobStatus.IMPORTING


def test_the_stale_threshold_is_a_setting(upload, people, settings):
    _response, job = upload(people.qiaocheng, xlsx(ROWS))
    UnitImportJob.objects.filter(pk=job.pk).update(status=ImportJobStatus.IMPORTING)
    _silent_for(job, 2)
    settings.IMPORT_STALE_MINUTES = 1

    assert mark_stale_jobs().interrupted == 1


def test_a_job_interrupted_while_validating_is_validated_again(upload, apply, client, people):
    _response, job = upload(people.qiaocheng, xlsx(ROWS))
    UnitImportJob.objects.filter(pk=job.pk).update(status=ImportJobStatus.VALIDATING, summary={}, progress=40)
    _silent_for(job, 30)

    page = client.get(reverse("units:import-job", kwargs={"pk": job.pk})).content.decode()
    assert "重新校验" in page

    apply(people.qiaocheng, job)
    assert job.status == ImportJobStatus.READY
    assert job.summary["create"] == len(ROWS)
    assert not Unit.objects.exists()  # validating again writes nothing; 确认导入 is still the uploader's call


def test_only_the_uploader_may_restart_a_job(upload, apply, people):
    _response, job = upload(people.qiaocheng, xlsx(ROWS))
    UnitImportJob.objects.filter(pk=job.pk).update(status=ImportJobStatus.INTERRUPTED)

    response = apply(people.mengcheng, job)

    assert response.status_code == 404
    assert job.status == ImportJobStatus.INTERRUPTED
