"""Fast restore of the reference data (regions, roles, working days …) between browser tests.

Browser tests need a transactional database (the live server runs in another thread), which Django empties
after each test and refills from the copy it serialized after migrating ("serialized rollback"). Django
refills it one ``save()`` per object: ~11 000 objects, some 20 seconds per test on PostgreSQL. This does the
same from the same copy with one bulk insert per table.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.core import serializers
from django.db import connections, transaction

__all__ = ["install_fast_restore"]

_parsed: dict[int, list[tuple[type, list[Any]]]] = {}


def _tables(data: str, alias: str) -> list[tuple[type, list[Any]]]:
    """The serialized copy as (model, deserialized objects) in Django's dependency order, parsed once."""
    key = id(data)
    if key not in _parsed:
        grouped: dict[type, list[Any]] = defaultdict(list)
        for item in serializers.deserialize("json", data, using=alias):
            grouped[type(item.object)].append(item)
        _parsed[key] = list(grouped.items())
    return _parsed[key]


def _restore_table(model: type, items: list[Any], alias: str) -> None:
    manager = model._base_manager.db_manager(alias)
    if manager.exists():  # not flushed yet (the first transactional test after migrating)
        return
    if model._meta.parents:  # multi-table inheritance cannot be bulk-inserted
        for item in items:
            item.save(using=alias)
        return
    manager.bulk_create([item.object for item in items], batch_size=2000)
    for item in items:
        for name, pks in (item.m2m_data or {}).items():
            field = model._meta.get_field(name)
            through = field.remote_field.through
            through._base_manager.db_manager(alias).bulk_create(
                [
                    through(
                        **{
                            f"{field.m2m_field_name()}_id": item.object.pk,
                            f"{field.m2m_reverse_field_name()}_id": pk,
                        }
                    )
                    for pk in pks
                ]
            )


def install_fast_restore(alias: str) -> None:
    """Replace the per-object refill of ``alias`` by the bulk one (for the rest of the test session)."""
    connection = connections[alias]

    def deserialize_db_from_string(data: str) -> None:
        with transaction.atomic(using=alias):
            for model, items in _tables(data, alias):
                _restore_table(model, items, alias)

    connection.creation.deserialize_db_from_string = deserialize_db_from_string
