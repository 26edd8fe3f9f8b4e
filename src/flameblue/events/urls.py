from django.urls import path

from flameblue.events import views

app_name = "events"

urlpatterns = [
    path("", views.EventListView.as_view(), name="event-list"),
    path("export/", views.EventExportView.as_view(), name="event-export"),
    path("new/", views.EventCreateView.as_view(), name="event-create"),
    path("<int:pk>/", views.EventDetailView.as_view(), name="event-detail"),
    path("<int:pk>/edit/", views.EventEditView.as_view(), name="event-edit"),
    path("<int:pk>/readiness/", views.ReadinessView.as_view(), name="event-readiness"),
    path("<int:pk>/start/", views.EventStartView.as_view(), name="event-start"),
    path("<int:pk>/end/", views.EventEndView.as_view(), name="event-end"),
    path("<int:pk>/venues/", views.VenueAddView.as_view(), name="venue-add"),
    path("<int:pk>/reports/", views.DailyReportAddView.as_view(), name="report-add"),
    path("<int:pk>/incidents/", views.IncidentAddView.as_view(), name="incident-add"),
    path("venues/<int:pk>/", views.VenueDetailView.as_view(), name="venue-detail"),
    path("venues/<int:pk>/inspect/", views.VenueInspectView.as_view(), name="venue-inspect"),
    path("venues/<int:pk>/site-check/", views.VenueSiteCheckView.as_view(), name="venue-site-check"),
    path("venues/<int:pk>/accept/", views.HazardAcceptView.as_view(), name="hazard-accept"),
    path("venues/<int:pk>/posts/", views.PostAddView.as_view(), name="post-add"),
    path("venues/<int:pk>/shifts/", views.ShiftAddView.as_view(), name="shift-add"),
]
