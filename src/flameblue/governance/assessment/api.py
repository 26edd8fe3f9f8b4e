"""API of the annual assessment: /api/v1/assessments/ (list, retrieve, open, start review, publish),
/api/v1/assessment-entries/ (list, retrieve with item scores, submit the self-assessment, complete the review)
and /api/v1/assessment-scores/ (list, retrieve, self-assess with evidence, review). The same services as the
pages; refusals answer 400 with the message, a move in the wrong state 409."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from flameblue.core.api import (
    ScopedPrimaryKeyRelatedField,
    ScopedReadOnlyViewSet,
    ScopedViewSetMixin,
    VersionInput,
    parse_input,
)
from flameblue.governance.assessment import services
from flameblue.governance.assessment.models import Assessment, AssessmentEntry, ItemScore
from flameblue.governance.models import AssessmentScheme
from flameblue.org.models import Organization

__all__ = ["AssessmentEntryViewSet", "AssessmentViewSet", "ItemScoreViewSet", "register"]


class ItemScoreSerializer(serializers.ModelSerializer):
    code = serializers.CharField(source="item.code", read_only=True)
    title = serializers.CharField(source="item.title", read_only=True)
    weight = serializers.DecimalField(source="item.weight", max_digits=5, decimal_places=2, read_only=True)
    method = serializers.CharField(source="item.method", read_only=True)

    class Meta:
        model = ItemScore
        fields = ["id", "entry", "code", "title", "weight", "method", "computed_score", "computed_detail",
                  "self_score", "self_note", "events", "veto", "final_score", "review_reason"]  # fmt: skip
        read_only_fields = fields


class EntrySerializer(serializers.ModelSerializer):
    assessed_name = serializers.CharField(source="assessed.name", read_only=True)
    year = serializers.IntegerField(source="assessment.year", read_only=True)
    scores = ItemScoreSerializer(many=True, read_only=True)

    class Meta:
        model = AssessmentEntry
        fields = ["id", "assessment", "year", "assessed", "assessed_name", "status", "version", "total",
                  "vetoed", "grade", "rank", "scores"]  # fmt: skip
        read_only_fields = fields


class AssessmentSerializer(serializers.ModelSerializer):
    organizer_name = serializers.CharField(source="organizer.name", read_only=True)

    class Meta:
        model = Assessment
        fields = ["id", "year", "title", "organizer", "organizer_name", "scheme", "scheme_version", "status",
                  "version", "published_at"]  # fmt: skip
        read_only_fields = fields


class OpenInput(serializers.Serializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    organizer = ScopedPrimaryKeyRelatedField(queryset=Organization.objects.all())
    scheme = serializers.PrimaryKeyRelatedField(queryset=AssessmentScheme.objects.filter(is_active=True))
    assessed = ScopedPrimaryKeyRelatedField(queryset=Organization.objects.all(), many=True)
    title = serializers.CharField(required=False, allow_blank=True)


class SelfAssessInput(serializers.Serializer):
    self_score = serializers.DecimalField(max_digits=5, decimal_places=2, required=False, allow_null=True)
    events = serializers.IntegerField(min_value=0, required=False, allow_null=True)
    veto = serializers.BooleanField(required=False)
    note = serializers.CharField(required=False, allow_blank=True)
    evidence = serializers.ListField(child=serializers.FileField(), required=False)


class ReviewInput(serializers.Serializer):
    final_score = serializers.DecimalField(max_digits=5, decimal_places=2, required=False, allow_null=True)
    events = serializers.IntegerField(min_value=0, required=False, allow_null=True)
    veto = serializers.BooleanField(required=False, allow_null=True, default=None)
    reason = serializers.CharField(required=False, allow_blank=True)
    evidence = serializers.ListField(child=serializers.FileField(), required=False)


def _parse(serializer: type[serializers.Serializer], request) -> dict[str, Any]:
    if not hasattr(request.data, "keys"):  # a JSON string or list instead of an object
        raise serializers.ValidationError({"non_field_errors": ["请求体应为 JSON 对象。"]})
    data = request.data.copy() if hasattr(request.data, "copy") else dict(request.data)
    if hasattr(request, "FILES") and request.FILES.getlist("evidence"):
        data.setlist("evidence", request.FILES.getlist("evidence"))
    parsed = serializer(data=data, context={"request": request})
    parsed.is_valid(raise_exception=True)
    return dict(parsed.validated_data)


def _version(request) -> int | None:
    return _parse(VersionInput, request).get("version")


@extend_schema(tags=["governance"])
class AssessmentViewSet(
    ScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """年度考核：列出、查看、开启考核、截止自评开始审核、公布结果。"""

    queryset = Assessment.objects.select_related("organizer")
    serializer_class = AssessmentSerializer
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    scoped_actions = {"create": "add", "start_review": "review", "publish": "publish"}

    @extend_schema(request=OpenInput, responses={201: AssessmentSerializer})
    def create(self, request, *args: Any, **kwargs: Any) -> Response:
        assessment = services.assessment_open(by=request.user, **_parse(OpenInput, request))
        return Response(AssessmentSerializer(assessment).data, status=201)

    @extend_schema(request=VersionInput, responses=AssessmentSerializer)
    @action(detail=True, methods=["post"], url_path="start-review")
    def start_review(self, request, pk=None) -> Response:
        assessment = services.assessment_start_review(
            by=request.user, assessment=self.get_object(), expected_version=_version(request)
        )
        return Response(AssessmentSerializer(assessment).data)

    @extend_schema(request=VersionInput, responses=AssessmentSerializer)
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None) -> Response:
        assessment = services.assessment_publish(
            by=request.user, assessment=self.get_object(), expected_version=_version(request)
        )
        return Response(AssessmentSerializer(assessment).data)


class EntryReturnInput(VersionInput):
    reason = serializers.CharField(label="退回修改的理由")


@extend_schema(tags=["governance"])
class AssessmentEntryViewSet(ScopedReadOnlyViewSet):
    """考核对象：列出、查看（含各项得分）、提交自评、完成审核、退回修改。"""

    queryset = AssessmentEntry.objects.select_related("assessment", "assessed").prefetch_related(
        "scores__item"
    )
    serializer_class = EntrySerializer
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    scoped_actions = {"submit": "submit", "complete_review": "view", "send_back": "view"}

    @extend_schema(request=VersionInput, responses=EntrySerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None) -> Response:
        entry = services.entry_submit(
            by=request.user, entry=self.get_object(), expected_version=_version(request)
        )
        return Response(EntrySerializer(entry).data)

    @extend_schema(request=VersionInput, responses=EntrySerializer)
    @action(detail=True, methods=["post"], url_path="complete-review")
    def complete_review(self, request, pk=None) -> Response:
        entry = services.entry_review_complete(
            by=request.user, entry=self.get_object(), expected_version=_version(request)
        )
        return Response(EntrySerializer(entry).data)

    @extend_schema(request=EntryReturnInput, responses=EntrySerializer)
    @action(detail=True, methods=["post"], url_path="send-back")
    def send_back(self, request, pk=None) -> Response:
        data = parse_input(EntryReturnInput, request)
        entry = services.entry_return(
            by=request.user,
            entry=self.get_object(),
            reason=data["reason"],
            expected_version=data.get("version"),
        )
        return Response(EntrySerializer(entry).data)


@extend_schema(tags=["governance"])
class ItemScoreViewSet(ScopedReadOnlyViewSet):
    """考核项目得分：查看；被考核单位自评（附佐证材料），考核组审核调整（须写明理由）。"""

    queryset = ItemScore.objects.select_related("item")
    serializer_class = ItemScoreSerializer
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    scoped_actions = {"self_assess": "change", "review": "view"}

    @extend_schema(request=SelfAssessInput, responses=ItemScoreSerializer)
    @action(detail=True, methods=["post"], url_path="self-assess")
    def self_assess(self, request, pk=None) -> Response:
        score = services.item_self_assess(
            by=request.user, score=self.get_object(), **_parse(SelfAssessInput, request)
        )
        return Response(ItemScoreSerializer(score).data)

    @extend_schema(request=ReviewInput, responses=ItemScoreSerializer)
    @action(detail=True, methods=["post"])
    def review(self, request, pk=None) -> Response:
        score = services.item_review(by=request.user, score=self.get_object(), **_parse(ReviewInput, request))
        return Response(ItemScoreSerializer(score).data)


def register(router) -> None:
    router.register("assessments", AssessmentViewSet, basename="governance-assessment")
    router.register("assessment-entries", AssessmentEntryViewSet, basename="governance-assessmententry")
    router.register("assessment-scores", ItemScoreViewSet, basename="governance-itemscore")
