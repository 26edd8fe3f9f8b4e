from django.urls import path

from flameblue.corps.incidents import views
from flameblue.corps.incidents.models import ReviewAction
from flameblue.corps.rectification.views import action_urls

urlpatterns = [
    path("incidents/", views.IncidentListView.as_view(), name="incident-list"),
    path("incidents/new/", views.IncidentCreateView.as_view(), name="incident-create"),
    path("incidents/stats/", views.IncidentStatsView.as_view(), name="incident-stats"),
    path("incidents/export/", views.IncidentExportView.as_view(), name="incident-export"),
    path("incidents/<int:pk>/", views.IncidentDetailView.as_view(), name="incident-detail"),
    path("incidents/<int:pk>/edit/", views.IncidentEditView.as_view(), name="incident-edit"),
    path("incidents/<int:pk>/review/", views.ReviewCreateView.as_view(), name="review-create"),
    path("case-reviews/", views.ReviewListView.as_view(), name="review-list"),
    path("case-reviews/<int:pk>/", views.ReviewDetailView.as_view(), name="review-detail"),
    path("case-reviews/<int:pk>/actions/", views.ReviewActionAddView.as_view(), name="review-action-add"),
    path("case-review-actions/", views.ReviewActionListView.as_view(), name="review-action-list"),
    *action_urls("case-review-actions", "review-action", ReviewAction, "review"),
]
