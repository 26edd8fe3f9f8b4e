from django.urls import include, path

from flameblue.hazards import procedure_views, views

app_name = "hazards"

urlpatterns = [
    path("", views.HazardListView.as_view(), name="hazard-list"),
    path("export/", views.HazardExportView.as_view(), name="hazard-export"),
    path("map/", views.HazardMapView.as_view(), name="hazard-map"),
    path("map/points/", views.HazardMapPointsView.as_view(), name="hazard-map-points"),
    path("new/", views.HazardCreateView.as_view(), name="hazard-create"),
    path("mine/", views.MyUnitHazardsView.as_view(), name="my-unit-hazards"),
    path("<int:pk>/", views.HazardDetailView.as_view(), name="hazard-detail"),
    path("<int:pk>/major-opinion/", procedure_views.OpinionView.as_view(), name="procedure-opinion"),
    path(
        "<int:pk>/major-notice/",
        procedure_views.MajorNoticeIssueView.as_view(),
        name="procedure-major-notice",
    ),
    path(
        "<int:pk>/major-notice/docx/",
        procedure_views.MajorNoticeDocxView.as_view(),
        name="procedure-major-notice-docx",
    ),
    path("<int:pk>/hand-over/", views.move_view("hand_over"), name="hazard-hand-over"),
    path("<int:pk>/verify/", views.move_view("verify"), name="hazard-verify"),
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

# Sub-domains keep their own URLconfs, included without a namespace so their names stay ``hazards:…``.
urlpatterns += [
    path("", include("flameblue.hazards.tips.urls")),  # public tips (举报投诉), staff side
    path("", include("flameblue.hazards.supervision.urls")),  # determination (重大火灾隐患判定) and 挂牌督办
]
