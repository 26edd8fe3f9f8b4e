"""Pages for moving units in and out of Excel and the units' QR codes. Included by ``units/urls.py`` without
a namespace, so the names are ``units:import-…``, ``units:unit-export`` and ``units:unit-qr…``."""

from django.urls import path

from flameblue.units.sheets import views

urlpatterns = [
    path("import/", views.ImportUploadView.as_view(), name="import-upload"),
    path("import/template/", views.ImportTemplateView.as_view(), name="import-template"),
    path("import/<int:pk>/", views.ImportJobView.as_view(), name="import-job"),
    path("import/<int:pk>/apply/", views.ImportApplyView.as_view(), name="import-apply"),
    path("export/", views.UnitExportView.as_view(), name="unit-export"),
    path("qr/", views.UnitQRSheetsView.as_view(), name="unit-qr-sheets"),
    path("<int:pk>/qr/", views.UnitQRView.as_view(), name="unit-qr"),
    path("<int:pk>/qr/sheet/", views.UnitQRSheetView.as_view(), name="unit-qr-sheet"),
]
