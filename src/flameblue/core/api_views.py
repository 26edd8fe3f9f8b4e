"""API for the audit log (auditors only)."""

from rest_framework import serializers

from flameblue.core.api import ScopedReadOnlyViewSet
from flameblue.core.models import AuditEvent


class AuditEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = AuditEvent
        fields = ["id", "at", "actor", "actor_name", "ip", "action", "object_type", "object_id", "object_repr", "changes", "reason"]


class AuditEventViewSet(ScopedReadOnlyViewSet):
    queryset = AuditEvent.objects.all()
    serializer_class = AuditEventSerializer
    filterset_fields = {"action": ["exact"], "object_type": ["exact"], "object_id": ["exact"], "actor": ["exact"], "at": ["gte", "lte"]}


def register(router) -> None:
    router.register("audit-events", AuditEventViewSet, basename="audit-event")
