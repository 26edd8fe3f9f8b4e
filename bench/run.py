"""Benchmark: the scoped organization list (``visible_to``) against the same list without scoping.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/flameblue python bench/run.py [--orgs 100000] [--repeat 30]

Creates a throwaway database ``bench_<name>`` next to DATABASE_URL's, fills it with N social units spread
over every township of Anhui, and times the first page (50 rows, list ordering) plus the total count, as
the organization list page runs them, for four personas. Each timed request loads the user afresh so the
membership lookup that ``visible_to`` does once per request is included. Printed per persona: median
milliseconds of the scoped query, of the same query with the equivalent hand-written WHERE clause (the
floor), of the unscoped query, and the ratio scoped / unscoped. The database is dropped afterwards.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "flameblue.settings")
os.environ.setdefault("FLAMEBLUE_PRODUCTION", "false")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402

PAGE = 50


def _median_ms(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm the plan and the cache
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def _fill(n: int) -> None:
    from flameblue.geo.models import Region
    from flameblue.org.choices import OrgKind
    from flameblue.org.models import Industry, Organization

    rng = random.Random(2026)
    townships = list(Region.objects.filter(level="township").values_list("code", flat=True))
    industries = list(Industry.objects.values_list("code", flat=True))
    batch = [
        Organization(
            name=f"基准单位{i:07d}",
            kind=OrgKind.SOCIAL_UNIT,
            region_id=rng.choice(townships),
            industry_id=rng.choice(industries),
        )
        for i in range(n)
    ]
    Organization.objects.bulk_create(batch, batch_size=5000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _personas() -> dict[str, tuple[int, object]]:
    """name -> (user id, the hand-written filter equivalent to its scope)."""
    from django.db.models import Q

    from flameblue.org.choices import OrgKind
    from flameblue.org.models import Industry, Membership, Organization, Person, Role, User

    def persona(username: str, org: Organization, role: str) -> int:
        person = Person.objects.create(name=username, organization=org)
        Membership.objects.create(person=person, organization=org, role=Role.objects.get(code=role))
        return User.objects.create(username=username, person=person).pk

    detachment = Organization.objects.create(
        name="亳州市消防救援支队", kind=OrgKind.DETACHMENT, region_id="3416"
    )
    brigade = Organization.objects.create(name="谯城区消防救援大队", kind=OrgKind.BRIGADE, region_id="341602")
    edu = Organization.objects.create(
        name="谯城区教育局",
        kind=OrgKind.DEPARTMENT,
        region_id="341602",
        industry=Industry.objects.get(code="education"),
    )
    grid = Organization.objects.create(
        name="花戏楼街道办事处", kind=OrgKind.GOVERNMENT, region_id="341602001"
    )
    return {
        "detachment (亳州市)": (
            persona("b_zhidui", detachment, "detachment_admin"),
            Q(region_id__gte="3416", region_id__lt="3417"),
        ),
        "brigade (谯城区)": (
            persona("b_qiaocheng", brigade, "brigade_inspector"),
            Q(region_id__gte="341602", region_id__lt="341603"),
        ),
        "department (谯城区教育)": (
            persona("b_edu", edu, "department_supervisor"),
            Q(region_id__gte="341602", region_id__lt="341603", industry_id="education"),
        ),
        "township (花戏楼街道)": (
            persona("b_grid", grid, "grid_officer"),
            Q(region_id__gte="341602001", region_id__lt="341602002"),
        ),
    }


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - sum(2 if ord(c) > 0x2E80 else 1 for c in text))


def _page_and_count(qs) -> None:
    list(qs.order_by("region_id", "kind", "name")[:PAGE])
    qs.count()


def run(n: int, repeat: int) -> None:
    from flameblue.org.models import Organization, User

    _fill(n)
    personas = _personas()
    total = Organization.objects.count()
    unscoped = _median_ms(lambda: _page_and_count(Organization.objects.all()), repeat)
    print(
        f"{total} organizations on {connection.vendor}; median of {repeat} runs, first page of {PAGE} + count\n"
    )
    print(f"{'persona':26} {'rows':>7} {'scoped ms':>10} {'hand WHERE':>11} {'unscoped':>9} {'ratio':>6}")
    for name, (user_id, where) in personas.items():
        scoped = _median_ms(
            lambda uid=user_id: _page_and_count(Organization.objects.visible_to(User.objects.get(pk=uid))),
            repeat,
        )
        hand = _median_ms(lambda w=where: _page_and_count(Organization.objects.filter(w)), repeat)
        rows = Organization.objects.visible_to(User.objects.get(pk=user_id)).count()
        print(
            f"{_pad(name, 26)} {rows:>7} {scoped:>10.2f} {hand:>11.2f} {unscoped:>9.2f} {scoped / unscoped:>6.2f}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--orgs", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        print("bench/run.py measures PostgreSQL: set DATABASE_URL=postgres://…", file=sys.stderr)
        return 2
    db = settings.DATABASES["default"]
    db.setdefault("TEST", {})["NAME"] = f"bench_{db['NAME']}"
    connection.settings_dict["TEST"]["NAME"] = db["TEST"]["NAME"]
    creation = connection.creation
    old_name = creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        run(args.orgs, args.repeat)
    finally:
        creation.destroy_test_db(old_name, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
