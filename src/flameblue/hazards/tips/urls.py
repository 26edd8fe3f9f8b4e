"""Public tips (举报投诉), staff side; the public pages are in ``portal_urls.py``. Included by
``hazards/urls.py`` without a namespace, so the names are ``hazards:tip-…``."""

from django.urls import path

from flameblue.hazards.tips import views

urlpatterns = [
    path("tips/", views.TipListView.as_view(), name="tip-list"),
    path("tips/<int:pk>/", views.TipDetailView.as_view(), name="tip-detail"),
    path("tips/<int:pk>/start/", views.tip_move_view("start"), name="tip-start"),
    path("tips/<int:pk>/convert/", views.tip_move_view("convert"), name="tip-convert"),
    path("tips/<int:pk>/dismiss/", views.tip_move_view("dismiss"), name="tip-dismiss"),
]
