"""Major-hazard determination records (重大火灾隐患判定) and listed supervision (挂牌督办). Included by
``hazards/urls.py`` without a namespace, so the names are ``hazards:determination-…`` and
``hazards:supervision-…``; the public list is in ``portal_urls.py``."""

from django.urls import path

from flameblue.hazards.supervision import views as sv

urlpatterns = [
    path("<int:hazard_pk>/determine/", sv.DeterminationCreateView.as_view(), name="determination-create"),
    path("determinations/suggest/", sv.DeterminationSuggestView.as_view(), name="determination-suggest"),
    path("determinations/<int:pk>/", sv.DeterminationDetailView.as_view(), name="determination-detail"),
    path(
        "determinations/<int:pk>/discussion/",
        sv.determination_step_view("discussion"),
        name="determination-discussion",
    ),
    path("determinations/<int:pk>/panel/", sv.determination_step_view("panel"), name="determination-panel"),
    path(
        "determinations/<int:pk>/conclude/",
        sv.determination_step_view("conclude"),
        name="determination-conclude",
    ),
    path("supervision/", sv.SupervisionListView.as_view(), name="supervision-list"),
    path("supervision/government/", sv.GovernmentSupervisionView.as_view(), name="government-supervision"),
    path("<int:hazard_pk>/file-case/", sv.SupervisionFileView.as_view(), name="supervision-file"),
    path("supervision/<int:pk>/", sv.SupervisionDetailView.as_view(), name="supervision-detail"),
    path("supervision/<int:pk>/request/", sv.case_step_view("request"), name="supervision-request"),
    path("supervision/<int:pk>/decide/", sv.case_step_view("decide"), name="supervision-decide"),
    path("supervision/<int:pk>/report/", sv.case_step_view("report"), name="supervision-report"),
    path("supervision/<int:pk>/delist/", sv.case_step_view("delist"), name="supervision-delist"),
    path("supervision/<int:pk>/public/", sv.case_step_view("public"), name="supervision-public"),
    path("supervision/<int:pk>/docx/", sv.SupervisionDocxView.as_view(), name="supervision-docx"),
]
