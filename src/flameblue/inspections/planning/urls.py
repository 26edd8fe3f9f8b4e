"""Planning pages (监督检查计划、双随机抽查、利益冲突申报、单位自查落实情况). Included by
``inspections/urls.py`` without a namespace, so the names are ``inspections:plan-…``, ``inspections:draw-…``
and so on; the public draw results are in ``portal_urls.py``."""

from django.urls import path

from flameblue.inspections.planning import views

urlpatterns = [
    path("due/", views.DueListView.as_view(), name="due-list"),
    path("plans/", views.PlanListView.as_view(), name="plan-list"),
    path("plans/new/", views.PlanCreateView.as_view(), name="plan-create"),
    path("plans/<int:pk>/", views.PlanDetailView.as_view(), name="plan-detail"),
    path("draws/", views.DrawListView.as_view(), name="draw-list"),
    path("draws/new/", views.DrawCreateView.as_view(), name="draw-create"),
    path("draws/<int:pk>/", views.DrawDetailView.as_view(), name="draw-detail"),
    path("draws/<int:pk>/execute/", views.DrawExecuteView.as_view(), name="draw-execute"),
    path("draws/<int:pk>/verify/", views.DrawVerifyView.as_view(), name="draw-verify"),
    path("draws/<int:pk>/publish/", views.DrawPublishView.as_view(), name="draw-publish"),
    path("conflicts/", views.ConflictListView.as_view(), name="conflict-list"),
    path("conflicts/new/", views.ConflictCreateView.as_view(), name="conflict-create"),
    path("compliance/", views.ComplianceView.as_view(), name="compliance"),
    path("compliance/units/", views.ComplianceUnitsView.as_view(), name="compliance-units"),
    path("compliance/units/<int:pk>/", views.ComplianceUnitView.as_view(), name="compliance-unit"),
]
