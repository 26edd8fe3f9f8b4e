"""Province-scale data for the sweep and dashboard benches, written with set-based SQL (PostgreSQL).

``fill(units)`` adds ``units`` social units (each its own organization) spread over all of Anhui's 1,685
townships, five hazards per unit with distinct timestamps over two years (40 % open: found 4 %, confirmed
2 %, rectifying 30 %, completion reported 4 %; the rest closed), deadlines from 20 days ago to 100 days
ahead (so about one rectifying hazard in six is overdue), re-inspection dates, 2 % major; the responsible
organizations the sweep escalates to (a government per township, county and city, a brigade per county, a
detachment per city, each with one account holding the role the escalation rules name) and a manager
account for one unit in five. Used by ``sweep_bench.py`` and ``dashboard_bench.py``; not a bench itself.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import drop_secondary_indexes  # noqa: E402  (bench/generate.py)

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "flameblue.settings")
os.environ.setdefault("FLAMEBLUE_PRODUCTION", "false")

__all__ = ["bench_database", "fill", "persona"]

CATEGORIES = ("shop", "hotel", "entertainment", "hospital", "school", "other", "labour_intensive")

_SQL = """
CREATE TEMP TABLE bench_tw AS
    SELECT (row_number() OVER (ORDER BY code)) - 1 AS i, code FROM geo_region WHERE level = 'township';

INSERT INTO org_organization (created_at, updated_at, version, name, short_name, kind, credit_code, address,
                              phone, is_active, region_id)
SELECT now(), now(), 0, '基准单位' || lpad(g::text, 8, '0'), '', 'social_unit', '', '', '', true, tw.code
FROM generate_series(0, %(units)s - 1) g
JOIN bench_tw tw ON tw.i = (g::bigint * 7919) %% (SELECT count(*) FROM bench_tw);

INSERT INTO units_unit (created_at, updated_at, version, name, credit_code, address, category, status,
    sells_combustibles, is_high_rise, is_underground, heritage_level, admin_level, is_key_unit, key_unit_tier,
    key_unit_decision, key_unit_rules, key_unit_ruleset, key_unit_reason, key_unit_needs_review,
    organization_id, region_id, key_unit_suggested_rules, key_unit_suggested_ruleset, industry_id)
SELECT o.created_at, o.created_at, 0, o.name, '', '地址' || o.id,
       (%(categories)s::text[])[1 + o.id %% %(ncat)s], 'operating', false, false, false, '', '',
       o.id %% 10 = 0, '', '', '[]', '', '', o.id %% 97 = 0, o.id, o.region_id, '[]', '',
       (%(industries)s::text[])[1 + o.id %% %(nind)s]
FROM org_organization o WHERE o.kind = 'social_unit' AND o.name LIKE '基准单位%%';

INSERT INTO hazards_hazard (created_at, updated_at, version, location, description, source, grade, status,
    gb35181_element, source_ref, responsible_party, interim_measures, rectification_measures, deadline_unit,
    corrected_on_spot, found_at, failed_rechecks, escalation_level, region_id, unit_id, industry_id,
    deadline, recheck_due)
SELECT f, f, 0, '一层东侧走廊', '疏散通道堆放杂物（基准）', 'supervision',
       CASE WHEN h %% 50 = 0 THEN 'major' ELSE 'general' END, s, '', '', u.name, '', '', 'working', false,
       f, 0, 0, u.region_id, u.id, u.industry_id,
       CASE WHEN s IN ('confirmed', 'rectifying', 'completion_reported') THEN d END,
       CASE WHEN s IN ('confirmed', 'rectifying') THEN d + 5
            WHEN s = 'completion_reported' THEN current_date + (h %% 40 - 12)::int END
FROM units_unit u
CROSS JOIN generate_series(0, 4) k
CROSS JOIN LATERAL (SELECT u.id * 5 + k AS h) hh
CROSS JOIN LATERAL (SELECT
    now() - make_interval(days => ((h * 13) %% 730)::int, secs => ((h * 37) %% 86400)::float8) AS f,
    current_date + ((h * 11) %% 120 - 20)::int AS d,
    CASE WHEN h %% 100 < 4 THEN 'found' WHEN h %% 100 < 6 THEN 'confirmed'
         WHEN h %% 100 < 36 THEN 'rectifying' WHEN h %% 100 < 40 THEN 'completion_reported'
         ELSE 'closed' END AS s) v
WHERE u.name LIKE '基准单位%%';
"""

_RESPONSIBLE = """
INSERT INTO org_organization (created_at, updated_at, version, name, short_name, kind, credit_code, address,
                              phone, is_active, region_id)
SELECT now(), now(), 0, r.name || %(suffix)s, '', %(kind)s, '', '', '', true, r.code
FROM geo_region r WHERE r.level = ANY(%(levels)s)
ON CONFLICT DO NOTHING;
"""

_PEOPLE = """
WITH orgs AS (
    SELECT o.id, o.region_id FROM org_organization o
    WHERE o.kind = %(kind)s AND (%(sample)s = 1 OR o.id %% %(sample)s = 0)
      AND NOT EXISTS (SELECT 1 FROM org_membership m WHERE m.organization_id = o.id)
), people AS (
    INSERT INTO org_person (created_at, updated_at, version, name, gender, phone, id_number_encrypted,
                            id_number_digest, title, is_active, organization_id)
    SELECT now(), now(), 0, '基准' || orgs.id, '', '', '', '', '', true, orgs.id FROM orgs
    RETURNING id, organization_id
), members AS (
    INSERT INTO org_membership (created_at, updated_at, version, title, is_active, organization_id, person_id,
                                role_id)
    SELECT now(), now(), 0, '', true, p.organization_id, p.id, (SELECT id FROM org_role WHERE code = %(role)s)
    FROM people p RETURNING person_id
)
INSERT INTO org_user (password, is_superuser, username, first_name, last_name, email, is_staff, is_active,
                      date_joined, person_id)
