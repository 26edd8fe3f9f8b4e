from django.urls import path

from flameblue.outreach import views

app_name = "outreach"

urlpatterns = [
    path("training/", views.SessionListView.as_view(), name="session-list"),
    path("training/export/", views.SessionExportView.as_view(), name="session-export"),
    path("training/new/", views.SessionCreateView.as_view(), name="session-create"),
    path("training/signin-template/", views.SigninTemplateView.as_view(), name="signin-template"),
    path("training/coverage/", views.CoverageView.as_view(), name="coverage"),
    path("training/<int:pk>/", views.SessionDetailView.as_view(), name="session-detail"),
    path("training/<int:pk>/edit/", views.SessionUpdateView.as_view(), name="session-edit"),
    path("training/<int:pk>/attendees/", views.AttendeeAddView.as_view(), name="attendee-add"),
    path("training/<int:pk>/signin/", views.SigninImportView.as_view(), name="signin-import"),
    path("publicity/", views.DriveListView.as_view(), name="drive-list"),
    path("publicity/export/", views.DriveExportView.as_view(), name="drive-export"),
    path("publicity/new/", views.DriveCreateView.as_view(), name="drive-create"),
    path("publicity/reach/", views.ReachView.as_view(), name="reach"),
    path("publicity/<int:pk>/", views.DriveDetailView.as_view(), name="drive-detail"),
    path("publicity/<int:pk>/edit/", views.DriveUpdateView.as_view(), name="drive-edit"),
    path("publicity/<int:pk>/photos/", views.DrivePhotoView.as_view(), name="drive-photo"),
    path("materials/", views.MaterialListView.as_view(), name="material-list"),
    path("materials/export/", views.MaterialExportView.as_view(), name="material-export"),
    path("materials/new/", views.MaterialCreateView.as_view(), name="material-create"),
    path("materials/<int:pk>/", views.MaterialDetailView.as_view(), name="material-detail"),
    path("materials/<int:pk>/edit/", views.MaterialUpdateView.as_view(), name="material-edit"),
    path("materials/<int:pk>/print-runs/", views.PrintRunAddView.as_view(), name="print-run-add"),
    path("materials/<int:pk>/distributions/", views.DistributionAddView.as_view(), name="distribution-add"),
    path("bases/", views.BaseListView.as_view(), name="base-list"),
    path("bases/export/", views.BaseExportView.as_view(), name="base-export"),
    path("bases/new/", views.BaseCreateView.as_view(), name="base-create"),
    path("bases/<int:pk>/", views.BaseDetailView.as_view(), name="base-detail"),
    path("bases/<int:pk>/edit/", views.BaseUpdateView.as_view(), name="base-edit"),
    path("bases/<int:pk>/visits/", views.VisitAddView.as_view(), name="visit-add"),
]
