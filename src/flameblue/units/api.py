"""API for units (list, filter, retrieve, create, update through services) and the place-type and
risk-tag reference lists. Rows come only from the user's scope: outside it is 404, no permission 403."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema

from flameblue.core.api import ScopedReadOnlyViewSet, ServiceWriteViewSet
from flameblue.units import services
from flameblue.units.filters import UnitFilter
from flameblue.units.models import PlaceType, RiskTag, Unit
from flameblue.units.serializers import PlaceTypeSerializer, RiskTagSerializer, UnitSerializer

__all__ = ["PlaceTypeViewSet", "RiskTagViewSet", "UnitViewSet", "register"]


@extend_schema(tags=["units"])
class UnitViewSet(ServiceWriteViewSet):
    queryset = Unit.objects.select_related("region").prefetch_related("risk_tags", "supervising_departments")
    serializer_class = UnitSerializer
    filterset_class = UnitFilter

    def create_object(self, data: dict[str, Any]) -> Unit:
        return services.unit_create(by=self.request.user, data=data)

    def update_object(self, obj: Unit, data: dict[str, Any], version: int | None) -> Unit:
        return services.unit_update(obj, by=self.request.user, data=data, expected_version=version)


@extend_schema(tags=["units"])
class PlaceTypeViewSet(ScopedReadOnlyViewSet):
    queryset = PlaceType.objects.all()
    serializer_class = PlaceTypeSerializer
    pagination_class = None


@extend_schema(tags=["units"])
class RiskTagViewSet(ScopedReadOnlyViewSet):
    queryset = RiskTag.objects.all()
    serializer_class = RiskTagSerializer
    pagination_class = None


def register(router) -> None:
    router.register("units", UnitViewSet, basename="unit")
    router.register("place-types", PlaceTypeViewSet, basename="place-type")
    router.register("risk-tags", RiskTagViewSet, basename="risk-tag")
