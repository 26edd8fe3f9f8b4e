"""The one overdue sweep (``flameblue sweep``): each app registers the job that finds its overdue records and
escalates them (hazards and tips, listed supervision, committee action items …) in its ``AppConfig.ready()``;
the command and the periodic tasks run them. Every job claims its rows with a conditional update, so running
the sweep twice, in parallel or after an outage sends nothing twice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["SweepJob", "register_sweep_job", "run_sweep", "sweep_jobs"]


@dataclass(frozen=True)
class SweepJob:
    """One app's part of the sweep: ``run(today=…)`` returns a result with a one-line ``summary()``."""

    key: str
    run: Callable[..., Any]
    order: int = 100


_JOBS: dict[str, SweepJob] = {}


def register_sweep_job(key: str, run: Callable[..., Any], *, order: int = 100) -> None:
    """Add (or replace) the job ``key``; jobs run in ``order``."""
    _JOBS[key] = SweepJob(key=key, run=run, order=order)


def sweep_jobs() -> list[SweepJob]:
    return sorted(_JOBS.values(), key=lambda job: (job.order, job.key))


def run_sweep(*, today: dt.date | None = None, only: str | None = None) -> list[tuple[str, str]]:
    """Run every registered job (or just ``only``) as of ``today``; (key, summary) per job, in order."""
    return [(job.key, job.run(today=today).summary()) for job in sweep_jobs() if only in (None, job.key)]
