"""/api/v1/ endpoints of readiness checks: checklists (versioned data), checks with their answers, and
findings with their corrective-action moves."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from flameblue.core.api import ScopedPrimaryKeyRelatedField, ScopedReadOnlyViewSet, parse_input
from flameblue.corps.incidents.services import OWNER_KINDS
from flameblue.corps.readiness import services
from flameblue.corps.readiness.filters import CheckFilter, FindingFilter
from flameblue.corps.readiness.models import ReadinessCheck, ReadinessChecklist, ReadinessFinding
from flameblue.corps.rectification.api import ACTION_FIELDS, move
from flameblue.org.models import Organization

__all__ = ["register"]


class ReadinessChecklistSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReadinessChecklist
        fields = ["id", "code", "version", "kind", "title", "items", "is_active"]
        read_only_fields = fields


class ReadinessFindingSerializer(serializers.ModelSerializer):
    owner_name = serializers.CharField(source="owner.name", read_only=True)

    class Meta:
        model = ReadinessFinding
        fields = [*ACTION_FIELDS, "check_record", "item_code", "problem"]
        read_only_fields = fields


class ReadinessCheckSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReadinessCheck
        fields = ["id", "checklist", "station", "checked_on", "inspectors", "answers", "summary", "rules_version",
                  "version"]  # fmt: skip
        read_only_fields = fields


class FindingInput(serializers.Serializer):
    item_code = serializers.CharField(max_length=40)
    problem = serializers.CharField(max_length=2000)
    task = serializers.CharField(max_length=2000)
    owner = ScopedPrimaryKeyRelatedField(queryset=Organization.objects.filter(kind__in=OWNER_KINDS))
    due_on = serializers.DateField()


class CheckInput(serializers.Serializer):
    checklist = serializers.PrimaryKeyRelatedField(queryset=ReadinessChecklist.objects.filter(is_active=True))
    station = ScopedPrimaryKeyRelatedField(queryset=Organization.objects.all())
    checked_on = serializers.DateField()
    inspectors = serializers.CharField(max_length=200)
    answers = serializers.DictField(child=serializers.CharField(max_length=10))
    summary = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)
    findings = FindingInput(many=True, required=False, default=list)


@extend_schema(tags=["corps"])
class ChecklistViewSet(ScopedReadOnlyViewSet):
    """执勤战备检查表（版本化数据）。"""

    queryset = ReadinessChecklist.objects.all()
    serializer_class = ReadinessChecklistSerializer


@extend_schema(tags=["corps"])
class CheckViewSet(ScopedReadOnlyViewSet):
    """执勤战备检查：列出、查看、记录（每项作答，不符合项须附问题和整改措施）。"""

    queryset = ReadinessCheck.objects.select_related("checklist", "station")
    serializer_class = ReadinessCheckSerializer
    filterset_class = CheckFilter
    scoped_actions = {"create": "add"}

    @extend_schema(request=CheckInput, responses={201: ReadinessCheckSerializer})
    def create(self, request, *args: Any, **kwargs: Any) -> Response:
        check = services.check_create(by=request.user, **parse_input(CheckInput, request))
        return Response(ReadinessCheckSerializer(check).data, status=201)


@extend_schema(tags=["corps"])
class FindingViewSet(ScopedReadOnlyViewSet):
    """执勤战备检查发现问题：列出、查看；责任单位报告整改完成（附佐证材料），支队验收销号或退回。"""

    queryset = ReadinessFinding.objects.select_related("owner")
    serializer_class = ReadinessFindingSerializer
    filterset_class = FindingFilter
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    scoped_actions = {"report": "report_completion", "close": "close", "send_back": "close"}

    report = move("report", ReadinessFindingSerializer)
    close = move("close", ReadinessFindingSerializer)
    send_back = move("send_back", ReadinessFindingSerializer)


def register(router) -> None:
    router.register("corps/readiness-checklists", ChecklistViewSet, basename="corps-checklist")
    router.register("corps/readiness-checks", CheckViewSet, basename="corps-readiness")
    router.register("corps/readiness-findings", FindingViewSet, basename="corps-finding")
