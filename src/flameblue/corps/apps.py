from django.apps import AppConfig


class CorpsConfig(AppConfig):
    name = "flameblue.corps"
    label = "corps"
    verbose_name = "队伍建设"

    def ready(self) -> None:
        from flameblue.core.reference_data import register_reference_loader
        from flameblue.corps.menu import register as register_menu
        from flameblue.corps.scoring import load_items_reference

        register_menu()
        register_reference_loader("corps_assessment_items", order=70, load=load_items_reference)
        from flameblue.corps.staffing.setup import register as register_part_a

        register_part_a()
