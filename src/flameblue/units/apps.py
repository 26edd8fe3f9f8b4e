from django.apps import AppConfig


class UnitsConfig(AppConfig):
    name = "flameblue.units"
    label = "units"
    verbose_name = "社会单位"

    def ready(self) -> None:
        from flameblue.units.dashboard import register as register_dashboard

        register_dashboard()
