"""Public portal pages of the inspections app, mounted under ``/portal/draws/`` (no login)."""

from django.urls import path

from flameblue.inspections.planning import portal_views

app_name = "portal-draws"
urlpatterns = [
    path("", portal_views.PortalDrawListView.as_view(), name="draw-list"),
    path("<int:pk>/", portal_views.PortalDrawDetailView.as_view(), name="draw-detail"),
]
