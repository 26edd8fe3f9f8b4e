from django.apps import AppConfig


class UnitsConfig(AppConfig):
    name = "flameblue.units"
    label = "units"
    verbose_name = "社会单位"
