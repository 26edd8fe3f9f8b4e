"""Page benchmark at province scale: the list pages, searches and dashboards, per role, all in one run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/flameblue python bench/pages_bench.py --units 100000

Uses (or generates, see ``bench/generate.py``) the database ``bench_<units>``, applies pending migrations to
it (the search and list indexes), then for each page and persona (city: zhidui_admin, county:
qiaocheng_fire, township: huaxilou_grid — the demo accounts) measures:

- ``p50``/``p95``: wall time of the whole request over HTTP from gunicorn (2 sync workers, started by the
  bench on a free port with the same database and Redis; a logged-in session cookie, a new connection each);
- ``db``: the median of the SQL time spent inside the same request run in this process through Django's
  test ``Client`` (every query, including session, user, memberships and the unread-message count) and ``q``
  the number of queries;
- ``hand``: the median time of a hand-written SQL of the same page (the 50 rows with what the page shows
  of them — the units' risk tags too — and the same capped count), and ``db/hand``;
- ``base``: the median time of a plain Django ``ListView`` + ``Paginator`` (exact ``COUNT(*)``, OFFSET
  pages) over the same queryset, rendered with a minimal template, and ``p50/base``.

Dashboards have no single hand SQL or ListView baseline: only p50/p95, db and q are printed for them.
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # noqa: E402  (bench/generate.py)

PAGE = 50
CAP = 10_000
OPEN = "('found', 'confirmed', 'rectifying', 'completion_reported')"

PERSONAS = {
    # role: (username, region prefix of its scope)
    "city": ("zhidui_admin", "3416"),
    "county": ("qiaocheng_fire", "341602"),
    "township": ("huaxilou_grid", "341602001"),
}


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    hand: str | None  # SQL with %(lo)s / %(hi)s; the page's rows; the capped count is added from ``count``
    count: str | None = None  # the FROM … WHERE … part for the capped count
    related: str | None = None  # what the page shows beside each row, for the rows' ids (%(ids)s)


UNIT_ROWS = """
    SELECT u.id, u.name, u.address, u.is_key_unit, u.status, r.name, pr.name, pt.name, i.name
    FROM units_unit u JOIN geo_region r ON r.code = u.region_id LEFT JOIN geo_region pr ON pr.code = r.parent_id
    LEFT JOIN units_placetype pt ON pt.code = u.place_type_id LEFT JOIN org_industry i ON i.code = u.industry_id
    WHERE u.region_id >= %(lo)s AND u.region_id < %(hi)s
"""
HAZARD_ROWS = """
    SELECT h.id, h.description, h.location, h.status, h.grade, h.source, h.deadline, h.found_at, u.id, u.name, r.name,
           pr.name, n.number
    FROM hazards_hazard h JOIN units_unit u ON u.id = h.unit_id JOIN geo_region r ON r.code = h.region_id
    LEFT JOIN geo_region pr ON pr.code = r.parent_id LEFT JOIN hazards_notice n ON n.id = h.notice_id
    WHERE h.region_id >= %(lo)s AND h.region_id < %(hi)s
"""
INSPECTION_ROWS = """
    SELECT s.id, s.kind, s.status, s.inspected_on, s.inspector_signature_name, u.id, u.name, r.name, o.name,
           p.name, (SELECT count(*) FROM inspections_finding f WHERE f.inspection_id = s.id)
    FROM inspections_inspection s JOIN units_unit u ON u.id = s.unit_id JOIN geo_region r ON r.code = s.region_id
    LEFT JOIN org_organization o ON o.id = s.organization_id LEFT JOIN org_user us ON us.id = s.inspector_id
    LEFT JOIN org_person p ON p.id = us.person_id
    WHERE s.region_id >= %(lo)s AND s.region_id < %(hi)s
"""
UNIT_TAGS = """
    SELECT t.unit_id, r.name FROM units_unit_risk_tags t JOIN units_risktag r ON r.code = t.risktag_id
    WHERE t.unit_id = ANY(%(ids)s) ORDER BY r.sort_order
