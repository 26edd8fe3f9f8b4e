from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "flameblue.org"
    label = "org"
    verbose_name = "组织与人员"

    def ready(self) -> None:
        from flameblue.org import auth_events  # noqa: F401  (connects login/logout/lockout auditing)
