from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "flameblue.community"
    label = "community"
    verbose_name = "双拥共建"

    def ready(self) -> None:
        from flameblue.community.menu import register as register_menu
        from flameblue.community.policy import load_activity_types_reference
        from flameblue.core.reference_data import register_reference_loader

        register_menu()
        register_reference_loader("community_activity_types", order=70, load=load_activity_types_reference)
