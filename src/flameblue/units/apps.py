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
