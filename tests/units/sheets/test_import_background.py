"""Every sheet is validated and imported by the background worker (Huey, inline in tests) — never inside
the web request — which stores its progress on the job so the page can show it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from flameblue.units.models import ImportJobStatus, Unit
from tests.units.sheets.sheets import xlsx

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

TOWNS = ["花戏楼街道", "薛阁街道", "汤陵街道", "古井镇", "芦庙镇", "华佗镇"]


def big_sheet(n: int) -> bytes:
    rows = [
        {
            "单位名称*": f"测试商户{i:04d}号",
            "所在乡镇（街道）*": TOWNS[i % len(TOWNS)],
            "建筑面积（㎡）": 50 + i,
        }
        for i in range(n)
    ]
    return xlsx(rows)


def test_a_sheet_runs_through_the_background_task_and_reports_progress(
    upload, apply, client, people, monkeypatch
):
    from flameblue.units import tasks
    from flameblue.units.sheets import import_jobs

    rows = 60

    seen: list[int] = []
    real_save = import_jobs._save

    def recording_save(job, **fields):
        if "progress" in fields:
            seen.append(fields["progress"])
        real_save(job, **fields)

    monkeypatch.setattr(import_jobs, "_save", recording_save)
    queued: list[str] = []
    for name in ("validate_import_job", "apply_import_job"):
        task = getattr(tasks, name)
        monkeypatch.setattr(
            f"flameblue.units.sheets.views.{name}",
            lambda job_id, _task=task, _name=name: (queued.append(_name), _task(job_id))[1],
        )

    _response, job = upload(people.qiaocheng, big_sheet(rows))

    assert queued == ["validate_import_job"]
    assert job.status == ImportJobStatus.READY
    assert job.total_rows == rows
    assert job.progress == 100
    assert len([p for p in seen if 0 < p < 100]) >= 2  # intermediate progress was stored
    page = client.get(reverse("units:import-job", kwargs={"pk": job.pk})).content.decode()
    assert "确认导入" in page

    apply(people.qiaocheng, job)

    assert queued == ["validate_import_job", "apply_import_job"]
    assert job.status == ImportJobStatus.DONE
    assert job.created == rows
    assert Unit.objects.count() == rows


def test_job_status_partial_polls_while_running_and_reloads_when_finished(upload, client, people):
    from flameblue.units.models import UnitImportJob

    _response, job = upload(people.qiaocheng, big_sheet(3))
    UnitImportJob.objects.filter(pk=job.pk).update(status=ImportJobStatus.VALIDATING, progress=42)
    url = reverse("units:import-job", kwargs={"pk": job.pk})

    partial = client.get(url, headers={"HX-Request": "true"})
    assert partial.status_code == 200
    body = partial.content.decode()
    assert 'hx-trigger="every 1s"' in body and "42%" in body
    assert "<html" not in body

    UnitImportJob.objects.filter(pk=job.pk).update(status=ImportJobStatus.READY, progress=100)
    finished = client.get(url, headers={"HX-Request": "true"})
    assert finished["HX-Refresh"] == "true"
