"""Background work for the unit registry: validating and applying large import sheets (Huey)."""

from __future__ import annotations

from huey.contrib.djhuey import db_task

from flameblue.units.models import UnitImportJob
from flameblue.units.sheets.import_jobs import job_validate, run_apply

__all__ = ["apply_import_job", "validate_import_job"]


@db_task()
def validate_import_job(job_id: int) -> None:
    job = UnitImportJob.objects.select_related("uploaded_by").filter(pk=job_id).first()
    if job is not None:
        job_validate(job)


@db_task()
def apply_import_job(job_id: int) -> None:
    job = UnitImportJob.objects.select_related("uploaded_by").filter(pk=job_id).first()
    if job is not None:
        run_apply(job)
