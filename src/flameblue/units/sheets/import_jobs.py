"""Import jobs (导入任务): upload → validate → (only if clean) apply every row in one transaction.

Status moves queued → validating → failed | ready → importing → done, each move claimed with a conditional
UPDATE on the job row, so a double click, a second tab or a second worker cannot validate or apply a job
twice. The web request only stores the file; counting, reading, validating and writing all happen in the
task queue. The sheet is measured by streaming its XML first (:mod:`.scan`) so an oversized sheet is refused
in a moment, whatever its ``<dimension>`` claims.

A worker beats on the job (``heartbeat_at``) while it works. A job whose worker died (killed consumer, lost
database connection) stops beating; :func:`mark_stale_jobs` (part of the sweep, and run when the uploader
looks at the job) moves it to ``interrupted`` (中断), and the uploader can start it again
(:func:`job_retry`). Writing is one transaction, so an interrupted import has written nothing.

Rows are written in bulk (:mod:`.writing`): scope re-checked, key-unit rules re-run, one IMPORT audit row
per written unit naming the job and the sheet row. Unchanged rows write nothing at all, so importing the
same sheet again changes nothing."""

from __future__ import annotations

import datetime as dt
import logging
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import connections, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from flameblue.core.errors import DomainError, PermissionDeniedError
from flameblue.core.scoping import has_action
from flameblue.units.models import ImportJobStatus, Unit, UnitImportJob
from flameblue.units.sheets.importing import (
    RowPlan,
    SheetError,
    check_upload,
    read_sheet,
    validate_sheet,
)
from flameblue.units.sheets.scan import SheetTooLarge, scan_workbook
from flameblue.units.sheets.writing import ImportAborted, write_plans

__all__ = [
    "ImportAborted",
    "StaleResult",
    "apply_plans",
    "job_apply",
    "job_create",
    "job_retry",
    "job_validate",
    "mark_stale_jobs",
    "run_apply",
    "sweep_stale_jobs",
]

logger = logging.getLogger(__name__)

#: At most this many problems are stored on a job (a broken sheet can have one per cell).
MAX_ERRORS = 5000
_RUNNING = (ImportJobStatus.QUEUED, ImportJobStatus.VALIDATING, ImportJobStatus.IMPORTING)


def stale_after() -> dt.timedelta:
    """How long a running job may go without a heartbeat before it counts as interrupted."""
    return dt.timedelta(minutes=int(getattr(settings, "IMPORT_STALE_MINUTES", 10)))


def heartbeat_seconds() -> float:
    return float(getattr(settings, "IMPORT_HEARTBEAT_SECONDS", 30))


def _claim(job: UnitImportJob, source: str | tuple[str, ...], target: str, **extra: Any) -> bool:
    """Move the job from ``source`` to ``target`` if nobody else has; True if this caller won."""
    now = timezone.now()
    sources = (source,) if isinstance(source, str) else source
    won = UnitImportJob.objects.filter(pk=job.pk, status__in=sources).update(
        status=target, updated_at=now, heartbeat_at=now, **extra
    )
    if won:
        job.status = target
        job.updated_at = job.heartbeat_at = now
        for name, value in extra.items():
            setattr(job, name, value)
    return bool(won)


def _save(job: UnitImportJob, **fields: Any) -> None:
    fields["updated_at"] = timezone.now()
    if fields.get("status") in _RUNNING or "progress" in fields:
        fields.setdefault("heartbeat_at", fields["updated_at"])
    UnitImportJob.objects.filter(pk=job.pk).update(**fields)
    for name, value in fields.items():
        setattr(job, name, value)


def _fail(job: UnitImportJob, errors: list[dict[str, Any]], **fields: Any) -> UnitImportJob:
    fields = {"progress": 100, "finished_at": timezone.now(), **fields}
    _save(job, status=ImportJobStatus.FAILED, errors=errors, **fields)
    return job


def _system_error() -> dict[str, Any]:
    return {"row": None, "column": "", "message": _("处理时发生系统错误，未导入任何数据，请联系管理员。")}


