"""URLs of the supervision pages (included by ``integrity/urls.py`` under the ``integrity`` namespace)."""

from django.urls import path

from flameblue.integrity.supervision import views

urlpatterns = [
    path("must-attend/", views.MustAttendDueView.as_view(), name="must-attend"),
    path("must-attend/new/", views.OccasionCreateView.as_view(), name="occasion-create"),
    path("supervision/", views.ActivityListView.as_view(), name="activity-list"),
    path("supervision/new/", views.ActivityCreateView.as_view(), name="activity-create"),
    path("supervision/<int:pk>/", views.ActivityDetailView.as_view(), name="activity-detail"),
    path("supervision/<int:pk>/findings/", views.FindingAddView.as_view(), name="finding-add"),
    path("supervision/<int:pk>/draw/", views.DrawView.as_view(), name="cross-review-draw"),
    path("findings/", views.FindingListView.as_view(), name="finding-list"),
    path("findings/<int:pk>/", views.FindingDetailView.as_view(), name="finding-detail"),
    path("findings/<int:pk>/rectify/", views.finding_move_view("rectify"), name="finding-rectify"),
    path("findings/<int:pk>/report/", views.finding_move_view("report"), name="finding-report"),
    path("findings/<int:pk>/return/", views.finding_move_view("return"), name="finding-return"),
    path("findings/<int:pk>/close/", views.finding_move_view("close"), name="finding-close"),
    path("cross-reviews/<int:pk>/", views.CrossReviewDetailView.as_view(), name="cross-review-detail"),
    path("cross-review-items/<int:pk>/", views.ItemDetailView.as_view(), name="cross-review-item"),
    path("cross-review-items/<int:pk>/answer/", views.ItemAnswerView.as_view(), name="cross-review-answer"),
    path(
        "cross-review-items/<int:pk>/finding/", views.ItemFindingView.as_view(), name="cross-review-finding"
    ),
]
