from django.urls import path

from flameblue.reports import views

app_name = "reports"

urlpatterns = [
    path("figures/", views.FigureListView.as_view(), name="figure-list"),
    path("figures/<str:code>/", views.FigureRecordsView.as_view(), name="figure-records"),
    path("monthly/", views.MonthlyStatisticsView.as_view(), name="monthly"),
    path("monthly/export/", views.MonthlyExportView.as_view(), name="monthly-export"),
    path("charts/<str:code>/", views.FigureChartView.as_view(), name="figure-chart"),
]
