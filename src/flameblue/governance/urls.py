from django.urls import path

from flameblue.governance import views
from flameblue.governance.assessment import views as assessment_views

app_name = "governance"

urlpatterns = [
    path("committees/", views.CommitteeListView.as_view(), name="committee-list"),
    path("committees/<int:pk>/", views.CommitteeDetailView.as_view(), name="committee-detail"),
    path("committees/<int:pk>/roster/", views.RosterAdjustView.as_view(), name="roster-adjust"),
    path("meetings/", views.MeetingListView.as_view(), name="meeting-list"),
    path("situation-analyses/", views.AnalysisDueListView.as_view(), name="analysis-list"),
    path("records/", views.RecordListView.as_view(), name="record-list"),
    path("records/new/", views.RecordCreateView.as_view(), name="record-create"),
    path("records/<int:pk>/", views.RecordDetailView.as_view(), name="record-detail"),
    path("records/<int:pk>/decisions/", views.RecordDecisionAddView.as_view(), name="record-decision-add"),
    path("meetings/export/", views.MeetingExportView.as_view(), name="meeting-export"),
    path("meetings/new/", views.MeetingCreateView.as_view(), name="meeting-create"),
    path("meetings/<int:pk>/", views.MeetingDetailView.as_view(), name="meeting-detail"),
    path("meetings/<int:pk>/decisions/", views.DecisionAddView.as_view(), name="decision-add"),
    path("action-items/", views.ActionItemListView.as_view(), name="actionitem-list"),
    path("action-items/export/", views.ActionItemExportView.as_view(), name="actionitem-export"),
    path("action-items/<int:pk>/", views.ActionItemDetailView.as_view(), name="actionitem-detail"),
    path("action-items/<int:pk>/answer/", views.action_item_move_view("answer"), name="actionitem-answer"),
    path("action-items/<int:pk>/close/", views.action_item_move_view("close"), name="actionitem-close"),
    path("action-items/<int:pk>/return/", views.action_item_move_view("return"), name="actionitem-return"),
    path("letters/", views.LetterListView.as_view(), name="letter-list"),
    path("letters/export/", views.LetterExportView.as_view(), name="letter-export"),
    path("letters/new/", views.LetterCreateView.as_view(), name="letter-create"),
    path("letters/batch/", views.LetterBatchView.as_view(), name="letter-batch"),
    path("letters/<int:pk>/", views.LetterDetailView.as_view(), name="letter-detail"),
    path("letters/<int:pk>/sign/", views.LetterSignView.as_view(), name="letter-sign"),
    path("letters/<int:pk>/docx/", views.LetterDocxView.as_view(), name="letter-docx"),
    path("assessment-schemes/", views.SchemeListView.as_view(), name="scheme-list"),
    path("assessment-schemes/<int:pk>/", views.SchemeDetailView.as_view(), name="scheme-detail"),
    path("assessments/", assessment_views.AssessmentListView.as_view(), name="assessment-list"),
    path("assessments/new/", assessment_views.AssessmentCreateView.as_view(), name="assessment-create"),
    path("assessments/<int:pk>/", assessment_views.AssessmentDetailView.as_view(), name="assessment-detail"),
    path(
        "assessments/<int:pk>/review/",
        assessment_views.assessment_move_view("review"),
        name="assessment-review",
    ),
    path(
        "assessments/<int:pk>/publish/",
        assessment_views.assessment_move_view("publish"),
        name="assessment-publish",
    ),
    path(
        "assessments/<int:pk>/export/",
        assessment_views.AssessmentExportView.as_view(),
        name="assessment-export",
    ),
    path("assessments/<int:pk>/docx/", assessment_views.AssessmentDocxView.as_view(), name="assessment-docx"),
    path("assessment-entries/<int:pk>/", assessment_views.EntryDetailView.as_view(), name="entry-detail"),
    path(
        "assessment-entries/<int:pk>/submit/", assessment_views.entry_move_view("submit"), name="entry-submit"
    ),
    path(
        "assessment-entries/<int:pk>/complete/",
        assessment_views.entry_move_view("complete"),
        name="entry-complete",
    ),
    path(
        "assessment-entries/<int:pk>/return/", assessment_views.EntryReturnView.as_view(), name="entry-return"
    ),
    path("assessment-items/<int:pk>/", assessment_views.ItemScoreView.as_view(), name="itemscore-detail"),
]
