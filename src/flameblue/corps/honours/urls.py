from django.urls import path

from flameblue.corps.honours import views

urlpatterns = [
    path("honours/", views.HonourListView.as_view(), name="honour-list"),
    path("honours/roll/", views.HonourRollView.as_view(), name="honour-roll"),
    path("honours/new/", views.HonourCreateView.as_view(), name="honour-create"),
    path("honours/<int:pk>/", views.HonourDetailView.as_view(), name="honour-detail"),
    path("honours/<int:pk>/edit/", views.HonourEditView.as_view(), name="honour-edit"),
]