"""
SEARCH = (
    " AND (UPPER(h.description) LIKE '%%灭火器%%' OR UPPER(h.location) LIKE '%%灭火器%%'"
    " OR h.unit_id = ANY(ARRAY(SELECT id FROM units_unit WHERE UPPER(name) LIKE '%%灭火器%%')))"
)
UNIT_NAME = "鑫源超市"
OVERDUE = f" AND h.status IN {OPEN} AND h.deadline < CURRENT_DATE"


def _count(from_where: str) -> str:
    return f"SELECT count(*) FROM (SELECT 1 {from_where} LIMIT {CAP + 1}) c"


PAGES = [
    Page(
        "unit list",
        "/units/",
        UNIT_ROWS + f" ORDER BY u.region_id, u.name, u.id LIMIT {PAGE}",
        "FROM units_unit u WHERE u.region_id >= %(lo)s AND u.region_id < %(hi)s",
        UNIT_TAGS,
    ),
    Page(
        "unit list last page",
        "/units/?page=last",
        UNIT_ROWS + f" ORDER BY u.region_id DESC, u.name DESC, u.id DESC LIMIT {PAGE}",
        "FROM units_unit u WHERE u.region_id >= %(lo)s AND u.region_id < %(hi)s",
        UNIT_TAGS,
    ),
    Page(
        "hazard list",
        "/hazards/",
        HAZARD_ROWS + f" ORDER BY h.found_at DESC, h.id DESC LIMIT {PAGE}",
        "FROM hazards_hazard h WHERE h.region_id >= %(lo)s AND h.region_id < %(hi)s",
    ),
    Page(
        "hazard ?q=灭火器",
        "/hazards/?q=灭火器",
        HAZARD_ROWS + SEARCH + f" ORDER BY h.found_at DESC, h.id DESC LIMIT {PAGE}",
        "FROM hazards_hazard h WHERE h.region_id >= %(lo)s AND h.region_id < %(hi)s" + SEARCH,
    ),
    Page(
        "hazard ?overdue=yes",
        "/hazards/?overdue=yes",
        HAZARD_ROWS + OVERDUE + f" ORDER BY h.deadline, h.id LIMIT {PAGE}",
        "FROM hazards_hazard h WHERE h.region_id >= %(lo)s AND h.region_id < %(hi)s" + OVERDUE,
    ),
    Page(
        "inspection list",
        "/inspections/",
        INSPECTION_ROWS + f" ORDER BY s.inspected_on DESC, s.id DESC LIMIT {PAGE}",
        "FROM inspections_inspection s WHERE s.region_id >= %(lo)s AND s.region_id < %(hi)s",
    ),
    Page(
        f"inspection ?unit_name={UNIT_NAME}",
        f"/inspections/?unit_name={UNIT_NAME}",
        INSPECTION_ROWS
        + f" AND UPPER(u.name) LIKE '%%{UNIT_NAME}%%' ORDER BY s.inspected_on DESC, s.id DESC LIMIT {PAGE}",
        "FROM inspections_inspection s JOIN units_unit u ON u.id = s.unit_id"
        f" WHERE s.region_id >= %(lo)s AND s.region_id < %(hi)s AND UPPER(u.name) LIKE '%%{UNIT_NAME}%%'",
    ),
    Page("dashboard", "/", None),
]


class DbTimer:
    """``connection.execute_wrapper``: total SQL time and query count of what runs inside it."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.queries = 0

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - start
            self.queries += 1


def _percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def _time(fn: Callable[[], object], repeat: int) -> list[float]:
    fn()  # warm plans, caches and the session
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


class Server:
    """gunicorn (2 sync workers, as in the issue's measurements) serving this database on a free port."""

    def __enter__(self) -> Server:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "flameblue.wsgi:application", "--workers", "2",
             "--bind", f"127.0.0.1:{self.port}", "--log-level", "warning", "--timeout", "120"],
            env=env,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while True:
            try:
                self.get("/", "")  # a redirect to the login page once Django answers
                return self
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError("gunicorn did not start") from None
                time.sleep(0.2)

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)

    def get(self, path: str, session: str) -> int:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        try:
            connection.request("GET", quote(path, safe="/?=&"), headers={"Cookie": session})
            response = connection.getresponse()
            response.read()
            return response.status
        finally:
            connection.close()


def _measure_http(server: Server, session: str, path: str, repeat: int) -> tuple[list[float], int]:
    server.get(path, session)  # warm each worker's connection, plans and caches
    server.get(path, session)
    walls, status = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        status = server.get(path, session)
        walls.append((time.perf_counter() - start) * 1000)
    return walls, status


def _measure_request(client, path: str, repeat: int) -> tuple[list[float], float, int, int]:
    from django.db import connection

    walls, dbs, queries, status = [], [], 0, 0
    client.get(path)
    for _ in range(repeat):
        timer = DbTimer()
        start = time.perf_counter()
        with connection.execute_wrapper(timer):
            response = client.get(path)
        walls.append((time.perf_counter() - start) * 1000)
        dbs.append(timer.seconds * 1000)
        queries, status = timer.queries, response.status_code
    return walls, statistics.median(dbs), queries, status


def _hand(page: Page, lo: str, hi: str, repeat: int) -> float:
    from django.db import connection

    params = {"lo": lo, "hi": hi}

    def run() -> None:
        with connection.cursor() as cursor:
            cursor.execute(page.hand, params)
            rows = cursor.fetchall()
            if page.related:
                cursor.execute(page.related, {"ids": [row[0] for row in rows]})
                cursor.fetchall()
            cursor.execute(_count(page.count), params)
            cursor.fetchall()

    return statistics.median(_time(run, repeat))


