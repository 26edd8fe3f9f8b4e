"""API: /api/v1/community-education/ (programmes: list, retrieve, create, record a session with its roster)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from flameblue.community.education import services
from flameblue.community.education.models import EducationProgramme, EducationSession, SessionType
from flameblue.core.api import ScopedViewSetMixin, parse_input
from flameblue.org.choices import FIRE_SERVICE_KINDS
from flameblue.org.models import Organization, Person

__all__ = ["ProgrammeViewSet"]


class EducationSessionSerializer(serializers.ModelSerializer):
    session_type = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = EducationSession
        fields = [
            "id",
            "session_type",
            "types_version",
            "organization",
            "title",
            "held_on",
            "place",
            "teacher",
            "attendees",
        ]
        read_only_fields = fields


class EducationProgrammeSerializer(serializers.ModelSerializer):
    sessions = EducationSessionSerializer(many=True, read_only=True)

    class Meta:
        model = EducationProgramme
        fields = ["id", "title", "organization", "starts_on", "ends_on", "aims", "sessions", "version"]
        read_only_fields = fields


ORGS = Organization.objects.filter(kind__in=FIRE_SERVICE_KINDS)


class EducationProgrammeInput(serializers.Serializer):
    title = serializers.CharField(max_length=200, label="教育名称")
    organization = serializers.PrimaryKeyRelatedField(queryset=ORGS, label="组织单位")
    starts_on = serializers.DateField(label="开始日期")
    ends_on = serializers.DateField(label="结束日期")
    aims = serializers.CharField(required=False, allow_blank=True, default="", label="目标与要求")


class EducationSessionInput(serializers.Serializer):
    session_type = serializers.SlugRelatedField(
        slug_field="code", queryset=SessionType.objects.filter(active=True), label="教育形式"
    )
    organization = serializers.PrimaryKeyRelatedField(queryset=ORGS, label="承办单位")
    title = serializers.CharField(max_length=200, label="场次主题")
    held_on = serializers.DateField(label="日期")
    place = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    teacher = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    attendees = serializers.PrimaryKeyRelatedField(
        queryset=Person.objects.all(), many=True, required=False, default=list
    )


@extend_schema(tags=["community"])
class ProgrammeViewSet(
    ScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """政治教育专题：列出、查看、登记，登记教育场次及参加人员。"""

    queryset = EducationProgramme.objects.prefetch_related(
        "sessions__session_type", "sessions__attendees"
    ).order_by("-starts_on", "-pk")
    serializer_class = EducationProgrammeSerializer
    scoped_actions = {"create": "add", "sessions": "view"}

    @extend_schema(request=EducationProgrammeInput, responses={201: EducationProgrammeSerializer})
    def create(self, request, *args: Any, **kwargs: Any) -> Response:
        programme = services.programme_create(
            by=request.user, **parse_input(EducationProgrammeInput, request)
        )
        return Response(EducationProgrammeSerializer(programme).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=EducationSessionInput, responses={201: EducationProgrammeSerializer})
    @action(detail=True, methods=["post"])
    def sessions(self, request, pk: str | None = None) -> Response:
        programme = self.get_object()
        services.session_record(
            by=request.user, programme=programme, **parse_input(EducationSessionInput, request)
        )
        return Response(
            EducationProgrammeSerializer(self.get_queryset().get(pk=programme.pk)).data,
            status=status.HTTP_201_CREATED,
        )
