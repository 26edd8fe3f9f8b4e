from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "flameblue.campaigns"
    label = "campaigns"
    verbose_name = "专项整治"

    def ready(self) -> None:
        from flameblue.campaigns.figures import register as register_figures

        register_figures()
        from flameblue.campaigns.dashboard import register as register_dashboard
        from flameblue.campaigns.menu import register as register_menu
        from flameblue.campaigns.sweep import sweep_campaigns
        from flameblue.core.sweep import register_sweep_job

        register_menu()
        register_dashboard()
        register_sweep_job("campaigns", sweep_campaigns, order=50)
