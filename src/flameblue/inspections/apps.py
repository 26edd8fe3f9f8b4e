from django.apps import AppConfig


class InspectionsConfig(AppConfig):
    name = "flameblue.inspections"
    label = "inspections"
    verbose_name = "检查"

    def ready(self) -> None:
        from flameblue.inspections.menu import register as register_menu

        register_menu()
        # Registers the inspection record's Word document kind so the template page and renders find it.
        from flameblue.inspections import record  # noqa: F401
        from flameblue.inspections.figures import register as register_figures

        register_figures()
