from django.urls import include, path

from flameblue.units import views

app_name = "units"

urlpatterns = [
    path("", views.UnitListView.as_view(), name="unit-list"),
    path("new/", views.UnitCreateView.as_view(), name="unit-create"),
    path("<int:pk>/", views.UnitDetailView.as_view(), name="unit-detail"),
    path("<int:pk>/edit/", views.UnitUpdateView.as_view(), name="unit-update"),
    path("<int:pk>/key-decision/", views.KeyUnitDecisionView.as_view(), name="unit-key-decision"),
    path("<int:pk>/declare/", views.DeclarationCreateView.as_view(), name="declaration-create"),
    path("declarations/", views.DeclarationListView.as_view(), name="declaration-list"),
    path("declarations/<int:pk>/accept/", views.DeclarationAcceptView.as_view(), name="declaration-accept"),
    path("declarations/rollover/", views.DeclarationRolloverView.as_view(), name="declaration-rollover"),
    path("map/", views.UnitMapView.as_view(), name="unit-map"),
    path("map/points/", views.UnitMapDataView.as_view(), name="unit-map-data"),
]

# Import, export and QR-code pages: see sheets/urls.py.
urlpatterns += [path("", include("flameblue.units.sheets.urls"))]
