"""Public list of listed major fire hazards, mounted under ``/portal/supervision/`` (no login)."""

from django.urls import path

from flameblue.hazards.supervision import portal_views as portal_supervision_views

app_name = "portal-supervision"
urlpatterns = [
    path("", portal_supervision_views.PortalSupervisionListView.as_view(), name="supervision-list"),
]
