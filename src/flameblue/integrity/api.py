"""API: /api/v1/liaison-points/ (read), /api/v1/liaison-visits/ (list, log a visit),
/api/v1/relative-businesses/ (list, retrieve, declare) and /api/v1/drinking-reports/ (list, retrieve,
report, decide). The same services and scoping as the pages; every read of a declaration or a drinking report
(a list or one record) is audited."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from flameblue.core import audit
from flameblue.core.api import (
    ScopedPrimaryKeyRelatedField,
    ScopedReadOnlyViewSet,
    ScopedViewSetMixin,
    parse_input,
)
from flameblue.geo.models import Region
from flameblue.integrity import services
from flameblue.integrity.choices import Relation
from flameblue.integrity.models import DrinkingReport, LiaisonPoint, LiaisonVisit, RelativeBusiness
from flameblue.integrity.selectors import record_read

__all__ = ["register"]


class LiaisonPointSerializer(serializers.ModelSerializer):
    member_name = serializers.CharField(source="member.name", read_only=True)
    organization_name = serializers.CharField(source="organization.name", read_only=True)

    class Meta:
        model = LiaisonPoint
        fields = [
            "id",
            "member",
            "member_name",
            "organization",
            "organization_name",
            "since",
            "active",
            "version",
        ]


class LiaisonVisitSerializer(serializers.ModelSerializer):
    class Meta:
        model = LiaisonVisit
        fields = ["id", "point", "visited_on", "days", "work", "problems", "follow_up", "version"]


class VisitInput(serializers.Serializer):
    point = ScopedPrimaryKeyRelatedField(queryset=LiaisonPoint.objects.all())
    visited_on = serializers.DateField()
    days = serializers.IntegerField(min_value=1, max_value=60, default=1)
    work = serializers.CharField()
    problems = serializers.CharField(required=False, allow_blank=True, default="")
    follow_up = serializers.CharField(required=False, allow_blank=True, default="")


class RelativeBusinessSerializer(serializers.ModelSerializer):
    person_name = serializers.CharField(source="person.name", read_only=True)
    is_conflict = serializers.BooleanField(read_only=True)

    class Meta:
        model = RelativeBusiness
        fields = [
            "id", "person", "person_name", "organization", "year", "relative_name", "relation", "enterprise_name",
            "uscc", "township", "business_scope", "matched_unit", "fire_service_firm", "conflict_reason",
            "is_conflict", "rules_version", "version",
        ]  # fmt: skip


class DeclarationInput(serializers.Serializer):
    year = serializers.IntegerField(min_value=2000)
    relative_name = serializers.CharField(max_length=60)
    relation = serializers.ChoiceField(choices=Relation.choices)
    enterprise_name = serializers.CharField(max_length=120)
    uscc = serializers.CharField(max_length=18, min_length=18, required=False, allow_blank=True, default="")
    township = serializers.PrimaryKeyRelatedField(
        queryset=Region.objects.filter(level="township"), required=False, allow_null=True, default=None
    )
    business_scope = serializers.CharField(required=False, allow_blank=True, default="")


class DrinkingReportSerializer(serializers.ModelSerializer):
    person_name = serializers.CharField(source="person.name", read_only=True)

    class Meta:
        model = DrinkingReport
        fields = [
            "id", "person", "person_name", "organization", "occasion_on", "place", "reason", "companions",
            "status", "decision_note", "version",
        ]  # fmt: skip


class DrinkingInput(serializers.Serializer):
    occasion_on = serializers.DateField()
    place = serializers.CharField(max_length=120)
    reason = serializers.CharField(max_length=200)
    companions = serializers.CharField(required=False, allow_blank=True, default="")


class DecideInput(serializers.Serializer):
    approve = serializers.BooleanField()
    note = serializers.CharField(required=False, allow_blank=True, default="")
    version = serializers.IntegerField(required=False, allow_null=True, default=None)


class AuditedReadMixin:
    """Lists and retrievals of restricted records are reads, and every read is audited."""

    def list(self, request, *args: Any, **kwargs: Any) -> Response:
        response = super().list(request, *args, **kwargs)
        rows = (
            response.data.get("results", response.data) if isinstance(response.data, dict) else response.data
        )
        ids = [row["id"] for row in rows]
        if ids:
            model = self.queryset.model
            audit.record(
                audit.AuditAction.REVEAL, by=request.user, object_type=model._meta.label_lower,
                object_repr=str(model._meta.verbose_name), changes={"ids": ids}, reason=_("查阅廉政记录"),
            )  # fmt: skip
        return response

    def retrieve(self, request, *args: Any, **kwargs: Any) -> Response:
        obj = self.get_object()
        record_read(obj, by=request.user)
        return Response(self.get_serializer(obj).data)


@extend_schema(tags=["integrity"])
class LiaisonPointViewSet(ScopedReadOnlyViewSet):
    """党委委员联系点：按管辖范围列出、查看。"""

    queryset = LiaisonPoint.objects.select_related("member", "organization").order_by("member_id", "id")
    serializer_class = LiaisonPointSerializer


@extend_schema(tags=["integrity"])
class LiaisonVisitViewSet(
    ScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """蹲点记录：列出、查看、登记。"""

    queryset = LiaisonVisit.objects.order_by("-visited_on", "-id")
    serializer_class = LiaisonVisitSerializer

    @extend_schema(request=VisitInput, responses={201: LiaisonVisitSerializer})
    def create(self, request, *args: Any, **kwargs: Any) -> Response:
        visit = services.liaison_visit_log(by=request.user, **parse_input(VisitInput, request))
        return Response(LiaisonVisitSerializer(visit).data, status=201)


@extend_schema(tags=["integrity"])
class RelativeBusinessViewSet(
    AuditedReadMixin, ScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):  # fmt: skip
    """近亲属经商办企业申报：本人及纪检监察干部可见；申报时即判定是否构成利益冲突。"""

    queryset = RelativeBusiness.objects.select_related("person").order_by("-year", "id")
    serializer_class = RelativeBusinessSerializer

    @extend_schema(request=DeclarationInput, responses={201: RelativeBusinessSerializer})
    def create(self, request, *args: Any, **kwargs: Any) -> Response:
        declaration = services.relative_business_declare(
            by=request.user, **parse_input(DeclarationInput, request)
        )
        return Response(RelativeBusinessSerializer(declaration).data, status=201)


@extend_schema(tags=["integrity"])
class DrinkingReportViewSet(
    AuditedReadMixin, ScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):  # fmt: skip
    """饮酒报备：事前报备，纪检监察干部审批。"""

    queryset = DrinkingReport.objects.select_related("person").order_by("-occasion_on", "-id")
    serializer_class = DrinkingReportSerializer
    scoped_actions = {"decide": "decide"}

    @extend_schema(request=DrinkingInput, responses={201: DrinkingReportSerializer})
    def create(self, request, *args: Any, **kwargs: Any) -> Response:
        report = services.drinking_report(by=request.user, **parse_input(DrinkingInput, request))
        return Response(DrinkingReportSerializer(report).data, status=201)

    @extend_schema(request=DecideInput, responses={200: DrinkingReportSerializer})
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None) -> Response:
        data = parse_input(DecideInput, request)
        report = services.drinking_decide(
            report=self.get_object(), by=request.user, approve=data["approve"], note=data["note"],
            expected_version=data["version"],
        )  # fmt: skip
        return Response(DrinkingReportSerializer(report).data)


def register(router) -> None:
    router.register("liaison-points", LiaisonPointViewSet, basename="integrity-liaisonpoint")
    router.register("liaison-visits", LiaisonVisitViewSet, basename="integrity-liaisonvisit")
    router.register("relative-businesses", RelativeBusinessViewSet, basename="integrity-relativebusiness")
    router.register("drinking-reports", DrinkingReportViewSet, basename="integrity-drinkingreport")
    from flameblue.integrity.discipline.api import register as register_discipline  # 廉政监督

    register_discipline(router)
    from flameblue.integrity.supervision.api import register as register_supervision

    register_supervision(router)
