from django.urls import path

from flameblue.geo import views

app_name = "geo"
urlpatterns = [
    path("", views.RegionListView.as_view(), name="region-list"),
    path("<str:pk>/", views.RegionDetailView.as_view(), name="region-detail"),
]
