from django.urls import include, path

from flameblue.corps import views

app_name = "corps"

urlpatterns = [
    path("roster/", views.RosterListView.as_view(), name="roster-list"),
    path("roster/new/", views.RosterCreateView.as_view(), name="roster-create"),
    path("roster/<int:pk>/", views.RosterDetailView.as_view(), name="roster-detail"),
    path("assessment-items/", views.ItemListView.as_view(), name="item-list"),
    path("assessments/", views.PlanListView.as_view(), name="plan-list"),
    path("assessments/new/", views.PlanCreateView.as_view(), name="plan-create"),
    path("assessments/trends/", views.TrendView.as_view(), name="plan-trends"),
    path("assessments/<int:pk>/", views.PlanDetailView.as_view(), name="plan-detail"),
    path("assessments/<int:pk>/results/", views.ResultEntryView.as_view(), name="result-entry"),
    path("assessments/<int:pk>/publish/", views.PlanPublishView.as_view(), name="plan-publish"),
    path("assessment-results/<int:pk>/correct/", views.ResultCorrectView.as_view(), name="result-correct"),
    path("public/assessments/", views.PublicPlanListView.as_view(), name="public-plan-list"),
    path("public/assessments/<int:pk>/", views.PublicPlanDetailView.as_view(), name="public-plan-detail"),
    path("", include("flameblue.corps.staffing.urls")),  # part A: roster history, rotations
    path("", include("flameblue.corps.objections.urls")),  # part A: 公示 objections
    path("", include("flameblue.corps.readiness.urls")),
    path("", include("flameblue.corps.incidents.urls")),
    path("", include("flameblue.corps.honours.urls")),
]