SELECT '!', false, 'bench_' || m.person_id, '', '', '', false, true, now(), m.person_id FROM members m;
"""


def _timed(label: str, fn: Callable[[], object]) -> None:
    start = time.perf_counter()
    fn()
    print(f"  {label}: {time.perf_counter() - start:.1f} s", flush=True)


_TABLES = ("org_organization", "units_unit", "hazards_hazard", "org_person", "org_membership", "org_user")
_ZERO = {"boolean": "false", "jsonb": "'[]'::jsonb", "json": "'[]'::json", "text": "''",
         "character varying": "''", "integer": "0", "smallint": "0", "bigint": "0", "numeric": "0"}  # fmt: skip


def _zero_defaults(cursor: object) -> list[tuple[str, str]]:
    """Give every NOT NULL column of the written tables that has no database default (Django keeps its
    defaults in Python) a zero default for the load, so a field added later does not break the INSERTs
    above; answers the (table, column) pairs to reset after."""
    cursor.execute(
        "SELECT table_name, column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND table_name = ANY(%s) AND is_nullable = 'NO' "
        "AND column_default IS NULL AND is_identity = 'NO'",
        [list(_TABLES)],
    )
    changed = []
    for table, column, data_type in cursor.fetchall():
        if data_type in _ZERO:
            cursor.execute(f'ALTER TABLE {table} ALTER COLUMN "{column}" SET DEFAULT {_ZERO[data_type]}')
            changed.append((table, column))
    return changed


def fill(units: int) -> None:
    """Write the data set (see the module docstring) and ANALYZE."""
    from django.db import connection

    with connection.cursor() as cursor:
        defaulted = _zero_defaults(cursor)

    from flameblue.org.models import Industry

    def run(sql: str, **params: object) -> None:
        with connection.cursor() as cursor:
            for statement in sql.split(";\n\n"):
                if statement.strip():
                    cursor.execute(statement, params)

    industries = list(Industry.objects.order_by("code").values_list("code", flat=True))[:8]

    print(f"filling {units:,} units, {units * 5:,} hazards …", flush=True)
    with connection.cursor() as cursor:
        rebuild = drop_secondary_indexes(cursor, ("org_organization", "units_unit", "hazards_hazard"))
    _timed(
        "units and hazards",
        lambda: run(
            _SQL,
            units=units,
            categories=list(CATEGORIES),
            ncat=len(CATEGORIES),
            industries=industries,
            nind=len(industries),
        ),
    )
    _timed(f"rebuilding {len(rebuild)} indexes", lambda: [run(sql) for sql in rebuild])
    responsible = [
        ("government", ["township", "county", "city"], "人民政府"),
        ("brigade", ["county"], "消防救援大队"),
        ("detachment", ["city"], "消防救援支队"),
    ]
    for kind, levels, suffix in responsible:
        run(_RESPONSIBLE, kind=kind, levels=levels, suffix=suffix)
    roles = [("government", "government_leader", 1), ("brigade", "brigade_inspector", 1),
             ("detachment", "detachment_admin", 1), ("social_unit", "unit_manager", 5)]  # fmt: skip
    _timed(
        "responsible organizations and accounts",
        lambda: [run(_PEOPLE, kind=k, role=r, sample=s) for k, r, s in roles],
    )
    with connection.cursor() as cursor:
        for table, column in defaulted:
            cursor.execute(f'ALTER TABLE {table} ALTER COLUMN "{column}" DROP DEFAULT')
    _timed("ANALYZE", lambda: run("ANALYZE"))


def persona(username: str, kind: str, region: str, role: str, *, name: str) -> int:
    """A user with one membership in the organization of ``kind`` in ``region`` (created if missing)."""
    from flameblue.org.models import Membership, Organization, Person, Role, User

    org, _created = Organization.objects.get_or_create(region_id=region, kind=kind, name=name)
    person = Person.objects.create(name=username, organization=org)
    Membership.objects.create(person=person, organization=org, role=Role.objects.get(code=role))
    return User.objects.create(username=username, person=person).pk


class bench_database:  # noqa: N801 (a context manager named like the action)
    """Create the throwaway database ``bench_<name>[_<suffix>]`` (migrated, reference data loaded) and drop it
    after."""

    def __init__(self, suffix: str = "") -> None:
        self.suffix = f"_{suffix}" if suffix else ""

    def __enter__(self) -> None:
        from django.conf import settings
        from django.db import connection

        if connection.vendor != "postgresql":
            raise SystemExit("the benches measure PostgreSQL: set DATABASE_URL=postgres://…")
        db = settings.DATABASES["default"]
        db.setdefault("TEST", {})["NAME"] = f"bench_{db['NAME']}{self.suffix}"
        connection.settings_dict["TEST"]["NAME"] = db["TEST"]["NAME"]
        self.old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)

    def __exit__(self, *exc: object) -> None:
        from django.db import connection

        if os.environ.get("BENCH_KEEP_DB"):
            print(f"kept database {connection.settings_dict['NAME']}")
            return
        connection.creation.destroy_test_db(self.old_name, verbosity=0)


def today() -> dt.date:
    from django.utils import timezone

    return timezone.localdate()
