from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "flameblue.reports"
    label = "reports"
    verbose_name = "统计与总结"

    def ready(self) -> None:
        from flameblue.reports.dashboard import register as register_dashboard
        from flameblue.reports.menu import register as register_menu
        from flameblue.reports.series import register_figure_models
        from flameblue.reports.summary import output  # noqa: F401 - registers the Word template kind

        register_menu()
        register_dashboard()
        register_figure_models()
