from django.apps import AppConfig


class GeoConfig(AppConfig):
    name = "flameblue.geo"
    label = "geo"
    verbose_name = "行政区划"

    def ready(self) -> None:
        from flameblue.geo.menu import register as register_menu

        register_menu()
        from flameblue.core.filters import register_region_model
        from flameblue.core.reference_data import register_reference_loader
        from flameblue.geo.dashboard import register as register_dashboard
        from flameblue.geo.loader import load_regions_reference
        from flameblue.geo.models import Region

        register_reference_loader("regions", order=10, load=load_regions_reference)
        register_dashboard()
        register_region_model(Region)
