"""API: /api/v1/sealings/, /api/v1/pre-opening-checks/, /api/v1/event-checks/ (list, retrieve, create, one
POST per workflow step) and /api/v1/enforcement-due/ (the due list). The same services, filters and scoping
as the pages; a step sent with a stale ``version`` answers 409 ``stale``, one the status no longer allows 409
``state``."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from flameblue.core.api import ScopedPrimaryKeyRelatedField, ScopedViewSetMixin, VersionInput, parse_input
from flameblue.enforcement import services
from flameblue.enforcement.choices import CheckPath
from flameblue.enforcement.filters import EventCheckFilter, PreOpeningFilter, SealingFilter
from flameblue.enforcement.models import EventCheck, PreOpeningCheck, Sealing
from flameblue.enforcement.policy import grounds
from flameblue.enforcement.selectors import due_list
from flameblue.hazards.models import Hazard
from flameblue.inspections.models import Inspection
from flameblue.units.models import Unit

__all__ = ["EventCheckViewSet", "PreOpeningViewSet", "SealingViewSet", "register"]

COMMON = ["id", "unit", "unit_name", "region", "agency", "status", "due_on", "late_steps", "version"]


class _Out(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True)


class SealingSerializer(_Out):
    class Meta:
        model = Sealing
        fields = [*COMMON, "hazard", "inspection", "inspected_on", "ground", "premises", "facts", "method",
                  "period_days", "sealed_on_spot", "clock", "decision_number", "decided_on", "served_on",
                  "executed_on", "ends_on", "lift_requested_on", "lift_checked_on", "lift_check_notes",
                  "lift_number", "lifted_on"]  # fmt: skip
        read_only_fields = fields


class PreOpeningSerializer(_Out):
    class Meta:
        model = PreOpeningCheck
        fields = [*COMMON, "place_name", "address", "area_m2", "applicant", "path", "applied_on", "number",
                  "accepted_on", "not_accepted_reason", "licensed_on", "checked_on", "result", "findings",
                  "decided_on"]  # fmt: skip
        read_only_fields = fields


class EventCheckSerializer(_Out):
    class Meta:
        model = EventCheck
        fields = [*COMMON, "event_name", "venue", "starts_on", "ends_on", "expected_attendance", "applied_on",
                  "number", "accepted_on", "checked_on", "result", "findings"]  # fmt: skip
        read_only_fields = fields


# ---------------------------------------------------------------------------------------- inputs


class SealingProposeInput(serializers.Serializer):
    hazard = ScopedPrimaryKeyRelatedField(queryset=Hazard.objects.all(), required=False, allow_null=True)
    inspection = ScopedPrimaryKeyRelatedField(
        queryset=Inspection.objects.all(), required=False, allow_null=True
    )
    inspected_on = serializers.DateField(required=False, allow_null=True)
    ground = serializers.ChoiceField(choices=[c for c, _t in grounds()])
    premises = serializers.CharField(max_length=200)
    facts = serializers.CharField()
    method = serializers.CharField(required=False, allow_blank=True, default="")
    period_days = serializers.IntegerField(min_value=1, max_value=30, default=30)
    sealed_on_spot = serializers.BooleanField(default=False)


class SealingDecideInput(VersionInput):
    seal = serializers.BooleanField()
    participants = serializers.ListField(child=serializers.CharField(max_length=60), min_length=1)
    opinion = serializers.CharField()
    held_on = serializers.DateField()


class ServeInput(VersionInput):
    served_on = serializers.DateField()


class ExecuteInput(VersionInput):
    executed_on = serializers.DateField()


class RequestLiftInput(VersionInput):
    requested_on = serializers.DateField()
    statement = serializers.CharField()


class CheckLiftInput(VersionInput):
    checked_on = serializers.DateField()
    passed = serializers.BooleanField()
    notes = serializers.CharField()


class LiftInput(VersionInput):
    lifted_on = serializers.DateField()


class PreOpeningApplyInput(serializers.Serializer):
    unit = ScopedPrimaryKeyRelatedField(queryset=Unit.objects.all())
    place_name = serializers.CharField(max_length=120)
    address = serializers.CharField(max_length=200)
    area_m2 = serializers.DecimalField(max_digits=10, decimal_places=1, min_value=0)
    applicant = serializers.CharField(max_length=120)
    contact_phone = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")
    path = serializers.ChoiceField(choices=CheckPath.choices)
    applied_on = serializers.DateField()


class AcceptInput(VersionInput):
    accepted_on = serializers.DateField()
    accept = serializers.BooleanField(default=True)
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class PreOpeningDecideInput(VersionInput):
    checked_on = serializers.DateField()
    decided_on = serializers.DateField(required=False, allow_null=True)
    passed = serializers.BooleanField()
    findings = serializers.CharField()


class EventApplyInput(serializers.Serializer):
    unit = ScopedPrimaryKeyRelatedField(queryset=Unit.objects.all())
    event_name = serializers.CharField(max_length=120)
    venue = serializers.CharField(max_length=200)
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    expected_attendance = serializers.IntegerField(min_value=1)
    applied_on = serializers.DateField()


class EventAcceptInput(VersionInput):
    accepted_on = serializers.DateField()


class EventDecideInput(VersionInput):
    checked_on = serializers.DateField()
    passed = serializers.BooleanField()
    findings = serializers.CharField()


class DueRowSerializer(serializers.Serializer):
    kind = serializers.CharField()
    kind_label = serializers.CharField()
    pk = serializers.IntegerField()
    title = serializers.CharField()
    unit_name = serializers.CharField()
    step = serializers.CharField()
    due_on = serializers.DateField()
    days_left = serializers.IntegerField()
    overdue = serializers.BooleanField()
    url = serializers.CharField()


# -------------------------------------------------------------------------------------- viewsets


class _Workflow(
    ScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    def _step(self, request, service, serializer, **extra: Any) -> Response:
        data = parse_input(serializer, request)
        version = data.pop("version", None)
        obj = service(self.get_object(), by=request.user, expected_version=version, **data, **extra)
        obj.refresh_from_db()
        return Response(self.get_serializer(obj).data)

    def _create(self, request, service, serializer) -> Response:
        obj = service(by=request.user, **parse_input(serializer, request))
        return Response(self.get_serializer(obj).data, status=201)


@extend_schema(tags=["enforcement"])
class SealingViewSet(_Workflow):
    """临时查封：提出、集体研究决定（负责人）、送达、实施、申请解除、解封检查、解除（负责人）。"""

    queryset = Sealing.objects.select_related("unit").order_by("-inspected_on", "-id")
    serializer_class = SealingSerializer
    filterset_class = SealingFilter
    scoped_actions = {"create": "add", "decide": "decide", "serve": "change", "execute": "change",
                      "request_lift": "request_lift", "check_lift": "change", "lift": "decide"}  # fmt: skip

    @extend_schema(request=SealingProposeInput, responses={201: SealingSerializer})
    def create(self, request, *args: Any, **kwargs: Any) -> Response:
        return self._create(request, services.sealing_propose, SealingProposeInput)

    @extend_schema(request=SealingDecideInput, responses=SealingSerializer)
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None) -> Response:
        return self._step(request, services.sealing_decide, SealingDecideInput)

    @extend_schema(request=ServeInput, responses=SealingSerializer)
    @action(detail=True, methods=["post"])
    def serve(self, request, pk=None) -> Response:
        return self._step(request, services.sealing_serve, ServeInput)

    @extend_schema(request=ExecuteInput, responses=SealingSerializer)
    @action(detail=True, methods=["post"])
    def execute(self, request, pk=None) -> Response:
        return self._step(request, services.sealing_execute, ExecuteInput)

    @extend_schema(request=RequestLiftInput, responses=SealingSerializer)
    @action(detail=True, methods=["post"], url_path="request-lift")
    def request_lift(self, request, pk=None) -> Response:
        return self._step(request, services.sealing_request_lift, RequestLiftInput)

    @extend_schema(request=CheckLiftInput, responses=SealingSerializer)
    @action(detail=True, methods=["post"], url_path="check-lift")
    def check_lift(self, request, pk=None) -> Response:
        return self._step(request, services.sealing_check_lift, CheckLiftInput)

    @extend_schema(request=LiftInput, responses=SealingSerializer)
    @action(detail=True, methods=["post"])
    def lift(self, request, pk=None) -> Response:
        return self._step(request, services.sealing_lift, LiftInput)


@extend_schema(tags=["enforcement"])
class PreOpeningViewSet(_Workflow):
    """公众聚集场所投入使用、营业前消防安全检查：申请（告知承诺或一般程序）、受理、现场检查并决定。"""

    queryset = PreOpeningCheck.objects.select_related("unit").order_by("-applied_on", "-id")
    serializer_class = PreOpeningSerializer
    filterset_class = PreOpeningFilter
    scoped_actions = {"create": "add", "accept": "change", "decide": "change"}

    @extend_schema(request=PreOpeningApplyInput, responses={201: PreOpeningSerializer})
    def create(self, request, *args: Any, **kwargs: Any) -> Response:
        return self._create(request, services.preopening_apply, PreOpeningApplyInput)

    @extend_schema(request=AcceptInput, responses=PreOpeningSerializer)
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None) -> Response:
        return self._step(request, services.preopening_accept, AcceptInput)

    @extend_schema(request=PreOpeningDecideInput, responses=PreOpeningSerializer)
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None) -> Response:
        return self._step(request, services.preopening_decide, PreOpeningDecideInput)


@extend_schema(tags=["enforcement"])
class EventCheckViewSet(_Workflow):
    """大型群众性活动举办前消防安全检查：申请、受理、现场检查并决定。"""

    queryset = EventCheck.objects.select_related("unit").order_by("-starts_on", "-id")
    serializer_class = EventCheckSerializer
    filterset_class = EventCheckFilter
    scoped_actions = {"create": "add", "accept": "change", "decide": "change"}

    @extend_schema(request=EventApplyInput, responses={201: EventCheckSerializer})
    def create(self, request, *args: Any, **kwargs: Any) -> Response:
        return self._create(request, services.event_apply, EventApplyInput)

    @extend_schema(request=EventAcceptInput, responses=EventCheckSerializer)
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None) -> Response:
        return self._step(request, services.event_accept, EventAcceptInput)

    @extend_schema(request=EventDecideInput, responses=EventCheckSerializer)
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None) -> Response:
        return self._step(request, services.event_decide, EventDecideInput)


@extend_schema(tags=["enforcement"])
class DueViewSet(ScopedViewSetMixin, viewsets.GenericViewSet):
    """执法时限清单：当前用户可见的全部在途法定时限（临时查封、营业前检查、大型活动检查），最近到期在前。"""

    queryset = Sealing.objects.all()
    serializer_class = DueRowSerializer
    pagination_class = None

    @extend_schema(responses=DueRowSerializer(many=True))
    def list(self, request, *args: Any, **kwargs: Any) -> Response:
        rows = due_list(request.user, timezone.localdate())
        return Response(DueRowSerializer(rows, many=True).data)


def register(router) -> None:
    router.register("sealings", SealingViewSet, basename="enforcement-sealing")
    router.register("pre-opening-checks", PreOpeningViewSet, basename="enforcement-preopening")
    router.register("event-checks", EventCheckViewSet, basename="enforcement-event")
    router.register("enforcement-due", DueViewSet, basename="enforcement-due")
