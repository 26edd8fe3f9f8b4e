"""Benchmark: the Excel unit import (validate + apply) against django-import-export on the same sheet.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/flameblue python bench/import_bench.py [--rows 10000]
        [--baseline-rows N] [--keep-sheet PATH]

Creates a throwaway database ``bench_<name>`` next to DATABASE_URL's (migrated, reference data loaded) and
a detachment administrator of 亳州市 (city scope). Generates a realistic unit sheet of ``--rows`` rows
(10k or 100k): names, valid unified social credit codes, the 96 townships of Bozhou with their county,
addresses, industry, place type, category, areas and counts, risk tags, responsible people and phones.

Timed, each inside a transaction that is rolled back afterwards so both start from the same registry, and
each with the foreign-key checks its COMMIT would make (forced by ``SET CONSTRAINTS ALL IMMEDIATE``):
- FlameBlue: read the .xlsx, validate every row (bulk lookups), write in bulk batches with one IMPORT audit
  row per written unit, organization and person — exactly what the import job's worker runs;
- PostgreSQL alone: the rows FlameBlue wrote, loaded again from COPY text prepared beforehand into the same
  tables, foreign keys checked — no Python at all: the ceiling for any importer writing those rows here;
- django-import-export (``tablib`` reading the same .xlsx, a ``ModelResource`` for the same ``Unit`` model
  with foreign keys by name, risk tags by name, the unit's organization and people created per row as the
  model requires), on the first ``--baseline-rows`` rows of the same sheet (default: all).

Prints rows/s for each and the ratio. The database is dropped afterwards.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "flameblue.settings")
os.environ.setdefault("FLAMEBLUE_PRODUCTION", "false")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文"
TRADES = [
    ("超市", "商贸流通", "shop", 300, 3000),
    ("宾馆", "文化和旅游", "hotel", 500, 8000),
    ("大药房", "市场监管", "shop", 80, 600),
    ("幼儿园", "教育", "school", 400, 5000),
    ("养老院", "民政", "elderly", 600, 6000),
    ("网吧", "文化和旅游", "entertainment", 150, 900),
    ("饭店", "商贸流通", "restaurant", 120, 2000),
    ("加工厂", "工业和信息化", "factory", 800, 20000),
]


class _Rollback(Exception):
    pass


def _credit_code(rng: random.Random) -> str:
    from stdnum.cn import uscc

    body = "91" + "341600" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(9))
    return body + uscc.calc_check_digit(body)


def _phone(rng: random.Random) -> str:
    return "1" + rng.choice("3589") + "".join(rng.choice("0123456789") for _ in range(9))


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def make_sheet(rows: int) -> bytes:
    """The unit sheet an official would upload: the import template's columns, ``rows`` units."""
    from openpyxl import Workbook

    from flameblue.geo.models import Region
    from flameblue.org.models import Industry
    from flameblue.units.models import PlaceType, RiskTag
    from flameblue.units.sheets.columns import COLUMNS, SHEET_TITLE

    rng = random.Random(2026)
    towns = [
        (name, county)
        for name, county in Region.objects.filter(level="township", code__startswith="3416")
        .order_by("code")
        .values_list("name", "parent__name")
        if name.endswith(("镇", "乡", "街道"))  # development zones are not where units are registered
    ]
    industries = dict(Industry.objects.values_list("name", "name"))
    place_types = list(PlaceType.objects.values_list("name", flat=True))
    tags = list(RiskTag.objects.values_list("name", flat=True))
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(SHEET_TITLE)
    headers = [c.header for c in COLUMNS]
    sheet.append(headers)
    for i in range(rows):
        town, county = towns[i % len(towns)]
        trade, industry, _kind, low, high = TRADES[i % len(TRADES)]
        values = {
            "单位名称*": f"{county[:2]}{town[:2]}{trade}{i:06d}号",
            "统一社会信用代码": _credit_code(rng) if i % 3 else "",
            "所在乡镇（街道）*": town,
            "所在县（区）": county,
            "地址": f"{county}{town}幸福路{rng.randint(1, 999)}号",
            "主管行业": industry if industry in industries else "",
            "场所类型": rng.choice(place_types),
            "经营状态": "营业",
            "建筑面积（㎡）": rng.randint(low, high),
            "客房数": rng.randint(10, 120) if trade == "宾馆" else None,
            "风险标签": "，".join(rng.sample(tags, rng.randint(0, 2))),
            "消防安全责任人": _person(rng),
            "责任人电话": _phone(rng),
            "消防安全管理人": _person(rng),
            "管理人电话": _phone(rng),
        }
        sheet.append([values.get(h) for h in headers])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _with_dimension(buffer.getvalue(), f"A1:AD{rows + 1}")


