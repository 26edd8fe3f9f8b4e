from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog, set_language
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView

from flameblue.api_urls import urlpatterns as api_v1

urlpatterns = [
    path("", include("flameblue.core.urls")),
    # Browsers ask for /favicon.ico on pages without a <link rel="icon"> (files, API docs).
    path("favicon.ico", lambda request: HttpResponsePermanentRedirect(static("favicon.ico"))),
    path("account/", include("flameblue.org.account_urls")),
    path("regions/", include("flameblue.geo.urls")),
    path("org/", include("flameblue.org.urls")),
    path("units/", include("flameblue.units.urls")),
    path("inspections/", include("flameblue.inspections.urls")),
    path("portal/draws/", include("flameblue.inspections.planning.portal_urls")),
    path("hazards/", include("flameblue.hazards.urls")),
    path("portal/tips/", include("flameblue.hazards.tips.portal_urls")),
    path("portal/supervision/", include("flameblue.hazards.supervision.portal_urls")),
    path("governance/", include("flameblue.governance.urls")),
    path("campaigns/", include("flameblue.campaigns.urls")),
    path("outreach/", include("flameblue.outreach.urls")),
    path("events/", include("flameblue.events.urls")),
    path("corps/", include("flameblue.corps.urls")),
    path("integrity/", include("flameblue.integrity.urls")),
    path("community/", include("flameblue.community.urls")),
    path("enforcement/", include("flameblue.enforcement.urls")),
    path("reports/", include("flameblue.reports.urls")),
    path("workdays/", include("flameblue.workdays.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("api/v1/", include((api_v1, "api"), namespace="api")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The split Swagger view serves its start-up script as a file (our CSP forbids inline scripts); the Redoc
    # template drops the Google Fonts links so both pages work offline.
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path(
        "api/redoc/",
        SpectacularRedocView.as_view(url_name="api-schema", template_name="api/redoc.html"),
        name="api-redoc",
    ),
]

handler403 = "flameblue.core.error_views.permission_denied"
handler404 = "flameblue.core.error_views.page_not_found"
handler500 = "flameblue.core.error_views.server_error"
