from django.urls import path

from flameblue.reports import views
from flameblue.reports.summary import views as summary

app_name = "reports"

urlpatterns = [
    path("figures/", views.FigureListView.as_view(), name="figure-list"),
    path("figures/<str:code>/", views.FigureRecordsView.as_view(), name="figure-records"),
    path("annual/", summary.AnnualReportListView.as_view(), name="annual-list"),
    path("annual/new/", summary.AnnualReportCreateView.as_view(), name="annual-create"),
    path("annual/templates/", summary.ProseTemplateView.as_view(), name="annual-templates"),
    path("annual/<int:pk>/", summary.AnnualReportDetailView.as_view(), name="annual-detail"),
    path("annual/<int:pk>/edit/", summary.AnnualReportEditView.as_view(), name="annual-edit"),
    path("annual/<int:pk>/refresh/", summary.AnnualReportRefreshView.as_view(), name="annual-refresh"),
    path("annual/<int:pk>/export/", summary.AnnualReportExportView.as_view(), name="annual-export"),
    path("monthly/", views.MonthlyStatisticsView.as_view(), name="monthly"),
    path("monthly/export/", views.MonthlyExportView.as_view(), name="monthly-export"),
    path("charts/<str:code>/", views.FigureChartView.as_view(), name="figure-chart"),
]
