"""Province-scale data generator for the benchmarks: N social units (with their organizations), ≈ 5 N hazards
(≈ 40 % open) and ≈ 3 N inspections spread over all 1,685 townships of Anhui, on top of ``migrate`` +
``load-reference-data`` + ``seed-demo`` (so the demo accounts and the Bozhou organizations exist).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/flameblue python bench/generate.py --units 100000 [--reuse]

Creates the database ``bench_<units>`` (e.g. ``bench_100k``) on DATABASE_URL's server and prints its URL.
With ``--reuse`` an existing, completely generated database of that size is kept as it is (generating 1 M
units takes minutes); without it the database is dropped and generated afresh. The migrated and seeded base
is kept as ``bench_base`` and copied (``CREATE DATABASE … TEMPLATE``) for each size when ``--reuse`` is given.

Everything is set-based SQL (``INSERT … SELECT`` over ``generate_series``) with explicit ids, secondary
indexes of the big tables dropped during the load and rebuilt after it, foreign-key triggers disabled during
the load (the generator joins only to rows that exist), then ``VACUUM ANALYZE``. Deterministic
(``setseed``): the same size gives the same data.

Spread: townships get unequal weights (streets 街道 ≈ 2× a town, plus a random factor), units get a place
type, the industry that supervises it and a key-unit flag (≈ 8 %); timestamps are distinct and realistic
(units registered since 2019, open hazards found in the last 60 days with deadlines 30–90 days later, closed
ones over five years; inspections over three years). About 15 % of hazard descriptions mention 灭火器.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg

ROOT = Path(__file__).resolve().parents[1]
BASE_DB = "bench_base"
BIG_TABLES = ("org_organization", "units_unit", "hazards_hazard", "inspections_inspection")

__all__ = ["database_name", "database_url", "drop_secondary_indexes", "ensure_database", "generate", "main"]


def database_name(units: int) -> str:
    if units % 1_000_000 == 0:
        return f"bench_{units // 1_000_000}m"
    if units % 1000 == 0:
        return f"bench_{units // 1000}k"
    return f"bench_{units}"


def database_url(server_url: str, name: str) -> str:
    parts = urlsplit(server_url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def _admin(server_url: str) -> psycopg.Connection:
    return psycopg.connect(database_url(server_url, "postgres"), autocommit=True)


def _exists(server_url: str, name: str) -> bool:
    with _admin(server_url) as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None


def _marker(url: str) -> int | None:
    """The unit count a finished generation recorded, or None."""
    try:
        with psycopg.connect(url) as conn:
            row = conn.execute(
                "SELECT units FROM bench_meta WHERE finished_at IS NOT NULL ORDER BY finished_at DESC LIMIT 1"
            ).fetchone()
            return row[0] if row else None
    except psycopg.Error:
        return None


def _drop(server_url: str, name: str) -> None:
    with _admin(server_url) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _manage(url: str, *args: str) -> None:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
        "FLAMEBLUE_PRODUCTION": "false",
        "REDIS_URL": "",
        "HUEY_IMMEDIATE": "true",
    }
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _base(server_url: str, reuse: bool) -> None:
    """``bench_base``: migrated, reference data and demo set loaded."""
    url = database_url(server_url, BASE_DB)
    if reuse and _marker(url) == 0:
        return
    _drop(server_url, BASE_DB)
    with _admin(server_url) as conn:
        conn.execute(f'CREATE DATABASE "{BASE_DB}"')
    for step in (("migrate", "-v0"), ("createcachetable",), ("load-reference-data",), ("seed-demo",)):
        _log(f"base: {' '.join(step)}")
        _manage(url, *step)
    with psycopg.connect(url) as conn:
        conn.execute(
            "CREATE TABLE bench_meta (units bigint NOT NULL, started_at timestamptz, finished_at timestamptz)"
        )
        conn.execute("INSERT INTO bench_meta VALUES (0, now(), now())")


def ensure_database(server_url: str, units: int, *, reuse: bool = False) -> str:
    """Return the URL of a database holding ``units`` generated units (generating it unless reusable)."""
    name = database_name(units)
    url = database_url(server_url, name)
    if reuse and _exists(server_url, name) and _marker(url) == units:
        _log(f"{name}: reused")
        return url
    started = time.perf_counter()
    _base(server_url, reuse=reuse)
    _drop(server_url, name)
    with _admin(server_url) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{BASE_DB}"')
    with psycopg.connect(url, autocommit=True) as conn:
        generate(conn, units)
    _log(f"{name}: generated in {time.perf_counter() - started:.0f} s")
    return url


def _log(message: str) -> None:
    print(f"[generate {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------------------------- the data

PLACE_TYPES = [
    # code, weight, category, industry, name suffixes
    (
        "small_places",
        34,
        "other",
        "market_regulation",
        ["便利店", "小餐馆", "理发店", "五金店", "网吧", "美容院"],
    ),
    ("mall", 9, "shop", "commerce", ["超市", "商贸城", "购物中心", "农贸市场"]),
    ("hotel", 7, "hotel", "culture_tourism", ["宾馆", "大酒店", "民宿", "快捷酒店"]),
    ("entertainment", 6, "entertainment", "culture_tourism", ["KTV", "影城", "歌舞厅", "电竞馆"]),
    ("medical", 5, "hospital", "health", ["诊所", "卫生院", "医院", "口腔门诊"]),
    ("elderly_care", 3, "elderly_home", "civil_affairs", ["养老院", "敬老院", "颐养中心"]),
    ("school", 7, "school", "education", ["幼儿园", "小学", "中学", "培训学校"]),
    ("heritage", 1, "heritage_site", "heritage", ["古建筑群", "寺", "纪念馆"]),
    ("labour_intensive", 12, "labour_intensive", "industry_it", ["制衣厂", "电子厂", "食品厂", "家具厂"]),
    ("flammable", 3, "fuel_station", "emergency", ["加油站", "液化气站", "化工厂"]),
    ("high_rise", 13, "high_rise_public", "housing", ["大厦", "花园小区", "商务中心"]),
]
PREFIXES = [
    "鑫源", "华联", "金鼎", "东方", "亳都", "皖北", "同仁", "康乐", "希望", "阳光", "永兴", "福满",
    "宏达", "聚源", "天成", "万家", "新华", "恒信", "安康", "瑞丰", "德胜", "江淮", "徽韵", "长江",
    "明珠", "兴隆", "嘉禾", "和谐", "盛世", "百佳",
]  # fmt: skip
DESCRIPTIONS = [
    # text, weight (≈ 15 % mention 灭火器)
    ("灭火器压力不足，指针位于红区", 5),
    ("灭火器过期未检验", 5),
    ("灭火器数量配置不足", 5),
    ("疏散通道堆放杂物，影响人员疏散", 10),
    ("安全出口上锁，无法正常开启", 7),
    ("应急照明灯损坏，断电后不能点亮", 9),
    ("疏散指示标志缺失或指向错误", 9),
    ("室内消火栓箱内水带、水枪缺失", 7),
    ("电气线路私拉乱接，未穿管保护", 10),
    ("电动自行车在楼道内停放充电", 8),
    ("常闭式防火门处于开启状态，闭门器损坏", 7),
    ("火灾自动报警系统故障，控制器显示多处故障点", 5),
    ("自动喷水灭火系统末端试水装置压力不足", 3),
    ("消防控制室值班人员未持证上岗", 4),
    ("员工未经消防安全培训，不会使用消防器材", 6),
]
LOCATIONS = [
    "一层大厅", "二层走道", "厨房", "配电室", "楼梯间", "地下车库", "仓库", "员工宿舍", "消防控制室",
    "三层包间", "屋顶", "锅炉房",
]  # fmt: skip


def _array(values: list[str]) -> str:
    return "ARRAY[" + ",".join("'" + v.replace("'", "''") + "'" for v in values) + "]::text[]"


def _weighted_case(expr: str, options: list[tuple[str, int]]) -> str:
    """A CASE picking one of ``options`` by weight from ``expr`` (a number in [0, 1))."""
    total = sum(w for _, w in options)
    parts, acc = [], 0
    for value, weight in options[:-1]:
        acc += weight
        parts.append(f"WHEN {expr} < {acc / total:.6f} THEN {value}")
    return f"CASE {' '.join(parts)} ELSE {options[-1][0]} END"


def _q(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def generate(conn: psycopg.Connection, units: int) -> None:
    conn.execute("INSERT INTO bench_meta VALUES (%s, now(), NULL)", [units])
    conn.execute("SET synchronous_commit = off")
    conn.execute("SET maintenance_work_mem = '512MB'")
    conn.execute("SET work_mem = '256MB'")
    conn.execute("SELECT setseed(0.2026)")
    dropped = drop_secondary_indexes(conn)
    for table in BIG_TABLES:
        conn.execute(f"ALTER TABLE {table} DISABLE TRIGGER ALL")
    try:
        _stage_townships(conn, units)
        _units(conn, units)
        _hazards(conn)
        _inspections(conn)
    finally:
        for table in BIG_TABLES:
            conn.execute(f"ALTER TABLE {table} ENABLE TRIGGER ALL")
    _log(f"rebuilding {len(dropped)} indexes")
    for sql in dropped:
        conn.execute(sql)
    for table in ("org_organization", "units_unit", "hazards_hazard", "inspections_inspection"):
        conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
    _log("VACUUM ANALYZE")
    conn.execute("DROP TABLE IF EXISTS bench_townships")
    conn.execute("VACUUM ANALYZE")
    conn.execute("UPDATE bench_meta SET finished_at = now() WHERE units = %s", [units])


def drop_secondary_indexes(conn: Any, tables: tuple[str, ...] = BIG_TABLES) -> list[str]:
    """Drop the tables' plain indexes (not primary keys or constraints, which a load needs), so a load does
    not maintain dozens of them row by row; return their definitions, to build each once after. ``conn``
    is a psycopg connection or a Django cursor (both answer ``execute(…).fetchall()``)."""
    rows = conn.execute(
        """
        SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = current_schema() AND i.tablename = ANY(%s)
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
        """,
        [list(tables)],
    ).fetchall()
    for name, _ in rows:
        conn.execute(f'DROP INDEX "{name}"')
    return [definition for _, definition in rows]


def _stage_townships(conn: psycopg.Connection, units: int) -> None:
    """One row per township with its share of the units as a half-open range [lo, hi) of unit numbers."""
    conn.execute(
        """
        CREATE UNLOGGED TABLE bench_townships AS
        WITH w AS (
            SELECT t.code, t.name, left(t.code, 6) AS county,
                   (CASE WHEN t.name LIKE '%%街道' THEN 2.0 ELSE 1.0 END) * (0.3 + random() * 1.7) AS weight
            FROM geo_region t WHERE t.level = 'township' ORDER BY t.code
        ), c AS (
            SELECT code, name, county,
                   sum(weight) OVER (ORDER BY code) AS upto, sum(weight) OVER () AS total, weight
            FROM w
        )
        SELECT code, name, county,
               floor((upto - weight) / total * %(n)s)::bigint AS lo,
               floor(upto / total * %(n)s)::bigint AS hi,
               (SELECT min(o.id) FROM org_organization o WHERE o.kind = 'brigade' AND o.region_id = c.county)
                 AS brigade_id
        FROM c
        """,
        {"n": units},
    )
    conn.execute("ANALYZE bench_townships")


def _units(conn: psycopg.Connection, units: int) -> None:
    org_base = conn.execute("SELECT coalesce(max(id), 0) + 1000 FROM org_organization").fetchone()[0]
    unit_base = conn.execute("SELECT coalesce(max(id), 0) + 1000 FROM units_unit").fetchone()[0]
    conn.execute("CREATE TEMP TABLE bench_ids (org_base bigint, unit_base bigint)")
    conn.execute("INSERT INTO bench_ids VALUES (%s, %s)", [org_base, unit_base])
    types = [(_q(code), w) for code, w, *_ in PLACE_TYPES]
    place_case = _weighted_case("r_type", types)
    category = (
        "CASE place " + " ".join(f"WHEN {_q(c)} THEN {_q(cat)}" for c, _, cat, _, _ in PLACE_TYPES) + " END"
    )
    industry = (
        "CASE place " + " ".join(f"WHEN {_q(c)} THEN {_q(ind)}" for c, _, _, ind, _ in PLACE_TYPES) + " END"
    )
    suffix = (
        "CASE place "
        + " ".join(f"WHEN {_q(c)} THEN ({_array(s)})[1 + (g % {len(s)})]" for c, _, _, _, s in PLACE_TYPES)
        + " END"
    )
    _log(f"staging {units} units")
    conn.execute(
        f"""
        CREATE UNLOGGED TABLE bench_units AS
        SELECT g, code AS region_id, county, brigade_id, place, {category} AS category, {industry} AS industry_id,
               ({_array(PREFIXES)})[1 + (hashint4(g::int) & 65535) % {len(PREFIXES)}]
                 || {suffix} || '（' || replace(tname, '街道', '') || g::text || '号）' AS name,
               tname || ({_array(["人民路", "建设路", "解放路", "文化路", "和平路", "工业路", "中心街"])})
                 [1 + g % 7] || (1 + g % 397)::text || '号' AS address,
               r_key < 0.08 AS is_key,
               timestamptz '2019-01-01 08:00+08' + (g::float8 / {units}) * (now() - timestamptz '2019-02-01 08:00+08')
                 + (r_key * interval '6 hours') AS created_at
        FROM (
            SELECT g, code, county, tname, brigade_id, r_key, {place_case} AS place
            FROM (
                SELECT g, t.code, t.county, t.name AS tname, t.brigade_id, random() AS r_key, random() AS r_type
                FROM bench_townships t, generate_series(t.lo, t.hi - 1) AS g
            ) r
        ) s
        """
    )
    _log("inserting organizations")
    conn.execute(
        """
        INSERT INTO org_organization (id, created_at, updated_at, version, name, short_name, kind, credit_code,
            address, phone, is_active, industry_id, region_id)
        SELECT b.org_base + g, created_at, created_at, 1, name, '', 'social_unit', '', address, '', true,
               industry_id, region_id
        FROM bench_units, bench_ids b
        """
    )
    _log("inserting units")
    conn.execute(
        """
        INSERT INTO units_unit (id, created_at, updated_at, version, name, credit_code, address, category, status,
            sells_combustibles, is_high_rise, is_underground, heritage_level, admin_level, is_key_unit,
            key_unit_tier, key_unit_decision, key_unit_rules, key_unit_ruleset, key_unit_reason,
            key_unit_needs_review, key_unit_suggested_rules, key_unit_suggested_ruleset,
            industry_id, organization_id, place_type_id, region_id, building_area_m2, manages_building, combustible_structures)
        SELECT b.unit_base + g, created_at, created_at, 1, name,
               '9134' || lpad(g::text, 13, '0') || 'X', address, category,
               CASE WHEN g % 50 = 0 THEN 'suspended' WHEN g % 97 = 0 THEN 'closed' ELSE 'operating' END,
               place IN ('mall', 'small_places'), place = 'high_rise', g % 41 = 0, '', '', is_key,
               '', CASE WHEN is_key THEN 'confirmed' ELSE '' END, '[]'::jsonb, '', '', false, '[]'::jsonb, '',
               industry_id, b.org_base + g, place, region_id, (50 + (g % 5000))::numeric, false, false
        FROM bench_units, bench_ids b
        """
    )


def _hazards(conn: psycopg.Connection) -> None:
    desc = _weighted_case("r_desc", [(_q(t), w) for t, w in DESCRIPTIONS])
    status = _weighted_case(
        "r_status",
        [
            ("'found'", 4), ("'confirmed'", 8), ("'rectifying'", 22), ("'completion_reported'", 6),
            ("'closed'", 55), ("'withdrawn'", 3), ("'dismissed'", 2),
        ],
    )  # fmt: skip
    source = _weighted_case(
        "r_source",
        [
            ("'supervision'", 30), ("'spot_check'", 10), ("'self_inspection'", 20), ("'township_grid'", 20),
            ("'department_check'", 12), ("'public_tip'", 4), ("'campaign'", 4),
        ],
    )  # fmt: skip
    grade = _weighted_case("r_grade", [("'general'", 90), ("'prominent'", 8), ("'major'", 2)])
    _log("inserting hazards (≈ 5 per unit)")
    conn.execute(
        f"""
        INSERT INTO hazards_hazard (id, created_at, updated_at, version, location, description, source, grade,
            status, gb35181_element, source_ref, responsible_party, interim_measures, rectification_measures,
            deadline, deadline_unit, recheck_due, corrected_on_spot, found_at, confirmed_at,
            completion_reported_at, closed_at, failed_rechecks, escalation_level, brigade_id, industry_id,
            region_id, unit_id)
        SELECT nextval(pg_get_serial_sequence('hazards_hazard', 'id')), found_at, found_at, 1,
               ({_array(LOCATIONS)})[1 + (hashint8(g * 11 + k) & 65535) % {len(LOCATIONS)}], description,
               source, grade, status, '', '', '', '', '', deadline, 'calendar',
               CASE WHEN status IN ('rectifying', 'completion_reported') THEN deadline + 3 END,
               false, found_at,
               CASE WHEN status <> 'found' THEN found_at + interval '1 day' END,
               CASE WHEN status = 'completion_reported' THEN found_at + interval '20 days' END,
               CASE WHEN status IN ('closed', 'withdrawn', 'dismissed') THEN found_at + interval '25 days' END,
               0, 0, brigade_id, industry_id, region_id, unit_id
        FROM (
            SELECT u.g, k, u.industry_id, u.region_id, u.brigade_id, b.unit_base + u.g AS unit_id, {desc} AS description,
                   {status} AS status, {source} AS source, {grade} AS grade, r_age, r_deadline
            FROM bench_units u, bench_ids b,
                 LATERAL generate_series(1, (random() * 10)::int + (u.g * 0)) AS k,
                 LATERAL (SELECT random() AS r_desc, random() AS r_status, random() AS r_source,
                                 random() AS r_grade, random() AS r_age, random() AS r_deadline
                          WHERE k > 0) r
        ) h
        CROSS JOIN LATERAL (
            SELECT CASE WHEN status IN ('found', 'confirmed', 'rectifying', 'completion_reported')
                        THEN now() - r_age * interval '60 days'
                        ELSE now() - interval '60 days' - r_age * interval '1800 days' END
                   - (k * interval '37 seconds') AS found_at
        ) f,
        LATERAL (
            SELECT CASE WHEN status <> 'found' THEN (found_at + interval '30 days'
                        + r_deadline * interval '60 days')::date END AS deadline
        ) d
        """
    )


def _inspections(conn: psycopg.Connection) -> None:
    kind = _weighted_case(
        "r_kind",
        [
            ("'self_monthly'", 35), ("'self_patrol'", 25), ("'supervision'", 12), ("'grid_patrol'", 14),
            ("'department_check'", 10), ("'spot_check'", 4),
        ],
    )  # fmt: skip
    checklists = dict(conn.execute("SELECT code, id FROM inspections_checklist").fetchall())
    fallback = checklists.get("monthly-check") or min(checklists.values())
    place = (
        "CASE place "
        + " ".join(
            f"WHEN {_q(code)} THEN {checklists[code]}" for code, *_ in PLACE_TYPES if code in checklists
        )
        + f" ELSE {fallback} END"
    )
    _log("inserting inspections (≈ 3 per unit)")
    conn.execute(
        f"""
        INSERT INTO inspections_inspection (id, created_at, updated_at, version, kind, status, co_inspectors,
            started_at, submitted_at, inspected_on, inspector_signature_name, unit_signature_name, summary,
            context_type, context_id, checklist_id, industry_id, region_id, unit_id)
        SELECT nextval(pg_get_serial_sequence('inspections_inspection', 'id')), started_at, started_at, 1,
               kind, 'submitted', '', started_at, started_at + interval '50 minutes',
               (started_at AT TIME ZONE 'Asia/Shanghai')::date, '', '', '', '', '', checklist_id,
               industry_id, region_id, unit_id
        FROM (
            SELECT u.industry_id, u.region_id, b.unit_base + u.g AS unit_id, {place} AS checklist_id,
                   {kind} AS kind,
                   now() - r_age * interval '1095 days' - (k * interval '13 seconds') AS started_at
            FROM bench_units u, bench_ids b,
                 LATERAL generate_series(1, (random() * 6)::int + (u.g * 0)) AS k,
                 LATERAL (SELECT random() AS r_kind, random() AS r_age WHERE k > 0) r
        ) i
        """
    )
    conn.execute("DROP TABLE bench_units")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--units", type=int, default=100_000, help="10000, 100000, 1000000 …")
    parser.add_argument(
        "--reuse", action="store_true", help="keep an already generated database of this size"
    )
    args = parser.parse_args(argv)
    server = os.environ.get("DATABASE_URL", "")
    if not server.startswith(("postgres://", "postgresql://")):
        print("bench/generate.py needs DATABASE_URL=postgres://…", file=sys.stderr)
        return 2
    print(ensure_database(server, args.units, reuse=args.reuse))
    return 0


if __name__ == "__main__":
    sys.exit(main())
