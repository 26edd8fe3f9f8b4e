"""API for regions (read only, limited to the user's jurisdiction)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema

from flameblue.core.api import ScopedReadOnlyViewSet
from flameblue.geo.filters import RegionFilterSet
from flameblue.geo.models import Region
from flameblue.geo.serializers import RegionSerializer

__all__ = ["RegionViewSet", "register"]


@extend_schema(tags=["regions"])
class RegionViewSet(ScopedReadOnlyViewSet):
    """行政区划（GB/T 2260），仅限本人管辖范围；code__startswith 可取一个区划及其全部下级。"""

    queryset = Region.objects.all()
    serializer_class = RegionSerializer
    filterset_class = RegionFilterSet


def register(router) -> None:
    router.register("regions", RegionViewSet, basename="region")
