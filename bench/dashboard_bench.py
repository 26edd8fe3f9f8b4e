"""Benchmark: the home page (``/``) of a city, a county and a township officer on a province data set, with
the per-scope summaries (``core.summaries``) against the per-request counting they replace.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/flameblue python bench/dashboard_bench.py [--units 100000]

Creates and drops its own database ``bench_<name>_dashboard``, fills it with ``province_data.fill`` and
requests the page through Django's whole middleware stack (the test client, in process: no network) as:
city (亳州 detachment administrator), county (谯城 brigade inspector), township (花戏楼 grid officer).
Per persona, p50/p95 milliseconds of:

- ``summaries``: page views in a row, as users see them (the summaries of the scope are in the cache);
- ``counted``: the cache emptied before every view, so each view counts every figure again — what every
  page view cost before (the baseline), and what the first view after a write in the scope costs;

and the ratio p95 summaries / p95 counted. Goal: p95 ≤ 300 ms. The cache is Redis (``BENCH_REDIS_URL``,
default ``redis://127.0.0.1:6379/13``; ``REDIS_URL`` if set), the production configuration.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("REDIS_URL", os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13"))
os.environ.setdefault("FLAMEBLUE_REQUIRE_2FA", "false")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import django  # noqa: E402
import province_data  # noqa: E402  (sets up the import path and settings)

django.setup()
logging.disable(logging.INFO)  # the login and lockout log lines would interleave with the table

PERSONAS = {
    "city (亳州市)": ("b_city", "detachment", "3416", "detachment_admin", "基准支队"),
    "county (谯城区)": ("b_county", "brigade", "341602", "brigade_inspector", "基准大队"),
    "township (花戏楼街道)": ("b_township", "government", "341602001", "grid_officer", "基准街道"),
}


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[max(0, round(0.95 * len(ordered)) - 1)]


def _views(client, n: int, *, cold: bool) -> list[float]:
    from django.core.cache import cache

    samples = []
    for _ in range(n):
        if cold:
            cache.clear()
        start = time.perf_counter()
        response = client.get("/")
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.status_code
    return samples


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--units", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with province_data.bench_database("dashboard"):
        from django.test import Client

        from flameblue.org.models import User

        province_data.fill(args.units)
        print(f"\nhome page on {args.units:,} units, {args.units * 5:,} hazards; {args.repeat} views each\n")
        print(
            f"{'persona':24} {'summaries p50/p95 ms':>21} {'counted p50/p95 ms':>19} {'ratio p95':>10} goal"
        )
        for label, (username, kind, region, role, name) in PERSONAS.items():
            user = User.objects.get(pk=province_data.persona(username, kind, region, role, name=name))
            client = Client()
            client.force_login(user)
            counted = _percentiles(_views(client, args.repeat, cold=True))
            client.get("/")
            warm = _percentiles(_views(client, args.repeat, cold=False))
            pad = label + " " * max(0, 24 - sum(2 if ord(c) > 0x2E80 else 1 for c in label))
            print(
                f"{pad} {warm[0]:>10.0f} /{warm[1]:>7.0f}  {counted[0]:>8.0f} /{counted[1]:>7.0f} "
                f"{warm[1] / counted[1]:>10.2f} {'met' if warm[1] <= 300 else 'NOT met'}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
