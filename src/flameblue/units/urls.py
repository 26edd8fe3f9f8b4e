from django.urls import path

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

# Import, export and QR-code pages (units/import_views.py) append their patterns below.

from flameblue.units import import_views  # noqa: E402

urlpatterns += [
    path("import/", import_views.ImportUploadView.as_view(), name="import-upload"),
    path("import/template/", import_views.ImportTemplateView.as_view(), name="import-template"),
    path("import/<int:pk>/", import_views.ImportJobView.as_view(), name="import-job"),
    path("import/<int:pk>/apply/", import_views.ImportApplyView.as_view(), name="import-apply"),
    path("export/", import_views.UnitExportView.as_view(), name="unit-export"),
    path("qr/", import_views.UnitQRSheetsView.as_view(), name="unit-qr-sheets"),
    path("<int:pk>/qr/", import_views.UnitQRView.as_view(), name="unit-qr"),
    path("<int:pk>/qr/sheet/", import_views.UnitQRSheetView.as_view(), name="unit-qr-sheet"),
]
