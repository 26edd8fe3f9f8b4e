from django.urls import path

from flameblue.enforcement import views

app_name = "enforcement"

urlpatterns = [
    path("due/", views.DueListView.as_view(), name="due-list"),
    path("sealings/", views.SealingListView.as_view(), name="sealing-list"),
    path("sealings/new/", views.SealingCreateView.as_view(), name="sealing-create"),
    path("sealings/<int:pk>/", views.SealingDetailView.as_view(), name="sealing-detail"),
    path("sealings/<int:pk>/steps/<slug:step>/", views.SealingStepView.as_view(), name="sealing-step"),
    path("sealings/<int:pk>/documents/<slug:code>/", views.SealingWritView.as_view(), name="sealing-writ"),
    path("pre-opening/", views.PreOpeningListView.as_view(), name="preopening-list"),
    path("pre-opening/new/", views.PreOpeningCreateView.as_view(), name="preopening-create"),
    path("pre-opening/<int:pk>/", views.PreOpeningDetailView.as_view(), name="preopening-detail"),
    path(
        "pre-opening/<int:pk>/steps/<slug:step>/", views.PreOpeningStepView.as_view(), name="preopening-step"
    ),
    path(
        "pre-opening/<int:pk>/documents/<slug:code>/",
        views.PreOpeningWritView.as_view(),
        name="preopening-writ",
    ),  # fmt: skip
    path("events/", views.EventListView.as_view(), name="event-list"),
    path("events/new/", views.EventCreateView.as_view(), name="event-create"),
    path("events/<int:pk>/", views.EventDetailView.as_view(), name="event-detail"),
    path("events/<int:pk>/steps/<slug:step>/", views.EventStepView.as_view(), name="event-step"),
    path("events/<int:pk>/documents/<slug:code>/", views.EventWritView.as_view(), name="event-writ"),
]
