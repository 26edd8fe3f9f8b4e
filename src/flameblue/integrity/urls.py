from django.urls import include, path

from flameblue.integrity import views

app_name = "integrity"

urlpatterns = [
    path("liaison-points/", views.PointListView.as_view(), name="point-list"),
    path("liaison-points/new/", views.PointCreateView.as_view(), name="point-create"),
    path("liaison-points/due/", views.LiaisonDueView.as_view(), name="liaison-due"),
    path("liaison-points/<int:pk>/", views.PointDetailView.as_view(), name="point-detail"),
    path("liaison-points/<int:pk>/visits/", views.VisitLogView.as_view(), name="visit-log"),
    path("declarations/", views.DeclarationListView.as_view(), name="declaration-list"),
    path("declarations/export/", views.DeclarationExportView.as_view(), name="declaration-export"),
    path("declarations/new/", views.DeclarationCreateView.as_view(), name="declaration-create"),
    path("declarations/<int:pk>/", views.DeclarationDetailView.as_view(), name="declaration-detail"),
    path("drinking-reports/", views.DrinkingListView.as_view(), name="drinking-list"),
    path("drinking-reports/new/", views.DrinkingCreateView.as_view(), name="drinking-create"),
    path("drinking-reports/<int:pk>/", views.DrinkingDetailView.as_view(), name="drinking-detail"),
    path("drinking-reports/<int:pk>/decide/", views.DrinkingDecideView.as_view(), name="drinking-decide"),
    path("", include("flameblue.integrity.discipline.urls")),  # 廉政监督 (clues, declarations …)
    path("", include("flameblue.integrity.supervision.urls")),  # supervision of the corps
]
