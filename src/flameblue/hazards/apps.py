from django.apps import AppConfig


class HazardsConfig(AppConfig):
    name = "flameblue.hazards"
    label = "hazards"
    verbose_name = "火灾隐患"

    def ready(self) -> None:
        from flameblue.hazards.menu import register as register_menu

        register_menu()
        # Registers the notice's Word document kind so the template page and renders find it.
        from flameblue.core.sweep import register_sweep_job
        from flameblue.hazards import notices  # noqa: F401
        from flameblue.hazards.dashboard import register as register_dashboard
        from flameblue.hazards.figures import register as register_figures
        from flameblue.hazards.sweep import sweep

        register_dashboard()
        register_figures()
        register_sweep_job("hazards", sweep, order=10)
        from flameblue.hazards import procedure  # noqa: F401  (registers the major-hazard notice document)
        from flameblue.hazards.clocks import CLOCKS, sweep_job

        for key in CLOCKS:
            register_sweep_job(f"order120.{key}", sweep_job(key), order=30)
