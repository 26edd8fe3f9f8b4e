"""``/api/v1/annual-reports/``: the annual work summaries in the reader's jurisdiction. Create one (the draft
from the records), read its latest version (``?version=N`` an earlier one), save edited text (``edit``),
refresh its figures (``refresh``), list its versions and export it (``export?as=docx|json|md``)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.response import Response

from flameblue.core.api import VERSION_HELP, ScopedViewSetMixin, parse_input
from flameblue.core.http import attachment_response
from flameblue.org.models import Organization
from flameblue.reports.models import AnnualReport, AnnualReportVersion
from flameblue.reports.summary import services
from flameblue.reports.summary.output import FORMATS, filename, render, summary_of

__all__ = ["AnnualReportViewSet"]

VERSION_PARAMETER = OpenApiParameter("version", OpenApiTypes.INT, description="版本号（默认最新版本）")


class BlockSerializer(serializers.Serializer):
    key = serializers.CharField()
    level = serializers.IntegerField(read_only=True)
    heading = serializers.CharField(allow_blank=True, required=False)
    text = serializers.CharField(allow_blank=True, required=False, help_text="正文，{代码} 为统计数字占位符")


class SummaryVersionSerializer(serializers.ModelSerializer):
    blocks = BlockSerializer(many=True, read_only=True)
    figures = serializers.DictField(child=serializers.CharField(), read_only=True)
    changed = serializers.DictField(child=serializers.ListField(child=serializers.CharField(allow_null=True)),
                                    read_only=True)  # fmt: skip
    created_by = serializers.SerializerMethodField()

    class Meta:
        model = AnnualReportVersion
        fields = ["number", "kind", "note", "created_at", "created_by", "blocks", "figures", "changed"]

    def get_created_by(self, obj) -> str | None:
        return _saved_by(obj)


def _saved_by(version) -> str | None:
    return version.created_by.get_username() if version.created_by else None


class VersionSummarySerializer(serializers.ModelSerializer):
    created_by = serializers.SerializerMethodField()

    class Meta:
        model = AnnualReportVersion
        fields = ["number", "kind", "note", "created_at", "created_by", "changed"]

    def get_created_by(self, obj) -> str | None:
        return _saved_by(obj)


class AnnualReportSerializer(serializers.ModelSerializer):
    organization_name = serializers.CharField(source="organization.name", read_only=True)
    latest = serializers.SerializerMethodField()

    class Meta:
        model = AnnualReport
        fields = ["id", "organization", "organization_name", "region", "year", "title", "template_version",
                  "version", "created_at", "updated_at", "latest"]  # fmt: skip
        read_only_fields = fields

    def get_latest(self, obj) -> int | None:
        return obj.versions.order_by("-number").values_list("number", flat=True).first()


class AnnualReportCreateInput(serializers.Serializer):
    organization = serializers.PrimaryKeyRelatedField(queryset=Organization.objects.all())
    year = serializers.IntegerField(min_value=2000)


class AnnualReportEditInput(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    blocks = BlockSerializer(many=True)
    version = serializers.IntegerField(required=False, min_value=1, help_text=VERSION_HELP)
    note = serializers.CharField(max_length=200, required=False, allow_blank=True)


class RefreshInput(serializers.Serializer):
    version = serializers.IntegerField(required=False, min_value=1, help_text=VERSION_HELP)


class AnnualReportViewSet(
    ScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    queryset = AnnualReport.objects.select_related("organization").order_by("-year", "id")
    serializer_class = AnnualReportSerializer
    scoped_actions = {"create": "add", "edit": "change", "refresh": "change"}

    def _version(self, report: AnnualReport) -> AnnualReportVersion:
        raw = self.request.query_params.get("version")
        if raw is None:
            return report.latest
        if not raw.isdigit():
            raise ApiValidationError({"version": ["版本号须为正整数。"]})
        return get_object_or_404(report.versions, number=int(raw))

    @extend_schema(request=AnnualReportCreateInput, responses={201: AnnualReportSerializer})
    def create(self, request):
        data = parse_input(AnnualReportCreateInput, request)
        if not services.reporting_organizations(request.user).filter(pk=data["organization"].pk).exists():
            raise ApiValidationError({"organization": ["您不能为该单位撰写年度工作总结。"]})
        report = services.create_report(by=request.user, organization=data["organization"], year=data["year"])
        return Response(AnnualReportSerializer(report).data, status=status.HTTP_201_CREATED)

    @extend_schema(parameters=[VERSION_PARAMETER], responses=SummaryVersionSerializer)
    @action(detail=True, methods=["get"], url_path="text")
    def text(self, request, pk=None):
        return Response(SummaryVersionSerializer(self._version(self.get_object())).data)

    @extend_schema(responses=VersionSummarySerializer(many=True))
    @action(detail=True, methods=["get"])
    def versions(self, request, pk=None):
        rows = self.get_object().versions.select_related("created_by").order_by("-number")
        return Response(VersionSummarySerializer(rows, many=True).data)

    @extend_schema(request=AnnualReportEditInput, responses=SummaryVersionSerializer)
    @action(detail=True, methods=["post"])
    def edit(self, request, pk=None):
        data = parse_input(AnnualReportEditInput, request)
        version = services.save_edit(
            self.get_object(), by=request.user, title=data["title"], blocks=[dict(b) for b in data["blocks"]],
            expected_version=data.get("version"), note=data.get("note", ""),
        )  # fmt: skip
        return Response(SummaryVersionSerializer(version).data)

    @extend_schema(request=RefreshInput, responses=SummaryVersionSerializer)
    @action(detail=True, methods=["post"])
    def refresh(self, request, pk=None):
        data = parse_input(RefreshInput, request)
        version = services.refresh_figures(
            self.get_object(), by=request.user, expected_version=data.get("version")
        )
        return Response(SummaryVersionSerializer(version).data)

    @extend_schema(
        parameters=[VERSION_PARAMETER, OpenApiParameter("as", OpenApiTypes.STR, enum=list(FORMATS),
                                                        description="docx、json 或 md（默认 docx）")],
        responses={(200, "application/octet-stream"): OpenApiResponse(OpenApiTypes.BINARY)},
    )  # fmt: skip
    @action(detail=True, methods=["get"])
    def export(self, request, pk=None):
        fmt = request.query_params.get("as", "docx")
        if fmt not in FORMATS:
            raise NotFound()
        summary = summary_of(self._version(self.get_object()))
        return attachment_response(render(summary, fmt), filename(summary, fmt), "application/octet-stream")


def register(router) -> None:
    router.register("annual-reports", AnnualReportViewSet, basename="annual-report")
