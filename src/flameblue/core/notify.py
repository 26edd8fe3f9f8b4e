"""Notifications: every message lands in the recipient's in-app inbox and, after the transaction commits,
goes out through the configured channels (``settings.NOTIFICATION_CHANNELS``; a logging channel by
default, SMS or e-mail gateways plug in with the same two-method interface)."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from flameblue.core.arrays import execute_bound
from flameblue.core.notify_models import Notification, UndeliveredNotification

__all__ = [
    "Channel",
    "Delivery",
    "LoggingChannel",
    "Message",
    "inbox_for",
    "mark_read",
    "notify",
    "notify_many",
    "undelivered",
    "unread_count",
]

logger = logging.getLogger("flameblue.notify")


@dataclass(frozen=True)
class Message:
    subject: str
    body: str = ""
    link: str = ""
    level: str = "info"


class Channel(Protocol):
    def send(self, user: Any, message: Message) -> None: ...


class LoggingChannel:
    """Writes each notification to the log: the default when no SMS/e-mail gateway is configured."""

    def send(self, user: Any, message: Message) -> None:
        logger.info("notify %s: %s %s", user.get_username(), message.subject, message.link)


@lru_cache(maxsize=8)
def _channels(paths: tuple[str, ...]) -> list[Channel]:
    return [import_string(path)() for path in paths]


def notify(recipients: Iterable[Any], message: Message, *, dedupe_key: str = "") -> list[Notification]:
    """Put ``message`` in each recipient's inbox (once per ``dedupe_key``) and send it after commit.

    A message with no active recipient is an error in the set-up, not a quiet no-op: it is logged and
    recorded as an :class:`UndeliveredNotification` for the administrators' dashboard."""
    created: list[Notification] = []
    users = {u.pk: u for u in recipients if u is not None and u.is_active}
    if not users:
        _record_undelivered(message, dedupe_key)
        return created
    for user in users.values():
        try:
            with transaction.atomic():
                created.append(
                    Notification.objects.create(
                        recipient=user,
                        subject=message.subject[:200],
                        body=message.body,
                        link=message.link[:300],
                        level=message.level,
                        dedupe_key=dedupe_key[:200],
                    )
                )
        except IntegrityError:
            continue  # already delivered for this dedupe key

    def _send() -> None:
        for note in created:
            for channel in _channels(tuple(settings.NOTIFICATION_CHANNELS)):
                try:
                    channel.send(note.recipient, message)
                except Exception:  # a failing gateway must not lose the inbox copy
                    logger.exception("notification channel %r failed", channel)

    transaction.on_commit(_send)
    return created


@dataclass(frozen=True)
class Delivery:
    """One message for a group of recipients, deduplicated per recipient by ``dedupe_key``."""

    recipients: tuple[Any, ...]
    message: Message
    dedupe_key: str = ""


#: Rows per INSERT when a job delivers many messages at once.
BULK_SIZE = 1000


def notify_many(deliveries: Iterable[Delivery]) -> int:
    """:func:`notify` for many messages at once (the sweep sends thousands): the inbox rows go in with one
    INSERT per :data:`BULK_SIZE` rows, a row whose (recipient, dedupe key) is already there is skipped by
    the database, messages without a recipient are recorded as undelivered, and the channels send after
    commit. Answers the number of inbox rows offered (skipped duplicates included)."""
    outgoing: list[tuple[Any, Message, str]] = []
    for delivery in deliveries:
        users = {u.pk: u for u in delivery.recipients if u is not None and u.is_active}
        if not users:
            _record_undelivered(delivery.message, delivery.dedupe_key)
            continue
        outgoing += [(user, delivery.message, delivery.dedupe_key) for user in users.values()]
    # A duplicate dedupe key is skipped, not an error: a delivery is idempotent.
    for start in range(0, len(outgoing), BULK_SIZE):
        _insert_inbox_rows(outgoing[start : start + BULK_SIZE])

    def _send() -> None:
        channels = _channels(tuple(settings.NOTIFICATION_CHANNELS))
        for user, message, _key in outgoing:
            for channel in channels:
                try:
                    channel.send(user, message)
                except Exception:  # a failing gateway must not lose the inbox copy
                    logger.exception("notification channel %r failed", channel)

    if outgoing:
        transaction.on_commit(_send)
    return len(outgoing)


def _insert_inbox_rows(rows: list[tuple[Any, Message, str]]) -> None:
    """One INSERT for up to :data:`BULK_SIZE` inbox rows, skipping (recipient, dedupe key) pairs already
    there. On PostgreSQL one array per column (``INSERT … SELECT FROM unnest(…) ON CONFLICT DO NOTHING``),
    bound in binary (``core.arrays``): no model instances, no quoting of each string, a short statement
    whatever the batch."""
    if connection.vendor != "postgresql":
        Notification.objects.bulk_create(
            [
                Notification(
                    recipient=user, subject=message.subject[:200], body=message.body, link=message.link[:300],
                    level=message.level, dedupe_key=key[:200],
                )
                for user, message, key in rows
            ],
            ignore_conflicts=True,
        )  # fmt: skip
        return
    table = connection.ops.quote_name(Notification._meta.db_table)
    execute_bound(
        f"INSERT INTO {table} (recipient_id, created_at, subject, body, link, level, dedupe_key) "
        "SELECT r, %b, s, b, l, v, k FROM unnest(%b::bigint[], %b::text[], %b::text[], %b::text[], "
        "%b::text[], %b::text[]) AS x(r, s, b, l, v, k) ON CONFLICT DO NOTHING",
        [
            timezone.now(),
            [user.pk for user, _m, _k in rows],
            [message.subject[:200] for _u, message, _k in rows],
            [message.body for _u, message, _k in rows],
            [message.link[:300] for _u, message, _k in rows],
            [message.level for _u, message, _k in rows],
            [key[:200] for _u, _m, key in rows],
        ],
    )


def _record_undelivered(message: Message, dedupe_key: str) -> None:
    logger.error("notification has no recipient: %s %s (%s)", message.subject, message.link, dedupe_key)
    event = dedupe_key[:200]
    if event and UndeliveredNotification.objects.filter(event=event, resolved_at__isnull=True).exists():
        return
    UndeliveredNotification.objects.create(
        subject=message.subject[:200], link=message.link[:300], event=event
    )


def undelivered():
    """Messages that reached nobody and are not yet resolved, newest first."""
    return UndeliveredNotification.objects.filter(resolved_at__isnull=True)


def inbox_for(user: Any):
    return Notification.objects.filter(recipient=user)


def unread_count(user: Any) -> int:
    return inbox_for(user).filter(read_at__isnull=True).count()


def mark_read(user: Any, ids: Iterable[int] | None = None) -> int:
    qs = inbox_for(user).filter(read_at__isnull=True)
    if ids is not None:
        qs = qs.filter(pk__in=list(ids))
    return qs.update(read_at=timezone.now())
