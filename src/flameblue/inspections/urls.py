from django.urls import path

from flameblue.inspections import views

app_name = "inspections"
urlpatterns = [
    path("checklists/", views.ChecklistListView.as_view(), name="checklist-list"),
    path("checklists/<int:pk>/", views.ChecklistDetailView.as_view(), name="checklist-detail"),
    path("checklists/<int:pk>/publish/", views.ChecklistPublishView.as_view(), name="checklist-publish"),
]
