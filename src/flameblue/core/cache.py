"""A Redis cache that degrades instead of failing when Redis is unreachable.

The cache holds nothing that cannot be recomputed: sessions are cached copies of database rows
(``cached_db``), rate-limit counters are backed by stored rows, lookups are memoised. So when Redis is down
(or restarting) a read is a miss and a write is dropped, with a warning in the log, and pages keep working
from the database; they never answer 500 because a cache did not answer."""

from __future__ import annotations

import logging
import time
from typing import Any

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

__all__ = ["UNREACHABLE", "ResilientRedisCache"]

logger = logging.getLogger("flameblue.cache")

#: The errors that mean "Redis is not there right now".
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError)
#: At most one warning per this many seconds, so an outage does not flood the log.
WARN_EVERY_SECONDS = 60


class ResilientRedisCache(RedisCache):
    """Django's Redis cache; an unreachable Redis reads as a miss and ignores writes (logged)."""

    _last_warning = 0.0

    def _unreachable(self, operation: str, exc: Exception) -> None:
        now = time.monotonic()
        if now - ResilientRedisCache._last_warning >= WARN_EVERY_SECONDS:
            ResilientRedisCache._last_warning = now
            logger.warning("Redis cache unreachable (%s: %s); serving without the cache", operation, exc)

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        try:
            return super().get(key, default, version)
        except UNREACHABLE as exc:
            self._unreachable("get", exc)
            return default

    def get_many(self, keys: Any, version: int | None = None) -> dict[Any, Any]:
        try:
            return super().get_many(keys, version)
        except UNREACHABLE as exc:
            self._unreachable("get_many", exc)
            return {}

    def has_key(self, key: Any, version: int | None = None) -> bool:
        try:
            return super().has_key(key, version)
        except UNREACHABLE as exc:
            self._unreachable("has_key", exc)
            return False

    def add(self, key: Any, value: Any, timeout: Any = 300, version: int | None = None) -> bool:
        try:
            return super().add(key, value, timeout, version)
        except UNREACHABLE as exc:
            self._unreachable("add", exc)
            return False

    def set(self, key: Any, value: Any, timeout: Any = 300, version: int | None = None) -> None:
        try:
            super().set(key, value, timeout, version)
        except UNREACHABLE as exc:
            self._unreachable("set", exc)

    def set_many(self, data: dict[Any, Any], timeout: Any = 300, version: int | None = None) -> list[Any]:
        try:
            return super().set_many(data, timeout, version)
        except UNREACHABLE as exc:
            self._unreachable("set_many", exc)
            return list(data)

    def touch(self, key: Any, timeout: Any = 300, version: int | None = None) -> bool:
        try:
            return super().touch(key, timeout, version)
        except UNREACHABLE as exc:
            self._unreachable("touch", exc)
            return False

    def delete(self, key: Any, version: int | None = None) -> bool:
        try:
            return super().delete(key, version)
        except UNREACHABLE as exc:
            self._unreachable("delete", exc)
            return False

    def delete_many(self, keys: Any, version: int | None = None) -> None:
        try:
            super().delete_many(keys, version)
        except UNREACHABLE as exc:
            self._unreachable("delete_many", exc)

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        try:
            return super().incr(key, delta, version)
        except UNREACHABLE as exc:
            self._unreachable("incr", exc)
            raise ValueError(f"Key {key!r} not found (cache unreachable)") from exc

    def clear(self) -> None:
        try:
            super().clear()
        except UNREACHABLE as exc:
            self._unreachable("clear", exc)
