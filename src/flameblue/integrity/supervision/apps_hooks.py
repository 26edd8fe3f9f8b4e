"""What the supervision sub-domain registers with core when the integrity app is ready: its menu entries
and its overdue sweep job (``supervision_findings``)."""

from __future__ import annotations

__all__ = ["register"]


def register() -> None:
    from flameblue.core.sweep import register_sweep_job
    from flameblue.integrity.supervision.menu import register as register_menu
    from flameblue.integrity.supervision.sweep import sweep_findings

    register_menu()
    register_sweep_job("supervision_findings", sweep_findings, order=70)
