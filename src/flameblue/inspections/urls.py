from django.urls import include, path

from flameblue.inspections import inspection_views, views

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

# Planning (监督检查计划、双随机抽查、利益冲突申报、单位自查落实情况): see planning/urls.py.
urlpatterns += [path("", include("flameblue.inspections.planning.urls"))]
