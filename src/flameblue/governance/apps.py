from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "flameblue.governance"
    label = "governance"
    verbose_name = "消防工作责任制"

    def ready(self) -> None:
        from flameblue.core.reference_data import register_reference_loader
        from flameblue.core.sweep import register_sweep_job
        from flameblue.governance import letters  # noqa: F401  (registers the letter's Word document kind)
        from flameblue.governance.analysis import sweep_situation_analyses
        from flameblue.governance.assessment import documents  # noqa: F401  (registers the results Word kind)
        from flameblue.governance.dashboard import register as register_dashboard
        from flameblue.governance.menu import register as register_menu
        from flameblue.governance.policy import load_letter_templates_reference
        from flameblue.governance.schemes import load_schemes_reference
        from flameblue.governance.sweep import sweep_action_items

        register_reference_loader("letter_templates", order=60, load=load_letter_templates_reference)
        register_reference_loader("assessment_schemes", order=61, load=load_schemes_reference)
        from flameblue.governance.figures import register as register_figures

        register_menu()
        register_dashboard()
        register_figures()
        register_sweep_job("action_items", sweep_action_items, order=20)
        register_sweep_job("situation_analyses", sweep_situation_analyses, order=21)
