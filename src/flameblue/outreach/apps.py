from django.apps import AppConfig


class OutreachConfig(AppConfig):
    name = "flameblue.outreach"
    label = "outreach"
    verbose_name = "培训与宣传"

    def ready(self) -> None:
        from flameblue.outreach.figures import register as register_figures

        register_figures()
        from flameblue.core.reference_data import register_reference_loader
        from flameblue.outreach.menu import register as register_menu
        from flameblue.outreach.policy import load_terms_reference

        register_menu()
        register_reference_loader("outreach_terms", order=75, load=load_terms_reference)
