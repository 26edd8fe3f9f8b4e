"""API plumbing of corrective actions: the serializer fields every kind shares and the three moves
(``report``, ``close``, ``send-back``) as viewset actions bound to a kind's serializer."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from flameblue.core.api import VersionInput, parse_input
from flameblue.corps.rectification import services

__all__ = ["ACTION_FIELDS", "CloseInput", "ReportInput", "ReturnInput", "move"]

ACTION_FIELDS = ["id", "owner", "owner_name", "task", "due_on", "status", "report", "submitted_at", "closed_at",
                 "overdue_since", "escalation_level", "rules_version", "version"]  # fmt: skip
MOVE_ACTIONS = {"report": "report_completion", "close": "close", "send_back": "close"}


class ReportInput(VersionInput):
    report = serializers.CharField(label="整改情况", max_length=2000)
    evidence = serializers.ListField(child=serializers.FileField(), required=False, default=list)


class CloseInput(VersionInput):
    reason = serializers.CharField(required=False, allow_blank=True, default="", max_length=1000)


class ReturnInput(VersionInput):
    reason = serializers.CharField(max_length=1000)


def move(name: str, serializer_class: type[serializers.Serializer]):
    """The viewset action for move ``name`` (report, close, send_back) answering ``serializer_class``."""
    calls = {
        "report": (ReportInput, services.action_report),
        "close": (CloseInput, services.action_close),
        "send_back": (ReturnInput, services.action_return),
    }
    input_class, call = calls[name]

    @extend_schema(request=input_class, responses=serializer_class)
    def handler(self, request, pk=None):
        obj = self.get_object()
        data = parse_input(input_class, request)
        result = call(action=obj, by=request.user, expected_version=data.pop("version", None), **data)
        return Response(serializer_class(result, context={"request": request}).data)

    handler.__name__ = name
    return action(detail=True, methods=["post"], url_path=name.replace("_", "-"))(handler)