def _baseline(page: Page, user, repeat: int) -> float:
    """A plain ``ListView`` + ``Paginator`` over the page's own queryset (scoped and filtered)."""
    from django.http import HttpResponse
    from django.template import engines
    from django.test import RequestFactory
    from django.urls import resolve
    from django.views.generic import ListView

    path, _, query = page.path.partition("?")
    view_class = resolve(path).func.view_class
    template = engines["django"].from_string(
        "{% for o in object_list %}{{ o.pk }} {{ o }}\n{% endfor %}{{ paginator.count }} {{ page_obj.number }}"
    )

    def run() -> None:
        request = RequestFactory().get(page.path)
        request.user = user
        request.session = {}
        ours = view_class()
        ours.setup(request)
        queryset = ours.get_queryset()

        class Baseline(ListView):
            paginate_by = PAGE

            def get_queryset(self):
                return queryset

            def render_to_response(self, context, **kwargs):
                return HttpResponse(template.render(context))

        Baseline.as_view()(request).content  # noqa: B018

    return statistics.median(_time(run, max(3, repeat // 3)))


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - sum(2 if ord(c) > 0x2E80 else 1 for c in text))


def run(units: int, repeat: int, only: str = "") -> None:
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        cursor.execute("SELECT count(*) FROM units_unit")
        n_units = cursor.fetchone()[0]
        cursor.execute(f"SELECT count(*), count(*) FILTER (WHERE status IN {OPEN}) FROM hazards_hazard")
        n_hazards, n_open = cursor.fetchone()
        cursor.execute("SELECT count(*) FROM inspections_inspection")
        n_inspections = cursor.fetchone()[0]
    print(
        f"\n{connection.settings_dict['NAME']}: {n_units:,} units, {n_hazards:,} hazards ({n_open:,} open), "
        f"{n_inspections:,} inspections; PostgreSQL; p50/p95 over HTTP from gunicorn (2 workers), db and q from "
        f"the same request in-process; {repeat} requests each\n"
    )
    header = (
        f"{'page':30} {'role':9} {'q':>3} {'p50':>8} {'p95':>8} {'db':>8} {'hand':>8} {'db/hand':>7} "
        f"{'base':>8} {'p50/base':>8}"
    )
    print(header)
    print("-" * len(header))
    with Server() as server:
        for page in PAGES:
            if only and only not in page.name:
                continue
            for role, (username, prefix) in PERSONAS.items():
                print(_row(server, page, role, username, prefix, repeat), flush=True)


def _row(server: Server, page: Page, role: str, username: str, prefix: str, repeat: int) -> str:
    from django.conf import settings
    from django.test import Client

    from flameblue.core.scoping import code_range
    from flameblue.org.models import User

    user = User.objects.get(username=username)
    client = Client()
    client.force_login(user)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    walls, status = _measure_http(server, cookie, page.path, repeat)
    _, db_ms, queries, _ = _measure_request(client, page.path, max(5, repeat // 2))
    p50, p95 = statistics.median(walls), _percentile(walls, 0.95)
    line = f"{_pad(page.name, 30)} {role:9} {queries:>3} {p50:>8.1f} {p95:>8.1f} {db_ms:>8.1f}"
    if status != 200:
        line += f"  (HTTP {status})"
    if page.hand is not None:
        lo, hi = code_range(prefix)
        hand = _hand(page, lo, hi, repeat)
        base = _baseline(page, user, repeat)
        line += f" {hand:>8.1f} {db_ms / hand:>7.2f} {base:>8.1f} {p50 / base:>8.2f}"
    return line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--units", type=int, default=100_000, help="10000, 100000 or 1000000")
    parser.add_argument("--repeat", type=int, default=20, help="requests per page and role")
    parser.add_argument("--fresh", action="store_true", help="regenerate the database even if it exists")
    parser.add_argument(
        "--only", default="", help="only the pages whose name contains this (e.g. 'last page')"
    )
    args, _unknown = parser.parse_known_args(argv)
    server = os.environ.get("DATABASE_URL", "")
    if not server.startswith(("postgres://", "postgresql://")):
        print("bench/pages_bench.py measures PostgreSQL: set DATABASE_URL=postgres://…", file=sys.stderr)
        return 2
    url = generate.ensure_database(server, args.units, reuse=not args.fresh)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "flameblue.settings")
    os.environ["FLAMEBLUE_PRODUCTION"] = "false"
    # As in production (README): sessions and the dashboards' per-scope summaries in Redis. A database of
    # its own on the local server, emptied first, so the run starts from cold summaries.
    os.environ["REDIS_URL"] = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")
    os.environ["FLAMEBLUE_REQUIRE_2FA"] = "false"
    import django

    django.setup()
    from django.core.cache import cache

    cache.clear()
    run(args.units, args.repeat, args.only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
