from django.apps import AppConfig


class InspectionsConfig(AppConfig):
    name = "flameblue.inspections"
    label = "inspections"
    verbose_name = "检查"
