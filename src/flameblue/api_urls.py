"""The /api/v1/ router: each app registers its viewsets in its ``api.py`` ``register(router)``."""

from django.urls import path
from rest_framework.routers import DefaultRouter

from flameblue.campaigns import api as campaigns_api
from flameblue.community import api as community_api
from flameblue.core import api_views as core_api
from flameblue.corps import api as corps_api
from flameblue.enforcement import api as enforcement_api
from flameblue.events import api as events_api
from flameblue.geo import api as geo_api
from flameblue.governance import api as governance_api
from flameblue.hazards import api as hazards_api
from flameblue.inspections import api as inspections_api
from flameblue.integrity import api as integrity_api
from flameblue.org import api as org_api
from flameblue.outreach import api as outreach_api
from flameblue.reports import api as reports_api
from flameblue.units import api as units_api

router = DefaultRouter()
for module in (
    geo_api,
    org_api,
    core_api,
    units_api,
    inspections_api,
    hazards_api,
    governance_api,
    corps_api,
    integrity_api,
    community_api,
    campaigns_api,
    outreach_api,
    enforcement_api,
    reports_api,
    events_api,
):
    module.register(router)

urlpatterns = [
    path("auth/token/", org_api.ObtainTokenView.as_view(), name="auth-token"),
    path("auth/logout/", org_api.RevokeTokenView.as_view(), name="auth-logout"),
    *router.urls,
]
