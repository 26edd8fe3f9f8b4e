"""Two people (or two tabs) pressing 导入 on the same job at the same moment: exactly one import runs."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from flameblue.units.models import ImportJobStatus, UnitImportJob
from flameblue.units.sheets.import_jobs import job_apply

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_concurrent_applies_claim_the_job_once(people):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    job = UnitImportJob.objects.create(
        uploaded_by=people.qiaocheng,
        original_name="x.xlsx",
        file="imports/units/x.xlsx",
        status=ImportJobStatus.READY,
    )
    barrier = threading.Barrier(4)
    results: list[bool] = []

    def press() -> None:
        from django.db import connections

        try:
            mine = UnitImportJob.objects.get(pk=job.pk)
            barrier.wait()
            results.append(job_apply(mine, by=people.qiaocheng))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=press) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(results) == [False, False, False, True]
    job.refresh_from_db()
    assert job.status == ImportJobStatus.IMPORTING
