"""The database cache table: created by every ``migrate`` and checked by ``flameblue check``.

Without Redis the cache (rate limits of the public tip form, tracking look-ups, memoised reference data)
lives in a database table that ``migrate`` alone does not create; a fresh ``migrate`` + ``seed-demo`` then
answered 500 on the public pages. ``migrate`` now creates it (``post_migrate``, idempotent, also after
switching from Redis to the database cache) and the system check reports it missing."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks
from django.core.management import call_command
from django.db import DatabaseError, connections, router

__all__ = ["check_cache_tables", "create_cache_tables"]

DATABASE_CACHE = "django.core.cache.backends.db.DatabaseCache"


def _cache_tables(alias: str) -> list[str]:
    return [
        conf["LOCATION"]
        for conf in settings.CACHES.values()
        if conf.get("BACKEND") == DATABASE_CACHE
        and router.allow_migrate(alias, "django_cache", model_name="CacheEntry")
    ]


def create_cache_tables(sender: Any = None, *, using: str = "default", **kwargs: Any) -> None:
    """``post_migrate`` receiver: create the database cache tables that do not exist yet."""
    if _cache_tables(using):
        call_command("createcachetable", database=using, verbosity=0)


@checks.register(checks.Tags.caches)
def check_cache_tables(
    app_configs: Any = None, databases: Any = None, **kwargs: Any
) -> list[checks.CheckMessage]:
    """A database cache whose table is missing (every cache read would fail)."""
    problems: list[checks.CheckMessage] = []
    for alias in connections:
        tables = _cache_tables(alias)
        if not tables:
            continue
        try:
            with connections[alias].cursor() as cursor:
                existing = set(connections[alias].introspection.table_names(cursor))
        except DatabaseError:
            continue  # the database itself is unreachable or not created yet: other checks say so
        if "django_migrations" not in existing:
            continue  # not migrated yet: `migrate` will create the table
        for table in tables:
            if table not in existing:
                problems.append(
                    checks.Warning(
                        f"The database cache table {table!r} does not exist; pages that use the cache "
                        "will fail.",
                        hint="Run `flameblue migrate` (it creates the table) or `flameblue createcachetable`.",
                        id="flameblue.W001",
                    )
                )
    return problems
