"""Benchmark: the city's full-year annual work summary (年度工作总结) at the demo size and at province scale.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/flameblue python bench/annual_report_bench.py [--units 100000]

Two databases, measured in the same process one after the other: ``bench_base`` (migrate + seed-demo: the
Bozhou demo data set, the "demo size") and ``bench_<units>`` (the province data set of ``bench/generate.py``
on top of the demo: N units over all Anhui townships, five hazards a unit, three inspections a unit). For the
亳州 detachment and a year (2019, the demo's scenario year, and last year, where the province data is
densest), it prints p50/p95 milliseconds of:

- ``figures``: every registered figure's value for the city and year (``figure_snapshot``);
- ``draft``: the figures plus the prose templates (what ``annual-report`` and "生成初稿" do);
- ``word`` / ``json`` / ``markdown``: the draft plus writing it out;
- ``floor``: the baseline: one bare ``SELECT count(*)`` over each figure's table with no period, region or
  status filter — the least any counting of those tables costs; ``figures / floor`` shows what the period
  and region filters cost on top of it.

Goal (issue 17): the whole summary (``word``, the slowest output) under 2 s at the demo size and under 5 s at
province scale; the ``goal`` column prints p95 / goal (≤ 1 meets it).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # noqa: E402


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[max(0, round(0.95 * len(ordered)) - 1)]


def _time(fn: Callable[[], object], repeat: int) -> list[float]:
    fn()  # warm: imports, template parsing, PostgreSQL's plan cache
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def _use(name: str) -> None:
    from django.db import connection

    connection.close()
    connection.settings_dict["NAME"] = name


def measure(label: str, year: int, repeat: int, goal_ms: float) -> None:
    from django.db import connection

    from flameblue.core.figures import FigurePeriod, figures
    from flameblue.org.choices import OrgKind
    from flameblue.org.models import Organization
    from flameblue.reports.summary.output import as_docx, as_json, as_markdown, summary_of
    from flameblue.reports.summary.services import draft, figure_snapshot

    city = Organization.objects.get(kind=OrgKind.DETACHMENT, region_id="3416")
    period = FigurePeriod.year(year, city.region_id)
    tables = sorted({f.model._meta.db_table for f in figures()})

    def floor() -> None:
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608 - table names from models
                cursor.fetchone()

    steps = {
        "floor": floor,
        "figures": lambda: figure_snapshot(period),
        "draft": lambda: draft(city, year),
        "word": lambda: as_docx(summary_of(draft(city, year))),
        "json": lambda: as_json(summary_of(draft(city, year))),
        "markdown": lambda: as_markdown(summary_of(draft(city, year))),
    }
    results = {name: _percentiles(_time(fn, repeat)) for name, fn in steps.items()}
    floor_p50 = results["floor"][0]
    for name, (p50, p95) in results.items():
        ratio = f"{p50 / floor_p50:8.1f}" if name != "floor" and floor_p50 else f"{'':8}"
        goal = f"{p95 / goal_ms:6.2f}" if name not in ("floor", "figures") else ""
        print(f"{label:24} {year:5} {name:9} {p50:9.1f} {p95:9.1f} {ratio} {goal:>6}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--units", type=int, default=100_000, help="10000, 100000 or 1000000")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each step")
    parser.add_argument("--fresh", action="store_true", help="regenerate the database even if it exists")
    args, _unknown = parser.parse_known_args(argv)
    server = os.environ.get("DATABASE_URL", "")
    if not server.startswith(("postgres://", "postgresql://")):
        print(
            "bench/annual_report_bench.py measures PostgreSQL: set DATABASE_URL=postgres://…", file=sys.stderr
        )
        return 2
    url = generate.ensure_database(server, args.units, reuse=not args.fresh)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "flameblue.settings")
    os.environ["FLAMEBLUE_PRODUCTION"] = "false"
    os.environ["REDIS_URL"] = ""
    import logging

    import django

    django.setup()
    logging.disable(logging.INFO)
    from django.core.management import call_command
    from django.utils import timezone

    last_year = timezone.localdate().year - 1
    print(f"\nannual summary of 亳州市消防救援支队; {args.repeat} runs a step; times in ms\n")
    print(f"{'data set':24} {'year':>5} {'step':9} {'p50':>9} {'p95':>9} {'/floor':>8} {'/goal':>6}")
    sizes = [("demo (bench_base)", generate.BASE_DB, 2000.0),
             (f"province ({args.units:,} units)", generate.database_name(args.units), 5000.0)]  # fmt: skip
    for label, name, goal in sizes:
        _use(name)
        call_command("migrate", verbosity=0)  # pending migrations of this checkout
        for year in (2019, last_year):
            measure(label, year, args.repeat, goal)
    return 0


if __name__ == "__main__":
    sys.exit(main())
