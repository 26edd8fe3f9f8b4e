"""Public tip pages under /portal/tips/ (no login)."""

from django.urls import path

from flameblue.hazards.tips import portal_views

app_name = "portal_tips"

urlpatterns = [
    path("", portal_views.TipCreateView.as_view(), name="create"),
    path("done/", portal_views.TipDoneView.as_view(), name="done"),
    path("track/", portal_views.TipTrackView.as_view(), name="track"),
]
