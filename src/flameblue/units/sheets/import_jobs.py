"""Import jobs (导入任务): upload → validate → (only if clean) apply every row in one transaction.

Status moves queued → validating → failed | ready → importing → done, each move claimed with a conditional
UPDATE on the job row, so a double click, a second tab or a second worker cannot validate or apply a job
twice. Rows are written through the unit services (scope re-checked, key-unit rules re-run, audited); each
created or changed unit also gets an IMPORT audit row naming the job and the sheet row. Unchanged rows
write nothing at all, so importing the same sheet again changes nothing."""

from __future__ import annotations

import logging
import uuid
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from flameblue.core import audit
from flameblue.core.errors import DomainError, PermissionDeniedError
from flameblue.core.scoping import has_action
from flameblue.geo.models import Region
from flameblue.org.models import Industry, Person
from flameblue.units import services
from flameblue.units.models import ImportJobStatus, PlaceType, Unit, UnitImportJob
from flameblue.units.sheets.importing import (
    PERSON_KEYS,
    RowPlan,
    SheetError,
    check_upload,
    read_sheet,
    validate_sheet,
)

__all__ = [
    "BACKGROUND_ROWS",
    "ImportAborted",
    "apply_plans",
    "job_apply",
    "job_create",
    "job_validate",
    "run_apply",
]

logger = logging.getLogger(__name__)

#: Sheets with more data rows than this are validated and applied by a background worker.
BACKGROUND_ROWS = 500
#: At most this many problems are stored on a job (a broken sheet can have one per cell).
MAX_ERRORS = 5000


class ImportAborted(Exception):
    """A row could not be written: raised inside the import transaction so every row is rolled back."""

    def __init__(self, row: int, reason: str):
        self.row = row
        self.message = _("第 %(row)s 行：%(reason)s") % {"row": row, "reason": reason}
        super().__init__(self.message)


def _claim(job: UnitImportJob, source: str, target: str, **extra: Any) -> bool:
    """Move the job from ``source`` to ``target`` if nobody else has; True if this caller won."""
    now = timezone.now()
    won = UnitImportJob.objects.filter(pk=job.pk, status=source).update(
        status=target, updated_at=now, **extra
    )
    if won:
        job.status = target
        job.updated_at = now
        for name, value in extra.items():
            setattr(job, name, value)
    return bool(won)


def _save(job: UnitImportJob, **fields: Any) -> None:
    fields["updated_at"] = timezone.now()
    UnitImportJob.objects.filter(pk=job.pk).update(**fields)
    for name, value in fields.items():
        setattr(job, name, value)


# --- upload and validation ---------------------------------------------------------------------------------


def estimate_rows(job: UnitImportJob) -> int:
    """The sheet's row count from its stored dimensions (cheap; exact counting happens when validating)."""
    from openpyxl import load_workbook

    with job.file.open("rb") as handle:
        workbook = load_workbook(handle, read_only=True)
        try:
            return max((sheet.max_row or 0) for sheet in workbook.worksheets)
        finally:
            workbook.close()


@transaction.atomic
def job_create(*, by: Any, upload: UploadedFile) -> UnitImportJob:
    """Check the file by its content and size and store it as a queued job (validation comes next)."""
    if not has_action(by, Unit, "import"):
        raise PermissionDeniedError(_("您没有导入社会单位的权限。"))
    try:
        check_upload(upload, size=upload.size)
    except SheetError as exc:
        raise DomainError(exc.message, field="file") from exc
    job = UnitImportJob(uploaded_by=by, original_name=(upload.name or "")[:200])
    job.file.save(f"{uuid.uuid4().hex}.xlsx", upload, save=False)
    job.save()
    return job


