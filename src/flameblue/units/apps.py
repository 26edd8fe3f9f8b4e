from django.apps import AppConfig


class UnitsConfig(AppConfig):
    name = "flameblue.units"
    label = "units"
    verbose_name = "社会单位"

    def ready(self) -> None:
        from flameblue.units.menu import register as register_menu

        register_menu()
        from flameblue.units.dashboard import register as register_dashboard

        register_dashboard()
        from flameblue.core.sweep import register_sweep_job
        from flameblue.units.sheets.import_jobs import sweep_stale_jobs

        register_sweep_job("unit_imports", sweep_stale_jobs, order=90)
        from flameblue.core.reference_choices import register_reference_model
        from flameblue.units.models import PlaceType, RiskTag

        register_reference_model(PlaceType, RiskTag)
