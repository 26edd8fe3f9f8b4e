"""Access-matrix cases for the unit import, export and QR-code pages (see tests/matrix.py)."""

from __future__ import annotations

from types import SimpleNamespace

from flameblue.units.models import ImportJobStatus, UnitImportJob
from tests.matrix import Case
from tests.units.sheets.helpers import make_unit


def world(w) -> None:
    w.unit_import = SimpleNamespace(
        unit=make_unit("矩阵测试二维码单位", "341602001"),
        job=UnitImportJob.objects.create(
            uploaded_by=w.people.qiaocheng,
            original_name="单位.xlsx",
            file="imports/units/matrix.xlsx",
            status=ImportJobStatus.FAILED,
        ),
    )


def _job(w):
    return {"pk": w.unit_import.job.pk}


def _unit(w):
    return {"pk": w.unit_import.unit.pk}


CASES = [
    Case("units:import-upload", allowed="qiaocheng", no_permission="grid"),
    Case("units:import-template", allowed="qiaocheng", no_permission="grid"),
    Case(
        "units:import-job",
        kwargs=_job,
        allowed="qiaocheng",
        no_permission="grid",
        out_of_scope="mengcheng",
        note="a job is visible only to its uploader",
    ),
    Case(
        "units:import-apply",
        kwargs=_job,
        method="post",
        allowed="qiaocheng",
        ok_status=(302,),
        no_permission="grid",
        out_of_scope="mengcheng",
        note="a failed job: redirected back with a warning",
    ),
    Case("units:unit-export", allowed="qiaocheng", no_permission="grid"),
    Case("units:unit-qr", kwargs=_unit, allowed="grid", no_permission="auditor", out_of_scope="mengcheng"),
    Case(
        "units:unit-qr-sheet", kwargs=_unit, allowed="grid", no_permission="auditor", out_of_scope="mengcheng"
    ),
    Case("units:unit-qr-sheets", allowed="grid", no_permission="auditor"),
]