def job_validate(job: UnitImportJob) -> UnitImportJob:
    """Validate the whole sheet; the job ends ``ready`` (with a preview of what would change) or ``failed``
    (with every problem). Progress is stored as it goes so the job page can show it."""
    if not _claim(job, ImportJobStatus.QUEUED, ImportJobStatus.VALIDATING, progress=0):
        return job
    try:
        with job.file.open("rb") as handle:
            sheet = read_sheet(handle)
    except SheetError as exc:
        _save(
            job,
            status=ImportJobStatus.FAILED,
            errors=[{"row": None, "column": "", "message": exc.message}],
            progress=100,
            finished_at=timezone.now(),
        )
        return job

    def progress(done: int, total: int) -> None:
        _save(job, progress=min(99, done * 100 // max(total, 1)), total_rows=total)

    result = validate_sheet(sheet, job.uploaded_by, progress=progress)
    fields: dict[str, Any] = {"total_rows": len(sheet.rows), "progress": 100, "summary": result.counts()}
    if result.ok:
        _save(job, status=ImportJobStatus.READY, errors=[], **fields)
    else:
        errors = [e.as_dict() for e in result.errors[:MAX_ERRORS]]
        _save(job, status=ImportJobStatus.FAILED, errors=errors, finished_at=timezone.now(), **fields)
    return job


# --- applying ---------------------------------------------------------------------------------------------


def job_apply(job: UnitImportJob, *, by: Any) -> bool:
    """Claim a ready job for importing (only its uploader may). False if it was not ready — already
    importing, done or failed — so a second click does nothing. The caller then runs :func:`run_apply`."""
    if job.uploaded_by_id != getattr(by, "pk", None) or not has_action(by, Unit, "import"):
        raise PermissionDeniedError(_("您没有导入社会单位的权限。"))
    return _claim(job, ImportJobStatus.READY, ImportJobStatus.IMPORTING, progress=0)


def run_apply(job: UnitImportJob) -> UnitImportJob:
    """Re-validate the sheet (the registry may have changed since) and write every row in one transaction;
    on any problem nothing is written and the job is ``failed`` with the reasons."""
    if job.status != ImportJobStatus.IMPORTING:
        return job
    by = job.uploaded_by
    try:
        with transaction.atomic():
            with job.file.open("rb") as handle:
                sheet = read_sheet(handle)
            result = validate_sheet(sheet, by)
            if not result.ok:
                _save(
                    job,
                    status=ImportJobStatus.FAILED,
                    errors=[e.as_dict() for e in result.errors[:MAX_ERRORS]],
                    progress=100,
                    finished_at=timezone.now(),
                )
                return job
            counts = apply_plans(result.plans, by=by, source=_("任务 #%(job)s") % {"job": job.pk})
    except (SheetError, DomainError, ValidationError, ImportAborted) as exc:
        _save(
            job,
            status=ImportJobStatus.FAILED,
            errors=[_problem(exc)],
            progress=100,
            finished_at=timezone.now(),
        )
        return job
    except Exception:
        logger.exception("unit import job %s failed", job.pk)
        _save(
            job,
            status=ImportJobStatus.FAILED,
            progress=100,
            finished_at=timezone.now(),
            errors=[
                {
                    "row": None,
                    "column": "",
                    "message": _("导入时发生系统错误，未导入任何数据，请联系管理员。"),
                }
            ],
        )
        return job
    _save(job, status=ImportJobStatus.DONE, progress=100, finished_at=timezone.now(), **counts)
    return job


def _problem(exc: Exception) -> dict[str, Any]:
    row = getattr(exc, "row", None)
    if isinstance(exc, ValidationError):
        message = "；".join(exc.messages)
    else:
        message = getattr(exc, "message", str(exc))
    return {"row": row, "column": "", "message": message}


class _Refs:
    """Model instances for the codes in the rows, fetched once."""

    def __init__(self) -> None:
        self.regions: dict[str, Region] = {}
        self.place_types = {p.pk: p for p in PlaceType.objects.all()}
        self.industries = {i.pk: i for i in Industry.objects.all()}

    def region(self, code: str) -> Region:
        if code not in self.regions:
            self.regions[code] = Region.objects.get(pk=code)
        return self.regions[code]

    def model_value(self, key: str, value: Any) -> Any:
        if key == "region":
            return self.region(value)
        if key == "place_type":
            return self.place_types.get(value) if value else None
        if key == "industry":
            return self.industries.get(value) if value else None
        return value


@transaction.atomic
def apply_plans(plans: list[RowPlan], *, by: Any, source: str) -> dict[str, int]:
    """Write every planned row (all or nothing); ``source`` names the job or file in the audit reason."""
    refs = _Refs()
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    for plan in plans:
        if plan.action == "unchanged":
            counts["unchanged"] += 1
            continue
        try:
            if plan.action == "create":
                _create(plan, by=by, refs=refs, source=source)
                counts["created"] += 1
            else:
                _update(plan, by=by, refs=refs, source=source)
                counts["updated"] += 1
        except (ValidationError, DomainError) as exc:
            raise ImportAborted(plan.row, _problem(exc)["message"]) from exc
    return counts


def _plain(value: Any) -> Any:
    """A value as it is written into the audit trail's JSON."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _unit_data(values: dict[str, Any], refs: _Refs) -> dict[str, Any]:
    return {k: refs.model_value(k, v) for k, v in values.items() if k not in PERSON_KEYS}


def _reason(source: str, plan: RowPlan) -> str:
    return _("Excel 导入（%(source)s，第 %(row)s 行）") % {"source": source, "row": plan.row}


def _create(plan: RowPlan, *, by: Any, refs: _Refs, source: str) -> Unit:
    # Every write the services make for this row is audited once, as IMPORT with the sheet row.
    with audit.recorded_as(audit.AuditAction.IMPORT, reason=_reason(source, plan)):
        unit = services.unit_create(by=by, data=_unit_data(plan.values, refs))
        people = _people(unit, plan.values, by=by, source=source, plan=plan)
        if people:
            unit = services.unit_update(unit, by=by, data=people)
    return unit


def _update(plan: RowPlan, *, by: Any, refs: _Refs, source: str) -> Unit:
    unit = Unit.objects.select_related("responsible_person", "safety_manager").get(pk=plan.unit_id)
    changed = {k: plan.values[k] for k in plan.changes if k not in PERSON_KEYS}
    data = _unit_data(changed, refs)
    with audit.recorded_as(audit.AuditAction.IMPORT, reason=_reason(source, plan)):
        data.update(_people(unit, plan.values, by=by, source=source, plan=plan))
        if data:
            unit = services.unit_update(unit, by=by, data=data)
    return unit


def _people(unit: Unit, values: dict[str, Any], *, by: Any, source: str, plan: RowPlan) -> dict[str, Any]:
    """The responsible person and fire-safety manager named in the row, as people of the unit's own
    organization: the same name keeps the person (its phone updated if it changed), a new name makes a
    new person record. Returns the unit fields to change."""
    data: dict[str, Any] = {}
    for role, field in (("responsible", "responsible_person"), ("manager", "safety_manager")):
        name_key, phone_key = f"{role}_name", f"{role}_phone"
        if name_key not in values:
            continue
        name, phone = values[name_key] or "", values.get(phone_key)
        current: Person | None = getattr(unit, field)
        if not name:
            if current is not None:
                data[field] = None
            continue
        if current is not None and current.name == name:
            if phone is not None and phone != current.phone:
                _person_phone(current, phone, by=by, reason=_reason(source, plan))
            continue
        data[field] = _person_create(unit, name, phone or "", by=by, reason=_reason(source, plan))
    return data


def _person_create(unit: Unit, name: str, phone: str, *, by: Any, reason: str) -> Person:
    # The unit's own people are part of the unit record being imported: the import permission covers them,
    # so this does not require the separate org.person.add permission that editing staff records needs.
    person = Person(name=name, phone=phone, organization=unit.organization, created_by=by, updated_by=by)
    person.full_clean()
    person.save()
    audit.record(
        audit.AuditAction.IMPORT,
        by=by,
        obj=person,
        changes=audit.diff({}, audit.snapshot(person)),
        reason=reason,
    )
    return person


def _person_phone(person: Person, phone: str, *, by: Any, reason: str) -> None:
    before = audit.snapshot(person)
    person.phone = phone
    person.version += 1
    person.updated_at = timezone.now()
    person.updated_by = by
    person.full_clean()
    person.save()
    audit.record(
        audit.AuditAction.IMPORT,
        by=by,
        obj=person,
        changes=audit.diff(before, audit.snapshot(person)),
        reason=reason,
    )
