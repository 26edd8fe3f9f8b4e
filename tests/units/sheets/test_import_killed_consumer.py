"""A real consumer process killed with SIGKILL in the middle of an import (rows already sent to PostgreSQL,
transaction not committed): nothing it wrote survives, the job is found interrupted once it stops beating,
and importing it again writes every row exactly once."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.utils import timezone

from flameblue.units.models import ImportJobStatus, Unit, UnitImportJob
from flameblue.units.sheets.import_jobs import job_retry, mark_stale_jobs, run_apply
from tests.units.sheets.sheets import xlsx

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ROWS = 40
CONSUMER = """
import sys, time
import django
django.setup()
from flameblue.units.models import UnitImportJob
from flameblue.units.sheets import writing
from flameblue.units.sheets.import_jobs import run_apply

real = writing._people_and_units
writing.BATCH_SIZE = 10

def batch(plans, *rest):
    return_value = real(plans, *rest)
    print("WROTE", flush=True)
    time.sleep(120)
    return return_value

writing._people_and_units = batch
run_apply(UnitImportJob.objects.select_related("uploaded_by").get(pk=int(sys.argv[1])))
"""


def _database_url() -> str:
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def test_a_consumer_killed_mid_import_leaves_nothing_and_the_job_can_be_imported_again(people, settings):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    rows = [{"单位名称*": f"强杀测试商户{i}号", "所在乡镇（街道）*": "古井镇"} for i in range(ROWS)]
    job = UnitImportJob(  # validated, then claimed for importing: what the consumer is given
        uploaded_by=people.qiaocheng,
        original_name="强杀.xlsx",
        status=ImportJobStatus.IMPORTING,
        summary={"create": ROWS, "update": 0, "unchanged": 0},
        total_rows=ROWS,
    )
    job.file.save("killed.xlsx", ContentFile(xlsx(rows)))
    src = Path(__file__).resolve().parents[3] / "src"
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "PYTHONPATH": f"{src}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
        "DJANGO_SETTINGS_MODULE": "flameblue.settings",
    }
    consumer = subprocess.Popen(
        [sys.executable, "-c", CONSUMER, str(job.pk)], env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        assert consumer.stdout.readline().strip() == "WROTE"  # the first batch is in the database
        assert not Unit.objects.exists()  # … uncommitted
    finally:
        os.kill(consumer.pid, signal.SIGKILL)
        consumer.wait(timeout=30)

    job.refresh_from_db()
    assert job.status == ImportJobStatus.IMPORTING  # what a dead consumer leaves behind
    assert not Unit.objects.exists()

    assert mark_stale_jobs(now=timezone.now() + dt.timedelta(hours=1)).interrupted == 1
    job.refresh_from_db()
    assert job.status == ImportJobStatus.INTERRUPTED
    assert job_retry(job, by=people.qiaocheng) == "apply"
    run_apply(job)

    assert job.status == ImportJobStatus.DONE, job.errors
    assert Unit.objects.filter(name__startswith="强杀测试商户").count() == ROWS
