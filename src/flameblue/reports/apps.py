from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "flameblue.reports"
    label = "reports"
    verbose_name = "统计与总结"

    def ready(self) -> None:
        from flameblue.reports.menu import register as register_menu

        register_menu()
