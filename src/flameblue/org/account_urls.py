from django.contrib.auth import views as auth_views
from django.urls import path

from flameblue.org import twofactor_views, views_auth

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("profile/", views_auth.ProfileView.as_view(), name="account-profile"),
    path("password/", views_auth.PasswordChangeView.as_view(), name="account-password"),
    path("2fa/setup/", twofactor_views.twofactor_setup, name="twofactor-setup"),
    path("2fa/verify/", twofactor_views.twofactor_verify, name="twofactor-verify"),
    path("2fa/disable/", twofactor_views.twofactor_disable, name="twofactor-disable"),
]
