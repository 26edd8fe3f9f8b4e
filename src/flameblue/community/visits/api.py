"""API: /api/v1/community-visits/ (list, retrieve, record a visit, add an opinion) and
/api/v1/community-opinions/ (list — ``?status=open`` for the open ones —, retrieve, answer, close, return)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from flameblue.community.filters import OpinionFilter, VisitFilter
from flameblue.community.models import Partner
from flameblue.community.visits import services
from flameblue.community.visits.choices import VisiteeKind
from flameblue.community.visits.models import Holiday, HolidayVisit, Opinion
from flameblue.core.api import ScopedPrimaryKeyRelatedField, ScopedViewSetMixin, VersionInput, parse_input
from flameblue.org.choices import FIRE_SERVICE_KINDS
from flameblue.org.models import Organization, Person

__all__ = ["OpinionViewSet", "VisitViewSet"]


class CommunityOpinionSerializer(serializers.ModelSerializer):
    owner_name = serializers.CharField(source="owner.name", read_only=True)

    class Meta:
        model = Opinion
        fields = ["id", "visit", "content", "owner", "owner_name", "due_on", "status", "answer", "answered_on",
                  "overdue_since", "version"]  # fmt: skip
        read_only_fields = fields


class HolidayVisitSerializer(serializers.ModelSerializer):
    holiday = serializers.SlugRelatedField(slug_field="code", read_only=True)
    opinions = CommunityOpinionSerializer(many=True, read_only=True)

    class Meta:
        model = HolidayVisit
        fields = ["id", "organization", "holiday", "visited_on", "visitee_kind", "visitee", "partner", "visitors",
                  "reported", "opinions", "version"]  # fmt: skip
        read_only_fields = fields


ORGS = Organization.objects.filter(kind__in=FIRE_SERVICE_KINDS)


class HolidayVisitInput(serializers.Serializer):
    organization = serializers.PrimaryKeyRelatedField(queryset=ORGS, label="走访单位")
    holiday = serializers.SlugRelatedField(
        slug_field="code", queryset=Holiday.objects.filter(active=True), label="节日"
    )
    visited_on = serializers.DateField(label="走访日期")
    visitee_kind = serializers.ChoiceField(choices=VisiteeKind.choices, label="走访对象类别")
    visitee = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default="", label="走访对象"
    )
    partner = ScopedPrimaryKeyRelatedField(
        queryset=Partner.objects.all(), required=False, allow_null=True, default=None
    )
    reported = serializers.CharField(required=False, allow_blank=True, default="", label="通报工作情况")
    visitors = serializers.PrimaryKeyRelatedField(
        queryset=Person.objects.all(), many=True, required=False, default=list
    )


class CommunityOpinionInput(serializers.Serializer):
    content = serializers.CharField(label="意见建议")
    owner = serializers.PrimaryKeyRelatedField(queryset=ORGS, label="责任单位")
    due_on = serializers.DateField(label="答复期限")


class OpinionAnswerInput(VersionInput):
    answer = serializers.CharField(label="答复情况")


class OpinionCloseInput(VersionInput):
    reason = serializers.CharField(required=False, allow_blank=True, default="", label="办结说明")


class OpinionReturnInput(VersionInput):
    reason = serializers.CharField(label="退回理由")


@extend_schema(tags=["community"])
class VisitViewSet(
    ScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """走访慰问：列出、查看、登记，登记征求到的意见建议。"""

    queryset = (
        HolidayVisit.objects.select_related("holiday")
        .prefetch_related("opinions__owner", "visitors")
        .order_by("-visited_on", "-pk")
    )
    serializer_class = HolidayVisitSerializer
    filterset_class = VisitFilter
    scoped_actions = {"create": "add", "opinions": "add"}

    @extend_schema(request=HolidayVisitInput, responses={201: HolidayVisitSerializer})
    def create(self, request, *args: Any, **kwargs: Any) -> Response:
        visit = services.visit_record(by=request.user, **parse_input(HolidayVisitInput, request))
        return Response(HolidayVisitSerializer(visit).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=CommunityOpinionInput, responses={201: CommunityOpinionSerializer})
    @action(detail=True, methods=["post"])
    def opinions(self, request, pk: str | None = None) -> Response:
        visit = self.get_object()
        opinion = services.opinion_add(
            by=request.user, visit=visit, **parse_input(CommunityOpinionInput, request)
        )
        return Response(CommunityOpinionSerializer(opinion).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=["community"])
class OpinionViewSet(
    ScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """意见建议：列出（?status=open 为待答复）、查看、答复（责任单位）、办结或退回（政治处）。"""

    queryset = Opinion.objects.select_related("owner").order_by("status", "due_on", "pk")
    serializer_class = CommunityOpinionSerializer
    filterset_class = OpinionFilter
    scoped_actions = {"answer": "answer", "close": "close", "send_back": "close"}

    def _move(self, request, serializer, call) -> Response:
        opinion = self.get_object()
        data = parse_input(serializer, request)
        opinion = call(opinion, data.pop("version", None), data)
        return Response(CommunityOpinionSerializer(opinion).data)

    @extend_schema(request=OpinionAnswerInput, responses={200: CommunityOpinionSerializer})
    @action(detail=True, methods=["post"])
    def answer(self, request, pk: str | None = None) -> Response:
        return self._move(
            request,
            OpinionAnswerInput,
            lambda o, v, d: services.opinion_answer(o, by=request.user, expected_version=v, **d),
        )

    @extend_schema(request=OpinionCloseInput, responses={200: CommunityOpinionSerializer})
    @action(detail=True, methods=["post"])
    def close(self, request, pk: str | None = None) -> Response:
        return self._move(
            request,
            OpinionCloseInput,
            lambda o, v, d: services.opinion_close(o, by=request.user, expected_version=v, **d),
        )

    @extend_schema(request=OpinionReturnInput, responses={200: CommunityOpinionSerializer})
    @action(detail=True, methods=["post"], url_path="return")
    def send_back(self, request, pk: str | None = None) -> Response:
        return self._move(
            request,
            OpinionReturnInput,
            lambda o, v, d: services.opinion_return(o, by=request.user, expected_version=v, **d),
        )
