from django.urls import path

from flameblue.community import views

app_name = "community"

urlpatterns = [
    path("partners/", views.PartnerListView.as_view(), name="partner-list"),
    path("partners/new/", views.PartnerCreateView.as_view(), name="partner-create"),
    path("partners/<int:pk>/", views.PartnerDetailView.as_view(), name="partner-detail"),
    path("partners/<int:pk>/plans/new/", views.PlanCreateView.as_view(), name="plan-create"),
    path("plans/discipline/", views.PlanDisciplineView.as_view(), name="plan-discipline"),
    path("plans/<int:pk>/", views.PlanDetailView.as_view(), name="plan-detail"),
    path("plans/<int:pk>/quarters/", views.PlanPartAddView.as_view(part="quarter"), name="plan-quarter-add"),
    path("plans/<int:pk>/months/", views.PlanPartAddView.as_view(part="month"), name="plan-month-add"),
    path("activities/", views.ActivityListView.as_view(), name="activity-list"),
    path("activities/export/", views.ActivityExportView.as_view(), name="activity-export"),
    path("activities/new/", views.ActivityCreateView.as_view(), name="activity-create"),
    path("activities/<int:pk>/", views.ActivityDetailView.as_view(), name="activity-detail"),
    path("volunteer-teams/", views.TeamListView.as_view(), name="team-list"),
    path("volunteer-teams/new/", views.TeamCreateView.as_view(), name="team-create"),
    path("volunteer-teams/<int:pk>/", views.TeamDetailView.as_view(), name="team-detail"),
    path(
        "volunteer-teams/<int:pk>/members/",
        views.TeamPartAddView.as_view(part="member"),
        name="team-member-add",
    ),
    path(
        "volunteer-teams/<int:pk>/services/",
        views.TeamPartAddView.as_view(part="record"),
        name="team-record-add",
    ),
    path(
        "volunteers/<int:pk>/certificate/", views.MemberCertificateView.as_view(), name="member-certificate"
    ),
]
