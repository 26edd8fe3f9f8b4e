from django.urls import path

from flameblue.workdays import views

app_name = "workdays"
urlpatterns = [
    path("calendar/", views.CalendarView.as_view(), name="calendar"),
    path("calendar/year/", views.YearCreateView.as_view(), name="year-create"),
]
