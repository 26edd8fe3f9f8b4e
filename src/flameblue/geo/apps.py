from django.apps import AppConfig


class GeoConfig(AppConfig):
    name = "flameblue.geo"
    label = "geo"
    verbose_name = "行政区划"
