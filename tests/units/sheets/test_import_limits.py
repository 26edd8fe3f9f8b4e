"""A sheet's declared ``<dimension>`` is never trusted: rows are counted by streaming, sheets over the row or
cell caps are refused quickly with a clear message (without loading them), a sheet without a dimension or
with a lying one is read in full, and the web request only stores the file."""

from __future__ import annotations

import io
import re
import time
import tracemalloc
import zipfile

import pytest

from flameblue.units.models import ImportJobStatus, Unit
from flameblue.units.sheets.scan import SheetTooLarge, scan_workbook
from tests.units.sheets.sheets import xlsx

pytestmark = [pytest.mark.django_db]

NAME, TOWN = "单位名称*", "所在乡镇（街道）*"
TOWNS = ["花戏楼街道", "薛阁街道", "汤陵街道", "古井镇", "芦庙镇", "华佗镇"]


def _rows(n: int) -> list[dict]:
    return [{NAME: f"限额测试商户{i:05d}号", TOWN: TOWNS[i % len(TOWNS)]} for i in range(n)]


def _rewrite_sheet(content: bytes, change) -> bytes:
    """The same workbook with its first worksheet's XML passed through ``change``."""
    source = zipfile.ZipFile(io.BytesIO(content))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = change(data.decode()).encode()
            target.writestr(info.filename, data)
    return buffer.getvalue()


def _huge_sheet(rows: int) -> bytes:
    """A valid workbook whose sheet has ``rows`` rows, streamed into the zip (a few hundred KB)."""
    template = zipfile.ZipFile(io.BytesIO(xlsx([])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in template.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                target.writestr(info.filename, template.read(info.filename))
        with target.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(
                b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                b'<dimension ref="A1:B2"/><sheetData>'
                b'<row r="1"><c r="A1" t="inlineStr"><is><t>\xe5\x8d\x95\xe4\xbd\x8d\xe5\x90\x8d\xe7\xa7\xb0*</t></is></c></row>'
            )
            chunk = b"<row><c><v>1</v></c></row>" * 10_000  # rows need no numbers; identical ones pack tight
            for _ in range(rows // 10_000):
                sheet.write(chunk)
            sheet.write(b"</sheetData></worksheet>")
    return buffer.getvalue()


def test_the_upload_request_only_stores_the_file(upload, people, monkeypatch):
    queued: list[int] = []
    # No worker: whatever the request does itself is all that happens.
    monkeypatch.setattr("flameblue.units.sheets.views.validate_import_job", queued.append)

    _response, job = upload(people.qiaocheng, xlsx(_rows(5)))

    assert queued == [job.pk]
    assert job.status == ImportJobStatus.QUEUED
    assert job.total_rows == 0 and job.summary == {}


def test_a_sheet_without_a_dimension_is_read_in_full(upload, people):
    content = _rewrite_sheet(xlsx(_rows(30)), lambda xml: re.sub(r"<dimension [^>]*/>", "", xml))
    assert "<dimension" not in zipfile.ZipFile(io.BytesIO(content)).read("xl/worksheets/sheet1.xml").decode()

    _response, job = upload(people.qiaocheng, content)

    assert job.status == ImportJobStatus.READY, job.errors
    assert job.total_rows == 30


def test_a_lying_dimension_does_not_hide_rows(upload, apply, people):
    content = _rewrite_sheet(
        xlsx(_rows(1500)), lambda xml: re.sub(r'<dimension ref="[^"]*"', '<dimension ref="A1:D2"', xml)
    )
    assert scan_workbook(io.BytesIO(content)).lying  # the declared range really is a lie

    _response, job = upload(people.qiaocheng, content)

    assert job.status == ImportJobStatus.READY, job.errors
    assert job.total_rows == 1500
    assert "A1:D2" in job.message and "全部行" in job.message
    apply(people.qiaocheng, job)
    assert job.status == ImportJobStatus.DONE
    assert Unit.objects.count() == 1500


def test_a_huge_row_count_in_a_small_file_is_refused_quickly_without_loading_it(upload, people, monkeypatch):
    content = _huge_sheet(1_500_000)
    assert len(content) < 1024 * 1024  # passes the upload size limit: only counting can stop it

    def never(*args, **kwargs):
        raise AssertionError("the sheet must be refused before it is read")

    monkeypatch.setattr("flameblue.units.sheets.import_jobs.read_sheet", never)
    started = time.perf_counter()
    _response, job = upload(people.qiaocheng, content)
    elapsed = time.perf_counter() - started

    assert job.status == ImportJobStatus.FAILED
    assert "行数过多" in job.errors[0]["message"] and "100,000" in job.errors[0]["message"]
    assert elapsed < 30  # counting stops at the cap: about two seconds on an idle machine
    assert not Unit.objects.exists()

    tracemalloc.start()
    try:
        with pytest.raises(SheetTooLarge):
            scan_workbook(io.BytesIO(content))
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 60 * 1024 * 1024  # never the whole sheet in memory


def test_the_caps_are_settings(upload, people, settings):
    settings.IMPORT_MAX_ROWS = 20
    _response, job = upload(people.qiaocheng, xlsx(_rows(25)))
    assert job.status == ImportJobStatus.FAILED
    assert "每个工作表最多 20 行" in job.errors[0]["message"]

    settings.IMPORT_MAX_ROWS = 100
    settings.IMPORT_MAX_CELLS = 30
    _response, job = upload(people.qiaocheng, xlsx(_rows(25)))
    assert job.status == ImportJobStatus.FAILED
    assert "单元格过多" in job.errors[0]["message"]
