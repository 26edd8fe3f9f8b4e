"""``/api/v1/checklists/``: checklist versions with their items nested, read-only, same filters as the page."""

from __future__ import annotations

from rest_framework import serializers

from flameblue.core.api import ScopedReadOnlyViewSet
from flameblue.inspections.checklist_loader import element_in
from flameblue.inspections.filters import ChecklistFilterSet
from flameblue.inspections.models import Checklist, ChecklistItem

__all__ = ["ChecklistViewSet", "register"]


class ChecklistItemSerializer(serializers.ModelSerializer):
    gb35181_element_2025 = serializers.SerializerMethodField(
        help_text="该检查项在 GB 35181-2025 中对应的判定要素（gb35181_element 为 2017 版编号）"
    )

    class Meta:
        model = ChecklistItem
        fields = [
            "code",
            "order",
            "section",
            "text",
            "legal_basis",
            "default_grade",
            "gb35181_element",
            "gb35181_element_2025",
            "measurement",
        ]

    def get_gb35181_element_2025(self, item: ChecklistItem) -> str:
        return element_in(item.gb35181_element, "GB35181-2025")


class ChecklistSerializer(serializers.ModelSerializer):
    items = ChecklistItemSerializer(many=True, read_only=True)

    class Meta:
        model = Checklist
        fields = [
            "id",
            "code",
            "edition",
            "title",
            "place_type",
            "kind",
            "effective_from",
            "status",
            "published_at",
            "source_hash",
            "items",
        ]


class ChecklistViewSet(ScopedReadOnlyViewSet):
    queryset = Checklist.objects.prefetch_related("items")
    serializer_class = ChecklistSerializer
    filterset_class = ChecklistFilterSet


def register(router) -> None:
    from flameblue.inspections.inspection_api import register as register_inspections
    from flameblue.inspections.planning.api import register as register_planning

    router.register("checklists", ChecklistViewSet)
    register_inspections(router)
    register_planning(router)
