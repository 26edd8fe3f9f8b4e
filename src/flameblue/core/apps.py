from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "flameblue.core"
    label = "core"
    verbose_name = "核心"
