from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "flameblue.core"
    label = "core"
    verbose_name = "核心"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from flameblue.core import checks  # registers the cache-table check
        from flameblue.core.forms import install_plausible_dates

        install_plausible_dates()

        post_migrate.connect(checks.create_cache_tables, sender=self)
        from flameblue.core.menu import register as register_menu

        register_menu()
        from flameblue.core.dashboard import register_core_panels

        register_core_panels()
