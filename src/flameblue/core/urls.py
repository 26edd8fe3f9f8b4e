from django.urls import path

from flameblue.core import audit_views, dashboard, files_views, inbox_views, lookups

app_name = "core"
urlpatterns = [
    path("", dashboard.DashboardView.as_view(), name="dashboard"),
    path("dashboard/stats/", dashboard.DashboardStatsView.as_view(), name="dashboard-stats"),
    path("audit/", audit_views.AuditListView.as_view(), name="audit-list"),
    path("audit/export/", audit_views.AuditExportView.as_view(), name="audit-export"),
    path("audit/<int:pk>/", audit_views.AuditDetailView.as_view(), name="audit-detail"),
    path("inbox/", inbox_views.InboxView.as_view(), name="inbox"),
    path("lookup/<slug:name>/", lookups.lookup_view, name="lookup"),
    path("files/<int:pk>/", files_views.download, name="file-download"),
]
