from django.urls import path

from flameblue.campaigns import views

app_name = "campaigns"

urlpatterns = [
    path("", views.CampaignListView.as_view(), name="campaign-list"),
    path("export/", views.CampaignExportView.as_view(), name="campaign-export"),
    path("new/", views.CampaignCreateView.as_view(), name="campaign-create"),
    path("<int:pk>/", views.CampaignDetailView.as_view(), name="campaign-detail"),
    path("<int:pk>/edit/", views.CampaignEditView.as_view(), name="campaign-edit"),
    path("<int:pk>/launch/", views.CampaignLaunchView.as_view(), name="campaign-launch"),
    path("<int:pk>/close/", views.CampaignCloseView.as_view(), name="campaign-close"),
    path("<int:pk>/assignments/", views.AssignmentAddView.as_view(), name="assignment-add"),
    path("<int:pk>/targets/", views.TargetAddView.as_view(), name="target-add"),
    path("<int:pk>/weekly-report/", views.WeeklyReportView.as_view(), name="campaign-weekly-report"),
    path(
        "<int:pk>/weekly-report.docx",
        views.WeeklyReportDocxView.as_view(),
        name="campaign-weekly-report-docx",
    ),
    path(
        "<int:pk>/targets/<int:target_pk>/inspect/", views.TargetInspectView.as_view(), name="target-inspect"
    ),
    path("<int:pk>/targets/<int:target_pk>/record/", views.TargetRecordView.as_view(), name="target-record"),
]
