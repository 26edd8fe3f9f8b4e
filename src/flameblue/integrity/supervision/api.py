"""API of the supervision sub-domain (registered by ``integrity/api.py``):
/api/v1/must-attend-occasions/ (list, retrieve, record), /api/v1/supervision-activities/ (list, retrieve,
create), /api/v1/supervision-findings/ (list, retrieve, add, and the moves rectify/report/return/close),
/api/v1/cross-reviews/ (list, retrieve, draw) and /api/v1/cross-review-items/ (list, retrieve, answer,
finding). The same services and scoping as the pages; reads of supervision records are audited."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from flameblue.core.api import ScopedPrimaryKeyRelatedField, ScopedViewSetMixin, VersionInput, parse_input
from flameblue.integrity.api import AuditedReadMixin
from flameblue.integrity.supervision import services
from flameblue.integrity.supervision.choices import ActivityKind
from flameblue.integrity.supervision.models import (
    CrossReview,
    CrossReviewItem,
    MustAttendOccasion,
    SupervisionActivity,
    SupervisionFinding,
)
from flameblue.org.models import Organization, Person

__all__ = ["register"]

BASE = (ScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet)


class MustAttendOccasionSerializer(serializers.ModelSerializer):
    organization_name = serializers.CharField(source="organization.name", read_only=True)

    class Meta:
        model = MustAttendOccasion
        fields = ["id", "occasion", "rules_version", "organization", "organization_name", "occurred_on",
                  "due_on", "description", "version"]  # fmt: skip


class MustAttendOccasionInput(serializers.Serializer):
    occasion = serializers.CharField(max_length=40)
    organization = serializers.PrimaryKeyRelatedField(queryset=Organization.objects.all())
    occurred_on = serializers.DateField()
    description = serializers.CharField(max_length=2000)


class SupervisionActivitySerializer(serializers.ModelSerializer):
    class Meta:
        model = SupervisionActivity
        fields = ["id", "kind", "title", "organizer", "leader", "units", "team", "starts_on", "ends_on",
                  "summary", "version"]  # fmt: skip


class SupervisionActivityInput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=ActivityKind.choices)
    title = serializers.CharField(max_length=120)
    leader = serializers.PrimaryKeyRelatedField(queryset=Person.objects.all(), required=False, allow_null=True,
                                                default=None)  # fmt: skip
    units = serializers.PrimaryKeyRelatedField(queryset=Organization.objects.all(), many=True)
    team = serializers.PrimaryKeyRelatedField(queryset=Person.objects.all(), many=True)
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    summary = serializers.CharField(required=False, allow_blank=True, default="", max_length=4000)


class SupervisionFindingSerializer(serializers.ModelSerializer):
    responsible_name = serializers.CharField(source="responsible.name", read_only=True)

    class Meta:
        model = SupervisionFinding
        fields = ["id", "activity", "review_item", "responsible", "responsible_name", "description",
                  "requirement", "deadline", "status", "rectification", "reported_at", "closed_at", "version"]  # fmt: skip


class SupervisionFindingInput(serializers.Serializer):
    activity = ScopedPrimaryKeyRelatedField(queryset=SupervisionActivity.objects.all())
    responsible = serializers.PrimaryKeyRelatedField(queryset=Organization.objects.all())
    description = serializers.CharField(max_length=2000)
    requirement = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)
    deadline = serializers.DateField()


class FindingMoveInput(VersionInput):
    text = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)


class FindingReportInput(FindingMoveInput):
    evidence = serializers.ListField(
        child=serializers.FileField(), required=False, default=list, max_length=10
    )


class CrossReviewSerializer(serializers.ModelSerializer):
    class Meta:
        model = CrossReview
        fields = ["id", "activity", "brigade", "period_start", "period_end", "sample_size", "seed", "population",
                  "checklist_version", "drawn_at", "version"]  # fmt: skip


class CrossReviewDrawInput(serializers.Serializer):
    activity = ScopedPrimaryKeyRelatedField(queryset=SupervisionActivity.objects.all())
    brigade = serializers.PrimaryKeyRelatedField(queryset=Organization.objects.all())
    period_start = serializers.DateField()
    period_end = serializers.DateField()
    sample_size = serializers.IntegerField(min_value=1, max_value=services.MAX_SAMPLE)
    seed = serializers.IntegerField(
        required=False, allow_null=True, default=None, min_value=0, max_value=2**62
    )


class CrossReviewItemSerializer(serializers.ModelSerializer):
    computed = serializers.DictField(child=serializers.BooleanField(allow_null=True), read_only=True)
    answers = serializers.DictField(child=serializers.BooleanField(), read_only=True)

    class Meta:
        model = CrossReviewItem
        fields = ["id", "review", "position", "record_type", "inspection", "hazard", "label", "computed",
                  "answers", "note", "reviewed_at", "version"]  # fmt: skip


class CrossReviewAnswerInput(VersionInput):
    answers = serializers.DictField(child=serializers.BooleanField())
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)


class CrossReviewFindingInput(serializers.Serializer):
    description = serializers.CharField(max_length=2000)
    requirement = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)
    deadline = serializers.DateField()


@extend_schema(tags=["integrity"])
class OccasionViewSet(*BASE):
    """“三个必到”事项：列出、查看、登记。"""

    queryset = MustAttendOccasion.objects.select_related("organization").order_by("-occurred_on", "-id")
    serializer_class = MustAttendOccasionSerializer

    @extend_schema(request=MustAttendOccasionInput, responses={201: MustAttendOccasionSerializer})
    def create(self, request, *args: Any, **kwargs: Any) -> Response:
        record = services.occasion_record(by=request.user, **parse_input(MustAttendOccasionInput, request))
        return Response(MustAttendOccasionSerializer(record).data, status=201)


@extend_schema(tags=["integrity"])
class ActivityViewSet(AuditedReadMixin, *BASE):
    """监督检查活动（督察、审计、纪检巡察、专项督察、网上交叉巡查）：列出、查看、新建。"""

    queryset = SupervisionActivity.objects.prefetch_related("units", "team").order_by("-starts_on", "-id")
    serializer_class = SupervisionActivitySerializer

    @extend_schema(request=SupervisionActivityInput, responses={201: SupervisionActivitySerializer})
    def create(self, request, *args: Any, **kwargs: Any) -> Response:
        activity = services.activity_create(by=request.user, **parse_input(SupervisionActivityInput, request))
        return Response(SupervisionActivitySerializer(activity).data, status=201)


@extend_schema(tags=["integrity"])
class FindingViewSet(AuditedReadMixin, *BASE):
    """督察发现问题：列出、查看、登记，以及登记整改情况、报告整改完成（附佐证材料）、退回整改、销号。"""

    queryset = SupervisionFinding.objects.select_related("responsible").order_by("deadline", "id")
    serializer_class = SupervisionFindingSerializer
    scoped_actions = {"rectify": "rectify", "report": "rectify", "send_back": "close", "close": "close"}

    @extend_schema(request=SupervisionFindingInput, responses={201: SupervisionFindingSerializer})
    def create(self, request, *args: Any, **kwargs: Any) -> Response:
        finding = services.finding_add(by=request.user, **parse_input(SupervisionFindingInput, request))
        return Response(SupervisionFindingSerializer(finding).data, status=201)

    @extend_schema(request=FindingMoveInput, responses={200: SupervisionFindingSerializer})
    @action(detail=True, methods=["post"])
    def rectify(self, request, pk=None) -> Response:
        data = parse_input(FindingMoveInput, request)
        finding = services.finding_rectify(finding=self.get_object(), by=request.user, text=data["text"],
                                           expected_version=data.get("version"))  # fmt: skip
        return Response(SupervisionFindingSerializer(finding).data)

    @extend_schema(
        request={"multipart/form-data": FindingReportInput}, responses={200: SupervisionFindingSerializer}
    )
    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser, FormParser, JSONParser])
    def report(self, request, pk=None) -> Response:
        data = parse_input(FindingReportInput, request)
        finding = services.finding_report(finding=self.get_object(), by=request.user, text=data["text"],
                                          evidence=data["evidence"], expected_version=data.get("version"))  # fmt: skip
        return Response(SupervisionFindingSerializer(finding).data)

    @extend_schema(request=FindingMoveInput, responses={200: SupervisionFindingSerializer})
    @action(detail=True, methods=["post"], url_path="return")
    def send_back(self, request, pk=None) -> Response:
        data = parse_input(FindingMoveInput, request)
        finding = services.finding_return(finding=self.get_object(), by=request.user, reason=data["text"],
                                          expected_version=data.get("version"))  # fmt: skip
        return Response(SupervisionFindingSerializer(finding).data)

    @extend_schema(request=FindingMoveInput, responses={200: SupervisionFindingSerializer})
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None) -> Response:
        data = parse_input(FindingMoveInput, request)
        finding = services.finding_close(finding=self.get_object(), by=request.user, note=data["text"],
                                         expected_version=data.get("version"))  # fmt: skip
        return Response(SupervisionFindingSerializer(finding).data)


@extend_schema(tags=["integrity"])
class CrossReviewViewSet(AuditedReadMixin, *BASE):
    """网上交叉巡查抽样：列出、查看、抽取（随机种子保存，可复核）。"""

    queryset = CrossReview.objects.order_by("-drawn_at", "-id")
    serializer_class = CrossReviewSerializer

    @extend_schema(request=CrossReviewDrawInput, responses={201: CrossReviewSerializer})
    def create(self, request, *args: Any, **kwargs: Any) -> Response:
        review = services.cross_review_draw(by=request.user, **parse_input(CrossReviewDrawInput, request))
        return Response(CrossReviewSerializer(review).data, status=201)


@extend_schema(tags=["integrity"])
class CrossReviewItemViewSet(AuditedReadMixin, *BASE):
    """交叉巡查案卷：系统核查结果与巡查人员结论；作出结论；把问题转为被巡查大队的整改问题。"""

    queryset = CrossReviewItem.objects.order_by("review_id", "position")
    serializer_class = CrossReviewItemSerializer
    scoped_actions = {"answer": "review", "finding": "review"}

    @extend_schema(request=CrossReviewAnswerInput, responses={200: CrossReviewItemSerializer})
    @action(detail=True, methods=["post"])
    def answer(self, request, pk=None) -> Response:
        data = parse_input(CrossReviewAnswerInput, request)
        item = services.cross_review_answer(item=self.get_object(), by=request.user, answers=data["answers"],
                                            note=data["note"], expected_version=data.get("version"))  # fmt: skip
        return Response(CrossReviewItemSerializer(item).data)

    @extend_schema(request=CrossReviewFindingInput, responses={201: SupervisionFindingSerializer})
    @action(detail=True, methods=["post"])
    def finding(self, request, pk=None) -> Response:
        finding = services.cross_review_finding(item=self.get_object(), by=request.user,
                                                **parse_input(CrossReviewFindingInput, request))  # fmt: skip
        return Response(SupervisionFindingSerializer(finding).data, status=201)


def register(router) -> None:
    router.register("must-attend-occasions", OccasionViewSet, basename="integrity-mustattendoccasion")
    router.register("supervision-activities", ActivityViewSet, basename="integrity-supervisionactivity")
    router.register("supervision-findings", FindingViewSet, basename="integrity-supervisionfinding")
    router.register("cross-reviews", CrossReviewViewSet, basename="integrity-crossreview")
    router.register("cross-review-items", CrossReviewItemViewSet, basename="integrity-crossreviewitem")
