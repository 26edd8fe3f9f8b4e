from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "flameblue.org"
    label = "org"
    verbose_name = "组织与人员"

    def ready(self) -> None:
        from flameblue.core.scoping import register_membership_provider
        from flameblue.org import auth_events  # noqa: F401  (connects login/logout/lockout auditing)
        from flameblue.org.selectors import active_memberships_for_user

        register_membership_provider(active_memberships_for_user)
