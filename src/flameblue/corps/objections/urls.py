"""URLs of the 公示 objections (included by one line in ``corps/urls.py``)."""

from django.urls import path

from flameblue.corps.objections import views

urlpatterns = [
    path("objections/", views.ObjectionListView.as_view(), name="objection-list"),
    path("assessment-results/<int:pk>/object/", views.ObjectionFileView.as_view(), name="objection-create"),
    path("objections/<int:pk>/", views.ObjectionDetailView.as_view(), name="objection-detail"),
    path("objections/<int:pk>/uphold/", views.UpholdView.as_view(), name="objection-uphold"),
    path("objections/<int:pk>/reject/", views.RejectView.as_view(), name="objection-reject"),
]
