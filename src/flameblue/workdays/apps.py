from django.apps import AppConfig


class WorkdaysConfig(AppConfig):
    name = "flameblue.workdays"
    label = "workdays"
    verbose_name = "工作日历"

    def ready(self) -> None:
        from flameblue.workdays.menu import register as register_menu

        register_menu()
