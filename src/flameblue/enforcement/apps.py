from django.apps import AppConfig


class EnforcementConfig(AppConfig):
    name = "flameblue.enforcement"
    label = "enforcement"
    verbose_name = "执法程序"

    def ready(self) -> None:
        from flameblue.core.sweep import register_sweep_job
        from flameblue.enforcement import writs  # noqa: F401  (registers the document kinds)
        from flameblue.enforcement.dashboard import register as register_dashboard
        from flameblue.enforcement.menu import register as register_menu
        from flameblue.enforcement.sweep import sweep_enforcement

        register_menu()
        register_dashboard()
        register_sweep_job("enforcement", sweep_enforcement, order=40)
