"""``/api/v1/inspections/``: list and retrieve (the list page's filter), create = start a draft (a repeated
``client_uuid`` returns the first draft), ``POST {id}/answers/`` saves one answer, ``POST {id}/submit/``
submits (idempotent). Rows come from the user's scope only; a write to a submitted inspection or a stale
``expected_version`` is 409."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from flameblue.core.api import ScopedViewSetMixin
from flameblue.core.errors import OutOfScope
from flameblue.inspections.choices import AnswerResult, InspectionKind
from flameblue.inspections.filters import InspectionFilterSet
from flameblue.inspections.models import Finding, Inspection, InspectionAnswer
from flameblue.inspections.services import answer_save, inspection_start, inspection_submit
from flameblue.units.models import Unit

__all__ = ["InspectionViewSet", "register"]


class AnswerSerializer(serializers.ModelSerializer):
    item_code = serializers.CharField(source="item.code", read_only=True)

    class Meta:
        model = InspectionAnswer
        fields = [
            "item",
            "item_code",
            "result",
            "note",
            "location",
            "corrected_on_spot",
            "measurement_values",
            "measurement_met",
            "answered_at",
        ]


class FindingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Finding
        fields = ["id", "answer", "description", "suggested_grade", "suggested_element", "hazard"]


class InspectionSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    answers = AnswerSerializer(many=True, read_only=True)
    findings = FindingSerializer(many=True, read_only=True)

    class Meta:
        model = Inspection
        fields = [
            "id", "unit", "unit_name", "region", "industry", "kind", "checklist", "status", "client_uuid",
            "organization", "inspector", "co_inspectors", "co_inspector_people", "started_at", "submitted_at", "inspected_on",
            "inspector_signature_name", "inspector_signed_at", "unit_signature_name", "unit_signed_at", "summary",
            "version", "answers", "findings",
        ]  # fmt: skip
        read_only_fields = fields


class StartSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=InspectionKind.choices)
    unit = serializers.IntegerField()
    client_uuid = serializers.UUIDField(required=False, allow_null=True)


class AnswerInputSerializer(serializers.Serializer):
    item = serializers.CharField(help_text="检查项编号（id）或代码（code）")
    result = serializers.ChoiceField(choices=AnswerResult.choices)
    note = serializers.CharField(required=False, allow_blank=True, default="")
    location = serializers.CharField(required=False, allow_blank=True, default="", help_text="部位")
    corrected_on_spot = serializers.BooleanField(
        required=False, default=False, help_text="当场改正：不计入重大火灾隐患判定要素"
    )
    measurement_values = serializers.DictField(required=False, allow_null=True)
    answered_at = serializers.DateTimeField(required=False, allow_null=True)


def _co_people(inspection: Inspection, ids: list[int]) -> list[Any]:
    """The co-inspectors named by id, among those the inspection may name; an unknown id is a clear 400."""
    from flameblue.inspections.services import co_inspector_choices

    found = list(co_inspector_choices(inspection).filter(pk__in=ids))
    missing = sorted(set(ids) - {p.pk for p in found})
    if missing:
        raise serializers.ValidationError(
            {"co_inspector_people": [_("人员 %(ids)s 不是本单位可选的检查人员。") % {"ids": missing}]}
        )
    return found


class SubmitSerializer(serializers.Serializer):
    inspector_signature_name = serializers.CharField(allow_blank=True, default="")
    unit_signature_name = serializers.CharField(allow_blank=True, default="")
    co_inspector_people = serializers.ListField(
        child=serializers.IntegerField(),
        required=False,
        default=list,
        help_text="同行检查人员（人员编号）；监督检查、抽查的检查人员不得少于两人（《消防监督检查规定》第十四条）",
    )
    summary = serializers.CharField(required=False, allow_blank=True, default="")
    expected_version = serializers.IntegerField(required=False, allow_null=True)


@extend_schema(tags=["inspections"])
class InspectionViewSet(
    ScopedViewSetMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    queryset = Inspection.objects.select_related("unit").prefetch_related("answers__item", "findings")
    serializer_class = InspectionSerializer
    filterset_class = InspectionFilterSet
    scoped_actions = {"answers": "change", "submit": "change"}

    def get_serializer_class(self):
        return {"create": StartSerializer, "answers": AnswerInputSerializer, "submit": SubmitSerializer}.get(
            self.action, InspectionSerializer
        )

    def _detail(self, inspection: Inspection, code: int = status.HTTP_200_OK) -> Response:
        fresh = self.get_queryset().get(pk=inspection.pk)
        return Response(InspectionSerializer(fresh, context=self.get_serializer_context()).data, status=code)

    @extend_schema(request=StartSerializer, responses=InspectionSerializer)
    def create(self, request, *args: Any, **kwargs: Any) -> Response:
        data = self._valid(StartSerializer, request)
        unit = Unit.objects.visible_to(request.user, "view").filter(pk=data["unit"]).first()
        if unit is None:
            raise OutOfScope("该单位不在您的管辖范围内。")
        inspection = inspection_start(
            kind=data["kind"], unit=unit, by=request.user, client_uuid=data.get("client_uuid")
        )
        return self._detail(inspection, status.HTTP_201_CREATED)

    @extend_schema(request=AnswerInputSerializer, responses=AnswerSerializer)
    @action(detail=True, methods=["post"])
    def answers(self, request, pk: str | None = None) -> Response:
        inspection = self.get_object()
        data = self._valid(AnswerInputSerializer, request)
        items = inspection.checklist.items.all()
        ref = str(data["item"])
        item = (items.filter(pk=int(ref)) if ref.isdigit() else items.filter(code=ref)).first()
        if item is None:
            raise serializers.ValidationError({"item": ["检查项不属于本次检查使用的检查表。"]})
        answer = answer_save(
            inspection=inspection, item=item, result=data["result"], by=request.user, note=data.get("note", ""),
            location=data.get("location", ""), corrected_on_spot=data.get("corrected_on_spot", False),
            measurement_values=data.get("measurement_values"),
            answered_at=data.get("answered_at"),
        )  # fmt: skip
        return Response({**AnswerSerializer(answer).data, "stale": bool(getattr(answer, "stale", False))})

    @extend_schema(request=SubmitSerializer, responses=InspectionSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk: str | None = None) -> Response:
        inspection = self.get_object()
        data = self._valid(SubmitSerializer, request)
        inspection = inspection_submit(
            inspection=inspection, by=request.user, inspector_name=data["inspector_signature_name"],
            unit_representative_name=data["unit_signature_name"],
            co_inspector_people=_co_people(inspection, data.get("co_inspector_people") or []), summary=data.get("summary", ""), expected_version=data.get("expected_version"),
        )  # fmt: skip
        return self._detail(inspection)

    @staticmethod
    def _valid(serializer_class, request) -> dict[str, Any]:
        serializer = serializer_class(data=request.data)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data


def register(router) -> None:
    router.register("inspections", InspectionViewSet, basename="inspection")
