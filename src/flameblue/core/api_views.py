"""API for the audit log (auditors only): list, one event, and an Excel export of the filtered list.

The filters are the audit page's (:class:`flameblue.core.filters.AuditEventFilter`) and the export is the
page's export view, so the page, the API and the spreadsheet always agree and every export is audited."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.decorators import action

from flameblue.core.api import ScopedReadOnlyViewSet
from flameblue.core.exports import XLSX_CONTENT_TYPE
from flameblue.core.filters import AuditEventFilter
from flameblue.core.models import AuditEvent

__all__ = ["AuditEventSerializer", "AuditEventViewSet", "register"]


class AuditEventSerializer(serializers.ModelSerializer):
    action_display = serializers.CharField(source="get_action_display", read_only=True)
    changes = serializers.JSONField(read_only=True)

    class Meta:
        model = AuditEvent
        fields = [
            "id",
            "at",
            "actor",
            "actor_name",
            "ip",
            "user_agent",
            "action",
            "action_display",
            "object_type",
            "object_id",
            "object_repr",
            "changes",
            "reason",
        ]
        read_only_fields = fields


@extend_schema(tags=["audit-events"])
@extend_schema_view(
    export=extend_schema(
        summary="按当前筛选条件导出审计日志（Excel）",
        description="每次导出本身记入审计日志。",
        responses={
            (200, XLSX_CONTENT_TYPE): OpenApiResponse(response=OpenApiTypes.BINARY, description="xlsx 文件")
        },
    )
)
class AuditEventViewSet(ScopedReadOnlyViewSet):
    """审计日志（仅审计管理员）：可按操作人、操作、对象和日期筛选，并导出为 Excel。"""

    queryset = AuditEvent.objects.select_related("actor")
    serializer_class = AuditEventSerializer
    filterset_class = AuditEventFilter
    scoped_actions = {"export": "export"}

    @action(detail=False, methods=["get"], filter_backends=[], pagination_class=None)
    def export(self, request):
        from flameblue.core.audit_views import AuditExportView

        # DRF has already authenticated the caller (session or token) and checked core.auditevent.export; the
        # page's export view applies the same filters, row cap and audit row to the plain Django request.
        return AuditExportView.as_view()(request._request)


def register(router) -> None:
    router.register("audit-events", AuditEventViewSet, basename="audit-event")
