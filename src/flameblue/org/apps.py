from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "flameblue.org"
    label = "org"
    verbose_name = "组织与人员"

    def ready(self) -> None:
        from flameblue.org.menu import register as register_menu

        register_menu()
        from flameblue.core.middleware import register_second_factor_policy
        from flameblue.core.reference_data import register_reference_loader
        from flameblue.core.scoping import register_membership_provider
        from flameblue.org import auth_events  # noqa: F401  (connects login/logout/lockout auditing)
        from flameblue.org.dashboard import register as register_dashboard
        from flameblue.org.reference_data import load_industries_reference, load_roles_reference
        from flameblue.org.selectors import memberships_and_person
        from flameblue.org.twofactor import needs_second_factor

        register_membership_provider(memberships_and_person)
        register_reference_loader("industries", order=20, load=load_industries_reference)
        register_reference_loader("roles", order=30, load=load_roles_reference)
        register_second_factor_policy(needs_second_factor)
        from flameblue.core.reference_choices import register_reference_model
        from flameblue.org.models import Industry

        register_reference_model(Industry)
        register_dashboard()
