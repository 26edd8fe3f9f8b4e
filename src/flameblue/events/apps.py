from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "flameblue.events"
    label = "events"
    verbose_name = "重大活动消防安保"

    def ready(self) -> None:
        from flameblue.events.figures import register as register_figures

        register_figures()
        from flameblue.events.menu import register as register_menu

        register_menu()
