from django.urls import path

from flameblue.community import views
from flameblue.community.agenda import views as agenda
from flameblue.community.education import views as education
from flameblue.community.visits import views as visits

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
    # edits, files, exports, accounts
    path("partners/export/", views.PartnerExportView.as_view(), name="partner-export"),
    path("partners/<int:pk>/edit/", views.PartnerEditView.as_view(), name="partner-edit"),
    path("partners/<int:pk>/agreement/", views.PartnerAgreementView.as_view(), name="partner-agreement"),
    path("partners/<int:pk>/account/", views.PartnerAccountView.as_view(), name="partner-account"),
    path("plans/<int:pk>/edit/", views.PlanEditView.as_view(), name="plan-edit"),
    path("activities/<int:pk>/edit/", views.ActivityEditView.as_view(), name="activity-edit"),
    path("activities/<int:pk>/photos/", views.ActivityPhotoView.as_view(), name="activity-photo"),
    path("volunteer-teams/<int:pk>/edit/", views.TeamEditView.as_view(), name="team-edit"),
    path("volunteer-teams/hours/export/", views.HoursExportView.as_view(), name="hours-export"),
    # the leading group and the party committee's agenda
    path("leading-group/", views.LeadingGroupView.as_view(), name="leading-group"),
    path("meetings/", agenda.MeetingListView.as_view(), name="meeting-list"),
    path("meetings/new/", agenda.MeetingCreateView.as_view(), name="meeting-create"),
    path("meetings/<int:pk>/", agenda.MeetingDetailView.as_view(), name="meeting-detail"),
    path("meetings/<int:pk>/items/", agenda.AgendaItemAddView.as_view(), name="agenda-item-add"),
    path("meetings/compliance/", agenda.AgendaComplianceView.as_view(), name="agenda-compliance"),
    # holiday visits and opinions
    path("visits/", visits.VisitListView.as_view(), name="visit-list"),
    path("visits/new/", visits.VisitCreateView.as_view(), name="visit-create"),
    path("visits/<int:pk>/", visits.VisitDetailView.as_view(), name="visit-detail"),
    path("visits/<int:pk>/opinions/", visits.OpinionAddView.as_view(), name="opinion-add"),
    path("opinions/", visits.OpinionListView.as_view(), name="opinion-list"),
    path("opinions/<int:pk>/", visits.OpinionDetailView.as_view(), name="opinion-detail"),
    path("opinions/<int:pk>/answer/", visits.OpinionMoveView.as_view(move="answer"), name="opinion-answer"),
    path("opinions/<int:pk>/close/", visits.OpinionMoveView.as_view(move="close"), name="opinion-close"),
    path("opinions/<int:pk>/return/", visits.OpinionMoveView.as_view(move="return"), name="opinion-return"),
    # political education
    path("education/", education.ProgrammeListView.as_view(), name="programme-list"),
    path("education/new/", education.ProgrammeCreateView.as_view(), name="programme-create"),
    path("education/<int:pk>/", education.ProgrammeDetailView.as_view(), name="programme-detail"),
    path("education/<int:pk>/sessions/", education.SessionAddView.as_view(), name="session-add"),
    path("education/coverage/", education.CoverageView.as_view(), name="education-coverage"),
]
