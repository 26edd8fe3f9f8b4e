from django.apps import AppConfig


class WorkdaysConfig(AppConfig):
    name = "flameblue.workdays"
    label = "workdays"
    verbose_name = "工作日历"
