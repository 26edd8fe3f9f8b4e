from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "flameblue.community"
    label = "community"
    verbose_name = "双拥共建"

    def ready(self) -> None:
        from flameblue.community.figures import register as register_figures

        register_figures()
        from flameblue.community.dashboard import register as register_dashboard
        from flameblue.community.menu import register as register_menu
        from flameblue.community.policy import load_activity_types_reference, load_rules_reference
        from flameblue.community.visits.sweep import sweep_opinions
        from flameblue.core.reference_data import register_reference_loader
        from flameblue.core.sweep import register_sweep_job

        register_menu()
        register_dashboard()
        register_reference_loader("community_activity_types", order=70, load=load_activity_types_reference)
        register_reference_loader("community_rules", order=71, load=load_rules_reference)
        register_sweep_job("community_opinions", sweep_opinions, order=80)
