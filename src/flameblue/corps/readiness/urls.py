from django.urls import path

from flameblue.corps.readiness import views
from flameblue.corps.readiness.models import ReadinessFinding
from flameblue.corps.rectification.views import action_urls

urlpatterns = [
    path("readiness/", views.CheckListView.as_view(), name="readiness-list"),
    path("readiness/new/", views.CheckCreateView.as_view(), name="readiness-create"),
    path("readiness/<int:pk>/", views.CheckDetailView.as_view(), name="readiness-detail"),
    path("readiness-findings/", views.FindingListView.as_view(), name="finding-list"),
    *action_urls("readiness-findings", "finding", ReadinessFinding, "check_record"),
]
