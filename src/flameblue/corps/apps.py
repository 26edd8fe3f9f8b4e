from django.apps import AppConfig


class CorpsConfig(AppConfig):
    name = "flameblue.corps"
    label = "corps"
    verbose_name = "队伍建设"

    def ready(self) -> None:
        from flameblue.corps.figures import register as register_figures

        register_figures()
        from flameblue.core.reference_data import register_reference_loader
        from flameblue.core.sweep import register_sweep_job
        from flameblue.corps.menu import register as register_menu
        from flameblue.corps.readiness.checklists import load_checklists_reference
        from flameblue.corps.rectification.sweep import sweep_corrective_actions
        from flameblue.corps.scoring import load_items_reference

        register_menu()
        register_reference_loader("corps_assessment_items", order=70, load=load_items_reference)
        from flameblue.corps.staffing.setup import register as register_part_a

        register_part_a()
        register_reference_loader("corps_readiness_checklists", order=71, load=load_checklists_reference)
        register_sweep_job("corps_actions", sweep_corrective_actions, order=60)
