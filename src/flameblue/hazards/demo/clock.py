"""The demo's clock: every demo story is a generator that yields the moment of its next step and takes the
step when resumed. The clock runs all stories' steps in time order, so notices, case numbers and
counters are issued in the order of their dates, and a step that would fall after ``now`` is never taken —
the data set is what the records would look like today."""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Iterator

from django.db.models import Max
from django.utils import timezone

from flameblue.core.notify_models import Notification

__all__ = ["Clock", "Story"]

Story = Iterator[dt.datetime]

#: Notifications sent by a step older than this are history: they land in the inbox already read.
FRESH = dt.timedelta(days=14)


class Clock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now
        self._queue: list[tuple[dt.datetime, int, Story]] = []
        self._seq = 0
        self.steps = 0

    def add(self, story: Story) -> None:
        self._push(story)

    def _push(self, story: Story) -> None:
        try:
            at = next(story)
        except StopIteration:
            return
        self._seq += 1
        heapq.heappush(self._queue, (at, self._seq, story))

    def run(self) -> None:
        while self._queue:
            at, _seq, story = heapq.heappop(self._queue)
            if at > self.now:
                story.close()
                continue
            last = Notification.objects.aggregate(m=Max("pk"))["m"] or 0
            self.steps += 1
            self._push(story)  # takes the step, then queues the story's next one
            if self.now - at > FRESH:
                Notification.objects.filter(pk__gt=last).update(created_at=at, read_at=at)


def moment(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))
