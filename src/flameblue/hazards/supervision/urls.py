"""Major-hazard determination records (重大火灾隐患判定) and listed supervision (挂牌督办). Included by
``hazards/urls.py`` without a namespace, so the names are ``hazards:determination-…`` and
``hazards:supervision-…``; the public list is in ``portal_urls.py``."""

from django.urls import path

from flameblue.hazards.supervision import views

urlpatterns = [
    path("<int:hazard_pk>/determine/", views.DeterminationCreateView.as_view(), name="determination-create"),
    path("determinations/suggest/", views.DeterminationSuggestView.as_view(), name="determination-suggest"),
    path("determinations/<int:pk>/", views.DeterminationDetailView.as_view(), name="determination-detail"),
    path(
        "determinations/<int:pk>/discussion/",
        views.determination_step_view("discussion"),
        name="determination-discussion",
    ),
    path(
        "determinations/<int:pk>/panel/", views.determination_step_view("panel"), name="determination-panel"
    ),
    path(
        "determinations/<int:pk>/conclude/",
        views.determination_step_view("conclude"),
        name="determination-conclude",
    ),
    path("supervision/", views.SupervisionListView.as_view(), name="supervision-list"),
    path("supervision/government/", views.GovernmentSupervisionView.as_view(), name="government-supervision"),
    path("<int:hazard_pk>/file-case/", views.SupervisionFileView.as_view(), name="supervision-file"),
    path("supervision/<int:pk>/", views.SupervisionDetailView.as_view(), name="supervision-detail"),
    path("supervision/<int:pk>/request/", views.case_step_view("request"), name="supervision-request"),
    path("supervision/<int:pk>/decide/", views.case_step_view("decide"), name="supervision-decide"),
    path("supervision/<int:pk>/report/", views.case_step_view("report"), name="supervision-report"),
    path("supervision/<int:pk>/delist/", views.case_step_view("delist"), name="supervision-delist"),
    path("supervision/<int:pk>/public/", views.case_step_view("public"), name="supervision-public"),
    path("supervision/<int:pk>/docx/", views.SupervisionDocxView.as_view(), name="supervision-docx"),
]
