"""URLs of the roster's history and the rotations (included by one line in ``corps/urls.py``)."""

from django.urls import path

from flameblue.corps.staffing import views

urlpatterns = [
    path("roster/<int:pk>/edit/", views.RosterEditView.as_view(), name="roster-edit"),
    path("roster/<int:pk>/status/", views.RosterStatusView.as_view(), name="roster-status"),
    path("roster/<int:pk>/transfer/", views.RosterTransferView.as_view(), name="roster-transfer"),
    path("roster/<int:pk>/reveal/", views.RosterRevealView.as_view(), name="roster-reveal"),
    path("rotations/", views.RotationListView.as_view(), name="rotation-list"),
    path("rotations/new/", views.RotationNominateView.as_view(), name="rotation-create"),
    path("rotations/<int:pk>/", views.RotationDetailView.as_view(), name="rotation-detail"),
    path("rotations/<int:pk>/approve/", views.RotationApproveView.as_view(), name="rotation-approve"),
    path("rotations/<int:pk>/refuse/", views.RotationRefuseView.as_view(), name="rotation-refuse"),
    path("rotations/<int:pk>/evaluate/", views.RotationEvaluateView.as_view(), name="rotation-evaluate"),
]
