"""API of the discipline records: /api/v1/clues/ (list, retrieve, register, dispose; 404 to anyone without a
grant), /api/v1/procuratorate-exchanges/, /api/v1/phone-registrations/ (numbers masked),
/api/v1/credit-checks/, /api/v1/family-pledges/, /api/v1/warning-sessions/, /api/v1/integrity-reports/ and
/api/v1/service-measures/ (list, retrieve, set-status). Same services and scoping as the pages; every read of a
clue or a declaration (a list or one record) is audited."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from flameblue.core.api import (
    ScopedPermission,
    ScopedPrimaryKeyRelatedField,
    ScopedViewSetMixin,
    VersionInput,
    parse_input,
)
from flameblue.integrity.api import AuditedReadMixin
from flameblue.integrity.discipline import services
from flameblue.integrity.discipline.choices import (
    ClueSource,
    ClueStatus,
    CreditResult,
    ExchangeDirection,
    ExchangeKind,
    MeasureStatus,
    ReportRating,
    SessionKind,
)
from flameblue.integrity.discipline.models import (
    Clue,
    CreditCheck,
    FamilyPledge,
    IntegrityReport,
    PhoneRegistration,
    ProcuratorateExchange,
    ServiceMeasure,
    WarningSession,
)
from flameblue.org.models import Organization, Person

__all__ = ["register"]


class HiddenPermission(ScopedPermission):
    """The most restricted records: without a grant the answer is 404, as if the register did not exist."""

    def has_permission(self, request, view) -> bool:
        allowed = super().has_permission(request, view)
        if not allowed and request.user and request.user.is_authenticated:
            raise NotFound
        return allowed


class _Create:
    """``create`` parses ``input_class`` and calls ``service(by=, **data)``; answers ``serializer_class``."""

    input_class: type[serializers.Serializer]
    service: Any

    def create(self, request, *args: Any, **kwargs: Any) -> Response:
        obj = type(self).service(by=request.user, **parse_input(self.input_class, request))
        return Response(self.get_serializer(obj).data, status=201)


def _create_schema(view: type) -> type:
    view.create = extend_schema(request=view.input_class, responses={201: view.serializer_class})(view.create)
    return view


class _ReadCreate(
    ScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    pass


# ------------------------------------------------------------------------------------------- clues


class ClueSerializer(serializers.ModelSerializer):
    subject_name = serializers.CharField(source="subject.name", read_only=True)

    class Meta:
        model = Clue
        fields = [
            "id", "number", "source", "subject", "subject_name", "organization", "received_on", "summary",
            "status", "step_started_on", "step_due_on", "overdue_since", "rules_version", "version",
        ]  # fmt: skip


class ClueInput(serializers.Serializer):
    source = serializers.ChoiceField(choices=ClueSource.choices)
    subject = ScopedPrimaryKeyRelatedField(queryset=Person.objects.all(), scope_action="view")
    received_on = serializers.DateField()
    summary = serializers.CharField(max_length=2000)


class DisposeInput(VersionInput):
    to = serializers.ChoiceField(choices=ClueStatus.choices)
    reason = serializers.CharField(max_length=2000)


@extend_schema(tags=["integrity"])
class ClueViewSet(AuditedReadMixin, _Create, _ReadCreate):
    """廉政问题线索：仅纪检监察干部可见（其他人一律 404）；每次查阅均记入审计日志。"""

    permission_classes = [HiddenPermission]
    queryset = Clue.objects.select_related("subject").order_by("-received_on", "-id")
    serializer_class = ClueSerializer
    input_class = ClueInput
    service = staticmethod(services.clue_register)
    scoped_actions = {"dispose": "change"}

    @extend_schema(request=DisposeInput, responses={200: ClueSerializer})
    @action(detail=True, methods=["post"])
    def dispose(self, request, pk=None) -> Response:
        data = parse_input(DisposeInput, request)
        clue = services.clue_dispose(
            clue=self.get_object(), by=request.user, to=data["to"], reason=data["reason"],
            expected_version=data.get("version"),
        )  # fmt: skip
        return Response(ClueSerializer(clue).data)


class ExchangeSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProcuratorateExchange
        fields = [
            "id",
            "direction",
            "kind",
            "exchanged_on",
            "document_number",
            "summary",
            "clue",
            "organization",
        ]


class ExchangeInput(serializers.Serializer):
    direction = serializers.ChoiceField(choices=ExchangeDirection.choices)
    kind = serializers.ChoiceField(choices=ExchangeKind.choices)
    exchanged_on = serializers.DateField()
    document_number = serializers.CharField(max_length=60, required=False, allow_blank=True, default="")
    summary = serializers.CharField(max_length=2000)
    clue = ScopedPrimaryKeyRelatedField(
        queryset=Clue.objects.all(), required=False, allow_null=True, default=None
    )


@extend_schema(tags=["integrity"])
class ExchangeViewSet(AuditedReadMixin, _Create, _ReadCreate):
    """检察院线索移送反馈：仅纪检监察干部可见。"""

    permission_classes = [HiddenPermission]
    queryset = ProcuratorateExchange.objects.order_by("-exchanged_on", "-id")
    serializer_class = ExchangeSerializer
    input_class = ExchangeInput
    service = staticmethod(services.exchange_log)


# ------------------------------------------------------------------------------------ declarations


class PhoneSerializer(serializers.ModelSerializer):
    number = serializers.CharField(source="masked_number", read_only=True)

    class Meta:
        model = PhoneRegistration
        fields = ["id", "person", "organization", "number", "model_name", "registered_on", "active"]


class PhoneInput(serializers.Serializer):
    number = serializers.CharField(max_length=20)
    model_name = serializers.CharField(max_length=60)
    registered_on = serializers.DateField()


@extend_schema(tags=["integrity"])
class PhoneViewSet(AuditedReadMixin, _Create, _ReadCreate):
    """手机登记：本人及纪检监察干部可见，号码脱敏。"""

    queryset = PhoneRegistration.objects.order_by("person_id", "-registered_on", "id")
    serializer_class = PhoneSerializer
    input_class = PhoneInput
    service = staticmethod(services.phone_register)


class CreditSerializer(serializers.ModelSerializer):
    class Meta:
        model = CreditCheck
        fields = ["id", "person", "organization", "year", "checked_on", "result"]


class CreditInput(serializers.Serializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    checked_on = serializers.DateField()
    result = serializers.ChoiceField(choices=CreditResult.choices)


@extend_schema(tags=["integrity"])
class CreditViewSet(AuditedReadMixin, _Create, _ReadCreate):
    """征信查询记录（只记录查询日期和结果，不保存报告）。"""

    queryset = CreditCheck.objects.order_by("-year", "person_id", "id")
    serializer_class = CreditSerializer
    input_class = CreditInput
    service = staticmethod(services.credit_check_record)


class PledgeSerializer(serializers.ModelSerializer):
    class Meta:
        model = FamilyPledge
        fields = ["id", "person", "organization", "year", "signed_on", "family_signatory", "signed_copy"]


class PledgeInput(serializers.Serializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    signed_on = serializers.DateField()
    family_signatory = serializers.CharField(max_length=60)
    signed_copy = serializers.FileField(required=False, allow_null=True, default=None)


@extend_schema(tags=["integrity"])
class PledgeViewSet(AuditedReadMixin, _Create, _ReadCreate):
    """家庭助廉承诺书：每人每年一份，附签字件。"""

    parser_classes = [MultiPartParser, FormParser, JSONParser]
    queryset = FamilyPledge.objects.order_by("-year", "person_id", "id")
    serializer_class = PledgeSerializer
    input_class = PledgeInput
    service = staticmethod(services.pledge_file)


# ----------------------------------------------------------------- education, 述职述廉, measures


class WarningSessionSerializer(serializers.ModelSerializer):
    class Meta:
        model = WarningSession
        fields = ["id", "kind", "title", "held_on", "place", "organization", "attendees"]


class SessionInput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=SessionKind.choices)
    title = serializers.CharField(max_length=120)
    held_on = serializers.DateField()
    place = serializers.CharField(max_length=120, required=False, allow_blank=True, default="")
    organization = ScopedPrimaryKeyRelatedField(queryset=Organization.objects.all())
    attendees = ScopedPrimaryKeyRelatedField(queryset=Person.objects.all(), many=True)


@extend_schema(tags=["integrity"])
class SessionViewSet(_Create, _ReadCreate):
    """警示教育：观看警示教育片或听取警示教育讲座，附参加人员名单。"""

    queryset = WarningSession.objects.prefetch_related("attendees").order_by("-held_on", "-id")
    serializer_class = WarningSessionSerializer
    input_class = SessionInput
    service = staticmethod(services.warning_session_record)


class ReportSerializer(serializers.ModelSerializer):
    class Meta:
        model = IntegrityReport
        fields = ["id", "person", "organization", "held_on", "audience", "audience_size", "rating", "remarks"]


class ReportInput(serializers.Serializer):
    person = ScopedPrimaryKeyRelatedField(queryset=Person.objects.all())
    held_on = serializers.DateField()
    audience = serializers.CharField(max_length=200)
    audience_size = serializers.IntegerField(min_value=1, max_value=1000)
    rating = serializers.ChoiceField(choices=ReportRating.choices)
    remarks = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


@extend_schema(tags=["integrity"])
class ReportViewSet(_Create, _ReadCreate):
    """执法人员公开述职述廉：日期、参加评议人员、评议等次。"""

    queryset = IntegrityReport.objects.order_by("-held_on", "-id")
    serializer_class = ReportSerializer
    input_class = ReportInput
    service = staticmethod(services.integrity_report_record)


class MeasureSerializer(serializers.ModelSerializer):
    class Meta:
        model = ServiceMeasure
        fields = ["id", "code", "rules_version", "title", "description", "status", "progress", "version"]


class MeasureInput(VersionInput):
    status = serializers.ChoiceField(choices=MeasureStatus.choices)
    progress = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


@extend_schema(tags=["integrity"])
class MeasureViewSet(_ReadCreate):
    """便民利民十项措施及其落实状态。"""

    queryset = ServiceMeasure.objects.order_by("rules_version", "code")
    serializer_class = MeasureSerializer
    scoped_actions = {"set_status": "change"}

    @extend_schema(request=MeasureInput, responses={200: MeasureSerializer})
    @action(detail=True, methods=["post"], url_path="set-status")
    def set_status(self, request, pk=None) -> Response:
        data = parse_input(MeasureInput, request)
        measure = services.measure_update(
            measure=self.get_object(), by=request.user, status=data["status"], progress=data["progress"],
            expected_version=data.get("version"),
        )  # fmt: skip
        return Response(MeasureSerializer(measure).data)


for _view in (ClueViewSet, ExchangeViewSet, PhoneViewSet, CreditViewSet, PledgeViewSet, SessionViewSet,
              ReportViewSet):  # fmt: skip
    _create_schema(_view)


def register(router) -> None:
    router.register("clues", ClueViewSet, basename="integrity-clue")
    router.register("procuratorate-exchanges", ExchangeViewSet, basename="integrity-procuratorateexchange")
    router.register("phone-registrations", PhoneViewSet, basename="integrity-phoneregistration")
    router.register("credit-checks", CreditViewSet, basename="integrity-creditcheck")
    router.register("family-pledges", PledgeViewSet, basename="integrity-familypledge")
    router.register("warning-sessions", SessionViewSet, basename="integrity-warningsession")
    router.register("integrity-reports", ReportViewSet, basename="integrity-integrityreport")
    router.register("service-measures", MeasureViewSet, basename="integrity-servicemeasure")
