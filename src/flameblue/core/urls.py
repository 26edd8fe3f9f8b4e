from django.urls import path

from flameblue.core import dashboard

app_name = "core"
urlpatterns = [
    path("", dashboard.DashboardView.as_view(), name="dashboard"),
]
