"""``/api/v1/supervision-due/``, ``/api/v1/inspection-plans/`` and ``/api/v1/draws/``: read-only, with the same
scoping as the pages. Draws list their assignments (unit and inspector ids); the public portal, not the API,
is where results appear without personal data."""

from __future__ import annotations

from rest_framework import serializers

from flameblue.core.api import ScopedReadOnlyViewSet
from flameblue.inspections.models import (
    Draw,
    DrawAssignment,
    InspectionPlan,
    InspectionPlanItem,
    SupervisionDue,
)

__all__ = ["DrawViewSet", "InspectionPlanViewSet", "SupervisionDueViewSet", "register"]


class SupervisionDueSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True)

    class Meta:
        model = SupervisionDue
        fields = ["id", "unit", "unit_name", "region", "industry", "cycle_days", "basis", "rules_version",
                  "last_inspected_on", "next_due_on", "computed_at"]  # fmt: skip


class PlanItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = InspectionPlanItem
        fields = ["id", "unit", "planned_on", "inspectors"]


class InspectionPlanSerializer(serializers.ModelSerializer):
    items = PlanItemSerializer(many=True, read_only=True)

    class Meta:
        model = InspectionPlan
        fields = ["id", "brigade", "region", "title", "starts_on", "ends_on", "items", "version"]


class DrawAssignmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = DrawAssignment
        fields = ["order", "unit", "inspectors", "result_summary"]


class DrawSerializer(serializers.ModelSerializer):
    assignments = DrawAssignmentSerializer(many=True, read_only=True)

    class Meta:
        model = Draw
        fields = ["id", "brigade", "region", "title", "pool_size", "unit_count", "inspectors_per_unit",
                  "inspector_pool", "seed", "status", "drawn_at", "published_at", "assignments"]  # fmt: skip


class SupervisionDueViewSet(ScopedReadOnlyViewSet):
    queryset = SupervisionDue.objects.select_related("unit").order_by("next_due_on", "id")
    serializer_class = SupervisionDueSerializer
    filterset_fields = ["region", "industry"]


class InspectionPlanViewSet(ScopedReadOnlyViewSet):
    queryset = InspectionPlan.objects.prefetch_related("items__inspectors")
    serializer_class = InspectionPlanSerializer


class DrawViewSet(ScopedReadOnlyViewSet):
    queryset = Draw.objects.prefetch_related("assignments__inspectors")
    serializer_class = DrawSerializer
    filterset_fields = ["status"]


def register(router) -> None:
    router.register("supervision-due", SupervisionDueViewSet)
    router.register("inspection-plans", InspectionPlanViewSet)
    router.register("draws", DrawViewSet)
