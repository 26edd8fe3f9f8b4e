"""Benchmark: ``flameblue sweep`` on a province backlog — the first run (every overdue hazard, re-inspection
and tip escalated and notified) and an idle re-run (nothing left to send).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/flameblue python bench/sweep_bench.py [--units 100000]

Creates and drops its own database ``bench_<name>`` (``BENCH_KEEP_DB=1`` keeps it), fills it with
``province_data.fill`` (five hazards per unit, 40 % open), VACUUMs it (``--no-vacuum``: not) and prints,
for each run: seconds (wall, and this process's CPU), overdue items found, escalations sent, notifications
written, items per second, and the goal (first run ≤ 60 s per million open hazards, idle re-run ≤ 5 s),
then the idle time of every registered job (``flameblue sweep``).
The row-by-row sweep this replaces did about 25 items/s (issue 11).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import django  # noqa: E402
import province_data  # noqa: E402  (sets up the import path and settings)

django.setup()


def _run(label: str) -> tuple[float, int, int]:
    from flameblue.core.notify_models import Notification
    from flameblue.hazards.models import Escalation
    from flameblue.hazards.sweep import sweep

    escalations, notes = Escalation.objects.count(), Notification.objects.count()
    start, cpu = time.perf_counter(), time.process_time()
    result = sweep()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    found, sent = sum(result.found.values()), sum(result.sent.values())
    new_notes = Notification.objects.count() - notes
    assert Escalation.objects.count() - escalations == sent
    print(
        f"{label:10} {seconds:9.1f} {cpu:9.1f} {found:>9,} {sent:>11,} {new_notes:>13,} {found / seconds:>10,.0f}",
        flush=True,
    )
    return seconds, found, sent


def _settle() -> None:
    """VACUUM the freshly loaded tables, as a province database that has run for a while is: without it the
    first run also pays for the load (every hazard page's visibility hints written on first read) and
    races autovacuum, which the 500 000 inserted rows just triggered."""
    from django.db import connection

    start = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")
    print(f"  VACUUM (ANALYZE): {time.perf_counter() - start:.1f} s", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--units", type=int, default=100_000)
    parser.add_argument(
        "--no-vacuum",
        action="store_true",
        help="measure on the freshly loaded tables (figures before Dec 2026)",
    )
    args = parser.parse_args()
    import logging

    logging.getLogger("flameblue").setLevel(logging.WARNING)
    with province_data.bench_database():
        from flameblue.hazards.choices import OPEN_STATUSES
        from flameblue.hazards.models import Hazard

        province_data.fill(args.units)
        if not args.no_vacuum:
            _settle()
        open_hazards = Hazard.objects.filter(status__in=OPEN_STATUSES).count()
        print(f"\nsweep on {args.units:,} units, {open_hazards:,} open hazards (PostgreSQL)\n")
        print(
            f"{'run':10} {'seconds':>9} {'cpu s':>9} {'overdue':>9} {'escalations':>11} {'notifications':>13} {'items/s':>10}"
        )
        first, _found, _sent = _run("first")
        idle, _found, sent = _run("idle")
        from flameblue.core.sweep import run_sweep

        start = time.perf_counter()
        run_sweep()
        print(
            f"{'idle, all':10} {time.perf_counter() - start:9.1f}   (every registered job: flameblue sweep)"
        )
        goal_first = 60 * open_hazards / 1_000_000
        print(
            f"\nfirst run {first:.1f} s (goal ≤ {goal_first:.1f} s at 60 s per million open hazards: "
            f"{'met' if first <= goal_first else 'NOT met'}); idle re-run {idle:.1f} s "
            f"(goal ≤ 5 s: {'met' if idle <= 5 else 'NOT met'}); idle re-run sent {sent}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
