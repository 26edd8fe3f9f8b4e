from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "flameblue.campaigns"
    label = "campaigns"
    verbose_name = "专项整治"

    def ready(self) -> None:
        from flameblue.campaigns.menu import register as register_menu

        register_menu()