@contextmanager
def heartbeat(job: UnitImportJob) -> Iterator[None]:
    """Beat on the job every ``IMPORT_HEARTBEAT_SECONDS`` from a thread with its own database connection,
    so the beat is committed even while the import's long transaction is open."""
    stop = threading.Event()

    def beat() -> None:
        try:
            while not stop.wait(heartbeat_seconds()):
                try:
                    UnitImportJob.objects.filter(pk=job.pk, status__in=_RUNNING).update(
                        heartbeat_at=timezone.now()
                    )
                except Exception:  # a locked SQLite file or a lost connection: try again next beat
                    logger.warning("heartbeat for import job %s failed", job.pk, exc_info=True)
        finally:
            connections.close_all()

    thread = threading.Thread(target=beat, name=f"import-job-{job.pk}-heartbeat", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


# --- upload and validation ---------------------------------------------------------------------------------


@transaction.atomic
def job_create(*, by: Any, upload: UploadedFile) -> UnitImportJob:
    """Check the file's type and size (its zip directory only) and store it as a queued job; counting and
    validating come next, in the task queue."""
    if not has_action(by, Unit, "import"):
        raise PermissionDeniedError(_("您没有导入社会单位的权限。"))
    try:
        check_upload(upload, size=upload.size)
    except SheetError as exc:
        raise DomainError(exc.message, field="file") from exc
    job = UnitImportJob(uploaded_by=by, original_name=(upload.name or "")[:200], heartbeat_at=timezone.now())
    job.file.save(f"{uuid.uuid4().hex}.xlsx", upload, save=False)
    job.save()
    return job


def _measure(job: UnitImportJob) -> str:
    """Count the sheets' rows by streaming (refusing oversized ones); a note if a dimension lied."""
    with job.file.open("rb") as handle:
        scan = scan_workbook(handle)
    lying = scan.lying
    if not lying:
        return ""
    sheet = lying[0]
    return _("表格声明的范围（%(ref)s）与实际内容不符（实际到第 %(n)s 行），已按实际内容读取全部行。") % {
        "ref": sheet.declared,
        "n": sheet.last_row,
    }


def job_validate(job: UnitImportJob) -> UnitImportJob:
    """Validate the whole sheet; the job ends ``ready`` (with a preview of what would change) or ``failed``
    (with every problem). Progress is stored as it goes so the job page can show it."""
    if not _claim(job, ImportJobStatus.QUEUED, ImportJobStatus.VALIDATING, progress=0, summary={}):
        return job
    try:
        with heartbeat(job):
            return _validate(job)
    except Exception:
        logger.exception("unit import job %s: validation failed", job.pk)
        return _fail(job, [_system_error()])


def _validate(job: UnitImportJob) -> UnitImportJob:
    try:
        note = _measure(job)
        with job.file.open("rb") as handle:
            sheet = read_sheet(handle)
    except (SheetError, SheetTooLarge) as exc:
        return _fail(job, [{"row": None, "column": "", "message": exc.message}])

    def progress(done: int, total: int) -> None:
        _save(job, progress=min(99, done * 100 // max(total, 1)), total_rows=total)

    result = validate_sheet(sheet, job.uploaded_by, progress=progress)
    fields: dict[str, Any] = {
        "total_rows": len(sheet.rows),
        "progress": 100,
        "summary": result.counts(),
        "message": note,
    }
    if result.ok:
        _save(job, status=ImportJobStatus.READY, errors=[], **fields)
        return job
    return _fail(job, [e.as_dict() for e in result.errors[:MAX_ERRORS]], **fields)


# --- applying ---------------------------------------------------------------------------------------------


def job_apply(job: UnitImportJob, *, by: Any) -> bool:
    """Claim a ready job for importing (only its uploader may). False if it was not ready — already
    importing, done or failed — so a second click does nothing. The caller then queues :func:`run_apply`."""
    if job.uploaded_by_id != getattr(by, "pk", None) or not has_action(by, Unit, "import"):
        raise PermissionDeniedError(_("您没有导入社会单位的权限。"))
    return _claim(job, ImportJobStatus.READY, ImportJobStatus.IMPORTING, progress=0)


def job_retry(job: UnitImportJob, *, by: Any) -> str | None:
    """Start an interrupted job again (only its uploader may): back to importing if it had been validated
    (the import re-validates anyway), else back to the queue for validation. Returns the task to queue
    ("apply" or "validate"), or None if the job was not interrupted (a second click does nothing)."""
    if job.uploaded_by_id != getattr(by, "pk", None) or not has_action(by, Unit, "import"):
        raise PermissionDeniedError(_("您没有导入社会单位的权限。"))
    if job.summary:
        won = _claim(job, ImportJobStatus.INTERRUPTED, ImportJobStatus.IMPORTING, progress=0, message="")
        return "apply" if won else None
    won = _claim(job, ImportJobStatus.INTERRUPTED, ImportJobStatus.QUEUED, progress=0, message="", errors=[])
    return "validate" if won else None


def run_apply(job: UnitImportJob) -> UnitImportJob:
    """Re-validate the sheet (the registry may have changed since) and write every row in one transaction;
    on any problem nothing is written and the job is ``failed`` with the reasons."""
    if job.status != ImportJobStatus.IMPORTING:
        return job
    by = job.uploaded_by
    try:
        with heartbeat(job), transaction.atomic():
            with job.file.open("rb") as handle:
                sheet = read_sheet(handle)
            result = validate_sheet(sheet, by)
            if not result.ok:
                return _fail(job, [e.as_dict() for e in result.errors[:MAX_ERRORS]])
            counts = apply_plans(result.plans, by=by, source=_("任务 #%(job)s") % {"job": job.pk})
    except (SheetError, DomainError, ValidationError, ImportAborted) as exc:
        return _fail(job, [_problem(exc)])
    except Exception:
        logger.exception("unit import job %s failed", job.pk)
        return _fail(job, [_system_error()])
    _save(job, status=ImportJobStatus.DONE, progress=100, finished_at=timezone.now(), **counts)
    return job


def _problem(exc: Exception) -> dict[str, Any]:
    row = getattr(exc, "row", None)
    if isinstance(exc, ValidationError):
        message = "；".join(exc.messages)
    else:
        message = getattr(exc, "message", str(exc))
    return {"row": row, "column": "", "message": message}


def apply_plans(plans: list[RowPlan], *, by: Any, source: str) -> dict[str, int]:
    """Write every planned row (all or nothing); ``source`` names the job or file in the audit reason."""
    return write_plans(plans, by=by, source=source)


# --- jobs whose worker died ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class StaleResult:
    interrupted: int

    def summary(self) -> str:
        return f"中断的导入任务 {self.interrupted} 个"


def mark_stale_jobs(*, now: dt.datetime | None = None, job: UnitImportJob | None = None) -> StaleResult:
    """Mark running jobs that have not beaten for :func:`stale_after` as interrupted (one conditional
    UPDATE: safe to run twice or in parallel, and a job that beats again in between is left alone)."""
    now = now or timezone.now()
    cutoff = now - stale_after()
    silent = Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True, updated_at__lt=cutoff)
    stale = UnitImportJob.objects.filter(silent, status__in=_RUNNING)
    if job is not None:
        stale = stale.filter(pk=job.pk)
    count = stale.update(
        status=ImportJobStatus.INTERRUPTED,
        updated_at=now,
        message=_("处理进程中断（长时间无响应），未导入任何数据。可以点击“重新开始”再次处理。"),
    )
    if job is not None and count:
        job.refresh_from_db()
    return StaleResult(interrupted=count)


def sweep_stale_jobs(*, today: dt.date | None = None) -> StaleResult:
    """The sweep job (``flameblue sweep``): the day does not matter, only how long each job has been silent."""
    return mark_stale_jobs()
