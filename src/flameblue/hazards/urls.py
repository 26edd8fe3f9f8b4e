from django.urls import path

from flameblue.hazards import views

app_name = "hazards"

urlpatterns = [
    path("", views.HazardListView.as_view(), name="hazard-list"),
    path("export/", views.HazardExportView.as_view(), name="hazard-export"),
    path("map/", views.HazardMapView.as_view(), name="hazard-map"),
    path("map/points/", views.HazardMapPointsView.as_view(), name="hazard-map-points"),
    path("new/", views.HazardCreateView.as_view(), name="hazard-create"),
    path("mine/", views.MyUnitHazardsView.as_view(), name="my-unit-hazards"),
    path("<int:pk>/", views.HazardDetailView.as_view(), name="hazard-detail"),
    path("<int:pk>/confirm/", views.move_view("confirm"), name="hazard-confirm"),
    path("<int:pk>/start/", views.move_view("start"), name="hazard-start"),
    path(
        "<int:pk>/report-completion/", views.move_view("report_completion"), name="hazard-report-completion"
    ),
    path("<int:pk>/recheck/", views.move_view("recheck"), name="hazard-recheck"),
    path("<int:pk>/withdraw/", views.move_view("withdraw"), name="hazard-withdraw"),
    path("<int:pk>/dismiss/", views.move_view("dismiss"), name="hazard-dismiss"),
    path("<int:pk>/fix-on-spot/", views.move_view("fix_on_spot"), name="hazard-fix-on-spot"),
    path("notices/", views.NoticeListView.as_view(), name="notice-list"),
    path("notices/template/", views.NoticeTemplateView.as_view(), name="notice-template"),
    path("notices/<int:pk>/", views.NoticeDetailView.as_view(), name="notice-detail"),
    path("notices/<int:pk>/docx/", views.NoticeDocxView.as_view(), name="notice-docx"),
]

# Major-hazard determination and listed supervision (supervision_views), public tips: append below.

# Public tips (举报投诉), staff side; the public pages are in portal_urls.py.
from flameblue.hazards import tip_views  # noqa: E402

urlpatterns += [
    path("tips/", tip_views.TipListView.as_view(), name="tip-list"),
    path("tips/<int:pk>/", tip_views.TipDetailView.as_view(), name="tip-detail"),
    path("tips/<int:pk>/start/", tip_views.tip_move_view("start"), name="tip-start"),
    path("tips/<int:pk>/convert/", tip_views.tip_move_view("convert"), name="tip-convert"),
    path("tips/<int:pk>/dismiss/", tip_views.tip_move_view("dismiss"), name="tip-dismiss"),
]

# Major-hazard determination records and listed supervision (挂牌督办).
from flameblue.hazards import supervision_views as sv  # noqa: E402

urlpatterns += [
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
