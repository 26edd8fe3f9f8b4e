"""Pages of the discipline records, included in the integrity app's URLs (namespace ``integrity``)."""

from django.urls import path

from flameblue.integrity.discipline import views

urlpatterns = [
    path("clues/", views.ClueListView.as_view(), name="clue-list"),
    path("clues/new/", views.ClueCreateView.as_view(), name="clue-create"),
    path("clues/export/", views.ClueExportView.as_view(), name="clue-export"),
    path("clues/<int:pk>/", views.ClueDetailView.as_view(), name="clue-detail"),
    path("clues/<int:pk>/dispose/", views.ClueDisposeView.as_view(), name="clue-dispose"),
    path("procuratorate/", views.ExchangeListView.as_view(), name="exchange-list"),
    path("procuratorate/new/", views.ExchangeCreateView.as_view(), name="exchange-create"),
    path("phones/", views.PhoneListView.as_view(), name="phone-list"),
    path("phones/new/", views.PhoneCreateView.as_view(), name="phone-create"),
    path("credit-checks/", views.CreditListView.as_view(), name="credit-list"),
    path("credit-checks/new/", views.CreditCreateView.as_view(), name="credit-create"),
    path("pledges/", views.PledgeListView.as_view(), name="pledge-list"),
    path("pledges/new/", views.PledgeCreateView.as_view(), name="pledge-create"),
    path("declarations/compliance/", views.ComplianceView.as_view(), name="declaration-compliance"),
    path("warning-sessions/", views.SessionListView.as_view(), name="session-list"),
    path("warning-sessions/new/", views.SessionCreateView.as_view(), name="session-create"),
    path("warning-sessions/<int:pk>/", views.SessionDetailView.as_view(), name="session-detail"),
    path("integrity-reports/", views.ReportListView.as_view(), name="report-list"),
    path("integrity-reports/new/", views.ReportCreateView.as_view(), name="report-create"),
    path("service-measures/", views.MeasureListView.as_view(), name="measure-list"),
    path("service-measures/<int:pk>/", views.MeasureUpdateView.as_view(), name="measure-update"),
]
