from django.urls import path

from flameblue.inspections import inspection_views, planning_views, views

app_name = "inspections"
urlpatterns = [
    path("checklists/", views.ChecklistListView.as_view(), name="checklist-list"),
    path("checklists/<int:pk>/", views.ChecklistDetailView.as_view(), name="checklist-detail"),
    path("checklists/<int:pk>/publish/", views.ChecklistPublishView.as_view(), name="checklist-publish"),
]

# Inspections (检查记录): list, start, the mobile form of a draft with its autosave endpoints, submit, record.
urlpatterns += [
    path("", inspection_views.InspectionListView.as_view(), name="inspection-list"),
    path("new/", inspection_views.InspectionStartView.as_view(), name="inspection-new"),
    path("<int:pk>/", inspection_views.InspectionDetailView.as_view(), name="inspection-detail"),
    path("<int:pk>/record.docx", inspection_views.InspectionDocxView.as_view(), name="inspection-docx"),
    path("<int:pk>/form/", inspection_views.InspectionFormView.as_view(), name="inspection-form"),
    path("<int:pk>/answer/", inspection_views.InspectionAnswerView.as_view(), name="inspection-answer"),
    path("<int:pk>/photo/", inspection_views.InspectionPhotoView.as_view(), name="inspection-photo"),
    path("<int:pk>/submit/", inspection_views.InspectionSubmitView.as_view(), name="inspection-submit"),
]

# Planning (监督检查计划、双随机抽查、利益冲突申报、单位自查落实情况): see planning_views.py.
urlpatterns += [
    path("due/", planning_views.DueListView.as_view(), name="due-list"),
    path("plans/", planning_views.PlanListView.as_view(), name="plan-list"),
    path("plans/new/", planning_views.PlanCreateView.as_view(), name="plan-create"),
    path("plans/<int:pk>/", planning_views.PlanDetailView.as_view(), name="plan-detail"),
    path("draws/", planning_views.DrawListView.as_view(), name="draw-list"),
    path("draws/new/", planning_views.DrawCreateView.as_view(), name="draw-create"),
    path("draws/<int:pk>/", planning_views.DrawDetailView.as_view(), name="draw-detail"),
    path("draws/<int:pk>/execute/", planning_views.DrawExecuteView.as_view(), name="draw-execute"),
    path("draws/<int:pk>/verify/", planning_views.DrawVerifyView.as_view(), name="draw-verify"),
    path("draws/<int:pk>/publish/", planning_views.DrawPublishView.as_view(), name="draw-publish"),
    path("conflicts/", planning_views.ConflictListView.as_view(), name="conflict-list"),
    path("conflicts/new/", planning_views.ConflictCreateView.as_view(), name="conflict-create"),
    path("compliance/", planning_views.ComplianceView.as_view(), name="compliance"),
    path("compliance/units/", planning_views.ComplianceUnitsView.as_view(), name="compliance-units"),
    path("compliance/units/<int:pk>/", planning_views.ComplianceUnitView.as_view(), name="compliance-unit"),
]
