"""/api/v1/ endpoints of the 公示 objections: list and read along the corps chain, file one against a
published result, and the assessment team's answer (uphold with the corrected result, or reject)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from flameblue.core.api import ScopedPrimaryKeyRelatedField, ScopedReadOnlyViewSet, VersionInput, parse_input
from flameblue.corps.models import AssessmentResult
from flameblue.corps.objections import services
from flameblue.corps.objections.models import Objection
from flameblue.corps.staffing.filters import ObjectionFilter

__all__ = ["register"]


class ObjectionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Objection
        fields = ["id", "plan", "result", "station", "text", "status", "answer", "correction", "created_at",
                  "version"]  # fmt: skip


class FileInput(serializers.Serializer):
    result = ScopedPrimaryKeyRelatedField(queryset=AssessmentResult.objects.all())
    text = serializers.CharField(max_length=1000)


class UpholdInput(VersionInput):
    answer = serializers.CharField(max_length=1000)
    raw = serializers.ListField(child=serializers.CharField(), min_length=1, help_text="12'30\" 或 750（秒）")
    faults = serializers.IntegerField(required=False, min_value=0, allow_null=True, default=None)


class RejectInput(VersionInput):
    answer = serializers.CharField(max_length=1000)


@extend_schema(tags=["corps"])
class ObjectionViewSet(ScopedReadOnlyViewSet):
    """公示异议：站在异议期内对本站公示成绩提出异议；考核组答复（成立则更正成绩，原成绩保留为已更正）。"""

    queryset = Objection.objects.select_related("plan", "station")
    serializer_class = ObjectionSerializer
    filterset_class = ObjectionFilter
    scoped_actions = {"file": "add", "uphold": "answer", "reject": "answer"}

    @extend_schema(request=FileInput, responses={201: ObjectionSerializer})
    @action(detail=False, methods=["post"])
    def file(self, request) -> Response:
        objection = services.objection_file(by=request.user, **parse_input(FileInput, request))
        return Response(ObjectionSerializer(objection).data, status=201)

    def _answer(self, request, service, serializer) -> Response:
        data = parse_input(serializer, request)
        version = data.pop("version", None)
        objection = service(self.get_object(), by=request.user, expected_version=version, **data)
        return Response(ObjectionSerializer(objection).data)

    @extend_schema(request=UpholdInput, responses=ObjectionSerializer)
    @action(detail=True, methods=["post"])
    def uphold(self, request, pk=None) -> Response:
        return self._answer(request, services.objection_uphold, UpholdInput)

    @extend_schema(request=RejectInput, responses=ObjectionSerializer)
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None) -> Response:
        return self._answer(request, services.objection_reject, RejectInput)


def register(router) -> None:
    router.register("corps/objections", ObjectionViewSet, basename="corps-objection")
