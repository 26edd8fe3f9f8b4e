from django.apps import AppConfig


class IntegrityConfig(AppConfig):
    name = "flameblue.integrity"
    label = "integrity"
    verbose_name = "党建与廉政"

    def ready(self) -> None:
        from flameblue.inspections.planning.conflicts import register_provider
        from flameblue.integrity.dashboard import register as register_dashboard
        from flameblue.integrity.menu import register as register_menu
        from flameblue.integrity.selectors import relative_business_conflicts

        register_menu()
        register_dashboard()
        from flameblue.core.reference_data import register_reference_loader
        from flameblue.integrity.policy import load_obligations_reference

        register_reference_loader("liaison_obligations", order=70, load=load_obligations_reference)
        register_provider(relative_business_conflicts)
        from flameblue.integrity.discipline.apps import ready as discipline_ready

        discipline_ready()
        from flameblue.integrity.supervision.apps_hooks import register as register_supervision

        register_supervision()
        from flameblue.integrity.figures import register as register_figures

        register_figures()