def _with_dimension(content: bytes, ref: str) -> bytes:
    """Excel and WPS write the sheet's ``<dimension>``; openpyxl's write-only mode does not (and a sheet
    without one costs readers an extra pass), so put it where Excel would."""
    source = zipfile.ZipFile(io.BytesIO(content))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet"):
                data = data.replace(b"</sheetPr>", f'</sheetPr><dimension ref="{ref}"/>'.encode(), 1)
            target.writestr(info.filename, data)
    return buffer.getvalue()


def _importer():
    """A detachment administrator of 亳州市, as the import page would run it."""
    from flameblue.geo.models import Region
    from flameblue.org.choices import OrgKind
    from flameblue.org.models import Membership, Organization, Person, Role, User

    existing = User.objects.filter(username="bench_import").first()
    if existing is not None:
        return existing
    org = Organization.objects.create(
        name="亳州市消防救援支队（基准）", kind=OrgKind.DETACHMENT, region=Region.objects.get(pk="3416")
    )
    person = Person.objects.create(name="基准管理员", organization=org)
    Membership.objects.create(person=person, organization=org, role=Role.objects.get(code="detachment_admin"))
    return User.objects.create(username="bench_import", person=person)


def _backend_cpu() -> float | None:
    """CPU seconds used so far by this connection's PostgreSQL backend (user + system), when the server
    runs on this machine (``/proc/<pid>/stat``); None otherwise. Unlike the wall time, it does not count
    the other engineers' load."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (pid,) = cursor.fetchone()
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _written_tables() -> list[str]:
    """The tables an import of new units writes, in the order the rows point at each other."""
    from flameblue.core.models import AuditEvent
    from flameblue.org.models import Organization, Person
    from flameblue.units.models import Unit

    models = (Organization, Person, Unit, Unit.risk_tags.through, AuditEvent)
    return [model._meta.db_table for model in models]


def _last_ids() -> dict[str, int]:
    with connection.cursor() as cursor:
        marks = {}
        for table in _written_tables():
            cursor.execute(f"SELECT coalesce(max(id), 0) FROM {table}")
            marks[table] = cursor.fetchone()[0]
        return marks


def _written_rows(marks: dict[str, int]) -> dict[str, bytes]:
    """The rows written since ``marks``, as COPY text per table (read inside the import's transaction)."""
    rows: dict[str, bytes] = {}
    with connection.cursor() as cursor:
        for table, mark in marks.items():
            sql = f"COPY (SELECT * FROM {table} WHERE id > {int(mark)} ORDER BY id) TO STDOUT"
            with cursor.cursor.copy(sql) as copy:
                rows[table] = b"".join(bytes(block) for block in copy)
    return rows


def time_flameblue(
    content: bytes, user: Any, *, keep_rows: bool = False
) -> tuple[float, dict[str, int], dict[str, float], dict[str, bytes]]:
    """The import as the worker runs it, COMMIT included: the transaction is rolled back to keep the
    registry the same for every run, so the foreign-key checks PostgreSQL leaves for COMMIT (Django's are
    ``DEFERRABLE INITIALLY DEFERRED``) are forced first with ``SET CONSTRAINTS ALL IMMEDIATE`` — a
    rolled-back bench would otherwise never pay them."""
    from flameblue.units.sheets.import_jobs import apply_plans
    from flameblue.units.sheets.importing import read_sheet, validate_sheet

    phases: dict[str, float] = {}
    counts: dict[str, int] = {}
    written: dict[str, bytes] = {}
    marks = _last_ids()
    start = time.perf_counter()
    clocks = [(time.perf_counter(), time.process_time(), _backend_cpu() or 0.0)]

    def phase(name: str) -> None:
        wall, cpu, server = time.perf_counter(), time.process_time(), _backend_cpu() or 0.0
        phases[name], phases[f"{name}_cpu"] = wall - clocks[-1][0], cpu - clocks[-1][1]
        phases[f"{name}_pg"] = server - clocks[-1][2]
        clocks.append((wall, cpu, server))

    try:
        with transaction.atomic():
            sheet = read_sheet(io.BytesIO(content))
            phase("read")
            result = validate_sheet(sheet, user)
            phase("validate")
            if not result.ok:
                raise SystemExit(f"the generated sheet does not validate: {result.errors[:5]}")
            counts = apply_plans(result.plans, by=user, source="bench")
            phase("write")
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # what COMMIT would still check
            phase("commit")
            elapsed = time.perf_counter() - start
            phases["cpu"] = time.process_time() - clocks[0][1]
            if keep_rows:
                written = _written_rows(marks)
            raise _Rollback
    except _Rollback:
        pass
    return elapsed, counts, phases, written


def time_postgresql_alone(written: dict[str, bytes]) -> tuple[float, float]:
    """PostgreSQL loading the very rows the import wrote, from COPY text prepared beforehand, into the same
    tables (same indexes, every foreign key checked, as COMMIT would): no reading, checking or building of
    rows at all — the most any importer of these rows could do on this machine and database. Returns (wall
    seconds, the backend's CPU seconds)."""
    try:
        with transaction.atomic():
            server = _backend_cpu() or 0.0
            start = time.perf_counter()
            with connection.cursor() as cursor:
                for table in _written_tables():
                    data = memoryview(written[table])
                    with cursor.cursor.copy(f"COPY {table} FROM STDIN") as copy:
                        for offset in range(0, len(data), 1 << 20):
                            copy.write(data[offset : offset + (1 << 20)])
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            elapsed = time.perf_counter() - start
            server = (_backend_cpu() or 0.0) - server
            raise _Rollback
    except _Rollback:
        pass
    return elapsed, server


def _resource_class():
    from import_export import fields, resources, widgets

    from flameblue.geo.models import Region
    from flameblue.org.choices import OrgKind
    from flameblue.org.models import Industry, Organization, Person
    from flameblue.units.models import PlaceType, RiskTag, Unit

    class UnitResource(resources.ModelResource):
        name = fields.Field(attribute="name", column_name="单位名称*")
        credit_code = fields.Field(
            attribute="credit_code",
            column_name="统一社会信用代码",
            widget=widgets.CharWidget(allow_blank=True),
        )
        region = fields.Field(
            attribute="region",
            column_name="所在乡镇（街道）*",
            widget=widgets.ForeignKeyWidget(Region, "name"),
        )
        address = fields.Field(
            attribute="address", column_name="地址", widget=widgets.CharWidget(allow_blank=True)
        )
        industry = fields.Field(
            attribute="industry", column_name="主管行业", widget=widgets.ForeignKeyWidget(Industry, "name")
        )
        place_type = fields.Field(
            attribute="place_type", column_name="场所类型", widget=widgets.ForeignKeyWidget(PlaceType, "name")
        )
        building_area_m2 = fields.Field(
            attribute="building_area_m2", column_name="建筑面积（㎡）", widget=widgets.DecimalWidget()
        )
        guest_rooms = fields.Field(
            attribute="guest_rooms", column_name="客房数", widget=widgets.IntegerWidget()
        )
        risk_tags = fields.Field(
            attribute="risk_tags",
            column_name="风险标签",
            widget=widgets.ManyToManyWidget(RiskTag, separator="，", field="name"),
        )

        class Meta:
            model = Unit
            fields = (
                "name",
                "credit_code",
                "region",
                "address",
                "industry",
                "place_type",
                "building_area_m2",
                "guest_rooms",
                "risk_tags",
            )
            import_id_fields = ("name", "region")

        def before_save_instance(self, instance, row, **kwargs):
            # Unit needs its social-unit organization and, as in the sheet, its two people.
            if instance.organization_id is None:
                org = Organization(kind=OrgKind.SOCIAL_UNIT, name=instance.name, region=instance.region)
                org.full_clean()
                org.save()
                instance.organization = org
                for field, name, phone in (
                    ("responsible_person", "消防安全责任人", "责任人电话"),
                    ("safety_manager", "消防安全管理人", "管理人电话"),
                ):
                    person = Person(name=row[name], phone=row[phone], organization=org)
                    person.full_clean()
                    person.save()
                    setattr(instance, field, person)

    class BozhouRegion(widgets.ForeignKeyWidget):
        # Township names repeat across Anhui: narrow to Bozhou, as the sheet means.
        def clean(self, value, row=None, **kwargs):
            return Region.objects.get(level="township", name=value, parent__name=row["所在县（区）"])

    UnitResource.fields["region"].widget = BozhouRegion(Region, "name")
    return UnitResource


def time_import_export(content: bytes, rows: int) -> tuple[float, int]:
    import tablib

    resource = _resource_class()()
    start = time.perf_counter()
    dataset = tablib.Dataset().load(io.BytesIO(content).read(), format="xlsx")
    total = len(dataset)
    # Reading the whole sheet counts only for the share of rows imported (the rest are dropped).
    loading = (time.perf_counter() - start) * min(rows, total) / max(total, 1)
    if rows < total:
        del dataset[rows:]
    try:
        with transaction.atomic():
            start = time.perf_counter()
            result = resource.import_data(dataset, dry_run=False, raise_errors=True, use_transactions=False)
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # what COMMIT would still check
            elapsed = loading + time.perf_counter() - start
            written = result.totals.get("new", 0) + result.totals.get("update", 0)
            raise _Rollback
    except _Rollback:
        pass
    return elapsed, written


def run(rows: int, baseline_rows: int, keep: str | None) -> None:
    from django.core.management import call_command

    from flameblue.org.models import User

    if not User.objects.filter(username="bench_import").exists():
        call_command("load_reference_data", verbosity=0)
    user = _importer()
    # Every timed import is rolled back: with --keep-db the tables fill with dead rows run after run, which
    # slows the next inserts and lookups. Vacuumed first, every run starts from the same tables.
    with connection.cursor() as cursor:
        for table in (
            "units_unit",
            "units_unit_risk_tags",
            "org_organization",
            "org_person",
            "core_auditevent",
        ):
            cursor.execute(f"VACUUM ANALYZE {table}")
    started = time.perf_counter()
    content = make_sheet(rows)
    print(
        f"sheet: {rows:,} rows, {len(content) / 1024 / 1024:.1f} MB, generated in {time.perf_counter() - started:.1f} s"
    )
    if keep:
        Path(keep).write_bytes(content)
    if os.environ.get("BENCH_PROFILE"):
        import cProfile
        import pstats

        profile = cProfile.Profile()
        profile.enable()
        time_flameblue(content, user)
        profile.disable()
        pstats.Stats(profile).sort_stats(os.environ["BENCH_PROFILE"]).print_stats(45)
    elapsed, counts, phases, written = time_flameblue(content, user, keep_rows=True)
    ours = rows / elapsed
    print(
        f"FlameBlue import (read + validate + write + commit's checks, audited): {elapsed:.2f} s, "
        f"{ours:,.0f} rows/s; created {counts.get('created', 0):,}\n"
        f"  wall: read {phases['read']:.2f} s, validate {phases['validate']:.2f} s, "
        f"write {phases['write']:.2f} s, foreign keys left for COMMIT {phases['commit']:.2f} s\n"
        f"  this process's CPU: read {phases['read_cpu']:.2f} s, validate {phases['validate_cpu']:.2f} s, "
        f"write {phases['write_cpu']:.2f} s (the rest of the wall time is PostgreSQL and waiting)\n"
        f"  PostgreSQL backend's CPU: read {phases['read_pg']:.2f} s, validate {phases['validate_pg']:.2f} s, "
        f"write {phases['write_pg']:.2f} s, commit {phases['commit_pg']:.2f} s "
        f"(0 if the server is not on this machine)"
    )
    alone, alone_cpu = time_postgresql_alone(written)
    sizes = ", ".join(f"{table} {len(data) / 1e6:.0f} MB" for table, data in written.items())
    print(
        f"PostgreSQL alone, loading the same rows from prepared COPY text ({sizes}; same indexes, every "
        f"foreign key checked): {alone:.2f} s (backend CPU {alone_cpu:.2f} s), {rows / alone:,.0f} rows/s — "
        f"the ceiling for any importer writing these rows on this machine; FlameBlue reaches "
        f"{alone / elapsed:.0%} of it"
    )
    del written
    baseline_rows = min(baseline_rows or rows, rows)
    their_elapsed, written = time_import_export(content, baseline_rows)
    theirs = baseline_rows / their_elapsed
    print(
        f"django-import-export ({baseline_rows:,} rows of the same sheet): {their_elapsed:.2f} s, "
        f"{theirs:,.0f} rows/s (written {written:,})"
    )
    print(f"ratio FlameBlue / django-import-export: {ours / theirs:.1f}×  (goal ≥ 5,000 rows/s and ≥ 3×)")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=10_000, help="sheet size: 10000 or 100000")
    parser.add_argument(
        "--baseline-rows", type=int, default=500,
        help="rows for django-import-export (0: all; it manages ~10 rows/s, rows/s is compared)",
    )  # fmt: skip
    parser.add_argument("--keep-sheet", help="also save the generated sheet to this path")
    parser.add_argument("--keep-db", action="store_true", help="reuse and keep the bench database")
    parser.add_argument(
        "--units", type=int, default=None,
        help="make bench's size: sheets of min(units / 10, 100000) rows (a tenth of the registry re-imported)",
    )  # fmt: skip
    args, _unknown = parser.parse_known_args()  # make bench passes every bench the same options
    if args.units:
        args.rows = max(1_000, min(args.units // 10, 100_000))
    if connection.vendor != "postgresql":
        print("bench/import_bench.py measures PostgreSQL: set DATABASE_URL=postgres://…", file=sys.stderr)
        return 2
    settings.IMPORT_MAX_ROWS = max(settings.IMPORT_MAX_ROWS, args.rows)
    db = settings.DATABASES["default"]
    db.setdefault("TEST", {})["NAME"] = f"bench_import_{db['NAME']}"
    connection.settings_dict["TEST"]["NAME"] = db["TEST"]["NAME"]
    creation = connection.creation
    old_name = creation.create_test_db(verbosity=0, autoclobber=True, serialize=False, keepdb=args.keep_db)
    try:
        run(args.rows, args.baseline_rows, args.keep_sheet)
    finally:
        creation.destroy_test_db(old_name, verbosity=0, keepdb=args.keep_db)
    return 0


if __name__ == "__main__":
    sys.exit(main())
