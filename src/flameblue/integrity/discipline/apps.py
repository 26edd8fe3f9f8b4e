"""What the discipline records register with core and the inspections app (called from
``IntegrityConfig.ready()``): menu entries, the clue sweep job, the service measures' reference loader and the
explanation of a relatives'-business conflict used when a hand assignment is refused."""

from __future__ import annotations


def ready() -> None:
    from flameblue.core.reference_data import register_reference_loader
    from flameblue.core.sweep import register_sweep_job
    from flameblue.inspections.planning.conflicts import register_explainer
    from flameblue.integrity.discipline.conflicts import relative_business_conflict_reason
    from flameblue.integrity.discipline.menu import register as register_menu
    from flameblue.integrity.discipline.policy import load_measures_reference
    from flameblue.integrity.discipline.sweep import sweep_clues

    register_menu()
    register_sweep_job("integrity_clues", sweep_clues, order=71)
    register_reference_loader("service_measures", order=72, load=load_measures_reference)
    register_explainer(relative_business_conflict_reason)
