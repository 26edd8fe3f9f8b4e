from django.apps import AppConfig


class HazardsConfig(AppConfig):
    name = "flameblue.hazards"
    label = "hazards"
    verbose_name = "火灾隐患"
