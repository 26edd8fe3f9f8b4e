"""The full Bozhou demo (``flameblue seed-demo``), seeded once per test process for the tests that read it.

A test that requests the ``demo`` fixture is a demo test: collection marks it ``demo`` and puts it in the
``xdist_group("demo")``, so under ``--dist loadgroup`` one worker runs them all, one after another.

How the demo stays out of every other test: the demo is seeded inside an outer transaction that is opened
before the first demo test and never committed. Each demo test runs in its own savepoint inside it (the
usual per-test transaction of pytest-django), so its writes roll back and the next demo test sees the demo
as seeded. Before any test that is not a demo test runs in the same process, the outer transaction is rolled
back, which removes the demo completely and cheaply; should another demo test come later (an unusual order),
the demo is seeded again. Nothing is ever committed, so neither ``--reuse-db`` nor an interrupted run can leave
demo rows behind, and a transactional test (``transactional_db``, ``live_server``) never flushes or sees them.

Collection puts the demo tests first (pytest-django's stable sort, plain database tests before transactional
ones before the rest, keeps them first), and xdist's default ``--loadscope-reorder`` sends the biggest group
(this one) out first too: one worker seeds and runs the demo while the other shares the rest of the suite.
On pytest 9.2 xdist 3.8 cannot group by itself (see ``_suffix_groups``).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from io import StringIO
from typing import TypeVar

import pytest

T = TypeVar("T")

__all__ = ["DemoDatabase", "demo", "rolled_back_rows", "settings_for_tests"]

DEMO_FIXTURE = "demo"
DEMO_GROUP = "demo"


@dataclass
class DemoDatabase:
    """The seeded demo of this test process: the command's output, what it created, how long each app took."""

    blocker: object
    output: str = ""
    created: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    media_root: object = None
    seeds: int = 0  # how often this process seeded the demo (1 unless tests ran in an unusual order)
    _atomic: object = None

    @property
    def active(self) -> bool:
        return self._atomic is not None

    def activate(self) -> None:
        """Open the outer transaction and run ``seed_demo`` in it, timing each app's hook."""
        from django.core.management import call_command
        from django.db import connection, transaction
        from django.test import override_settings

        from flameblue.core.models import AuditAction, AuditEvent
        from flameblue.org.management.commands import seed_demo

        assert not self.active
        hooks = list(seed_demo.seed_hooks())
        self.seconds = {}

        def timed(label, hook):
            def run(stdout):
                started = time.monotonic()
                try:
                    return hook(stdout)
                finally:
                    self.seconds[label] = time.monotonic() - started

            return run

        with self.blocker.unblock(), override_settings(**settings_for_tests(self.media_root)):
            atomic = transaction.atomic()
            atomic.__enter__()
            self._atomic = atomic
            original = seed_demo.seed_hooks
            seed_demo.seed_hooks = lambda: iter([(label, timed(label, hook)) for label, hook in hooks])
            try:
                out = StringIO()
                call_command("seed_demo", stdout=out)
            except BaseException:
                self.deactivate()
                raise
            finally:
                seed_demo.seed_hooks = original
            event = AuditEvent.objects.get(action=AuditAction.IMPORT, actor_name="seed-demo")
            # Check the deferred foreign keys of the demo rows now, once: left pending, PostgreSQL would check
            # them again at the end of every demo test (its savepoint rollback puts them back in the queue).
            connection.check_constraints()
        self.output = out.getvalue()
        self.created = dict(event.changes["created"])
        self.seeds += 1

    def deactivate(self) -> None:
        """Roll the outer transaction back: the database is as it was before the demo."""
        from django.db import transaction

        if not self.active:
            return
        atomic, self._atomic = self._atomic, None
        with self.blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def settings_for_tests(media_root) -> dict[str, object]:
    """The settings every test runs with (``_settings_for_tests`` in tests/conftest.py), for rows built outside a
    test (quick password hashes, inline tasks, files in a temporary folder)."""
    from django.conf import settings

    return {
        "REQUIRE_2FA_FOR_ADMIN_ROLES": False,
        "MEDIA_ROOT": media_root,
        "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
        "HUEY": {**settings.HUEY, "immediate": True},
        "CACHES": {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
    }


@contextmanager
def rolled_back_rows(django_db_blocker, media_root, build: Callable[[], T]) -> Iterator[T]:
    """``build()`` rows that outlive single tests but not this block: an outer transaction, rolled back at the
    end, that the tests' own transactions nest in as savepoints. For fixtures of module scope."""
    from django.db import connection, transaction
    from django.test import override_settings

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
    try:
        with django_db_blocker.unblock(), override_settings(**settings_for_tests(media_root)):
            value = build()
            connection.check_constraints()  # once here, not again after every test (see DemoDatabase)
        yield value
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


_state: DemoDatabase | None = None


@pytest.fixture(scope="session")
def _demo_database(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[DemoDatabase]:
    global _state
    _state = DemoDatabase(blocker=django_db_blocker, media_root=tmp_path_factory.mktemp("demo-media"))
    _state.activate()
    yield _state
    _state.deactivate()
    _state = None


@pytest.fixture
def demo(_demo_database, db, settings) -> DemoDatabase:
    """The full demo data set as ``flameblue seed-demo`` loads it (seeded once per process, see the module)."""
    assert _demo_database.active
    settings.MEDIA_ROOT = _demo_database.media_root  # where the demo's photos are
    return _demo_database


def is_demo_test(item: pytest.Item) -> bool:
    return DEMO_FIXTURE in getattr(item, "fixturenames", ())


def pytest_itemcollected(item: pytest.Item) -> None:
    """Mark each demo test ``demo`` and put it in the ``demo`` xdist group (here, before any
    ``pytest_collection_modifyitems``: xdist turns the group into the node id there)."""
    if not is_demo_test(item):
        return
    if {"transactional_db", "live_server"} & set(item.fixturenames):
        raise pytest.UsageError(f"{item.nodeid}: a demo test cannot be transactional")
    item.add_marker(pytest.mark.demo)
    if any(line.startswith("xdist_group") for line in item.config.getini("markers")):
        item.add_marker(pytest.mark.xdist_group(DEMO_GROUP))


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> Iterator[None]:
    """Run the demo tests first (pytest-django's stable sort by database use, which comes next, keeps them first
    among the plain database tests); then, after xdist, make sure their node ids carry the group."""
    demo_items = [item for item in items if is_demo_test(item)]
    if demo_items:
        items[:] = demo_items + [item for item in items if not is_demo_test(item)]
    yield
    if getattr(config.option, "loadgroup", False):
        _suffix_groups(items)


def _suffix_groups(items: list[pytest.Item]) -> None:
    """Keep ``--dist loadgroup`` working on pytest 9.2: xdist 3.8 appends ``@group`` to ``item._nodeid``, which
    pytest 9.2 no longer reads (pytest-dev/pytest-xdist#1386), so the demo tests would be spread over the
    workers. Append it to the structured id instead. Isolation does not depend on this, only speed."""
    try:
        from _pytest.nodeid import NodeId
    except ImportError:  # an older pytest: xdist's own suffix works
        return
    for item in items:
        marks = list(item.iter_markers("xdist_group"))
        if marks and "@" not in item.nodeid.rpartition("]")[2]:
            names = sorted({str(m.args[0] if m.args else m.kwargs.get("name", "default")) for m in marks})
            item._id = NodeId.parse(f"{item.nodeid}@{'_'.join(names)}")


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Before a test that is not a demo test, roll the demo back; before a demo test, bring it back if it was
    rolled back (the first demo test seeds it through the session fixture)."""
    if _state is None:
        return
    if is_demo_test(item):
        if not _state.active:
            _state.activate()
    else:
        _state.deactivate()
