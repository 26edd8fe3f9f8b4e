"""API: /api/v1/training-sessions/ (list, retrieve, create, update; add a person to the roster; import a
sign-in sheet; the year's coverage), /api/v1/training-attendees/ (read-only, phones masked),
/api/v1/publicity-drives/ (list, retrieve, create, update; add a photo; the year's reach),
/api/v1/materials/ (list, retrieve, create, update; print runs and distributions with the stock) and
/api/v1/education-bases/ (list, retrieve, create, update; visits). The same services and filters as the
pages."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from flameblue.core.api import (
    ScopedPrimaryKeyRelatedField,
    ScopedReadOnlyViewSet,
    ServiceWriteViewSet,
    VersionedSerializer,
    parse_input,
)
from flameblue.core.filters import YEAR_RANGE
from flameblue.geo.choices import RegionLevel
from flameblue.geo.models import Region
from flameblue.org.models import Organization, Person
from flameblue.outreach import services
from flameblue.outreach.choices import TermKind
from flameblue.outreach.filters import BaseFilter, DriveFilter, MaterialFilter, SessionFilter
from flameblue.outreach.forms import ORGANISER_KINDS
from flameblue.outreach.models import (
    Attendee,
    BaseVisit,
    Distribution,
    EducationBase,
    Material,
    PrintRun,
    PublicityDrive,
    Term,
    TrainingSession,
)
from flameblue.outreach.selectors import materials_with_stock, publicity_reach, training_coverage
from flameblue.units.models import Unit

__all__ = ["register"]


def _terms(kind: str, **kw: Any) -> serializers.PrimaryKeyRelatedField:
    return serializers.PrimaryKeyRelatedField(queryset=Term.objects.filter(kind=kind, active=True), **kw)


def _organiser() -> ScopedPrimaryKeyRelatedField:
    return ScopedPrimaryKeyRelatedField(queryset=Organization.objects.filter(kind__in=ORGANISER_KINDS))


class YearQuery(serializers.Serializer):
    year = serializers.IntegerField(required=False, min_value=YEAR_RANGE[0], max_value=YEAR_RANGE[1])


def _year(request) -> int:
    parsed = YearQuery(data=request.query_params)
    parsed.is_valid(raise_exception=True)
    return parsed.validated_data.get("year") or timezone.localdate().year


YEAR = OpenApiParameter("year", int, description="年度，默认今年")


# --- training ---------------------------------------------------------------------------------------------


class TrainingSessionSerializer(VersionedSerializer):
    session_type = _terms(TermKind.TRAINING_TYPE)
    rules_taught = _terms(TermKind.RULE_TAUGHT, many=True, required=False)
    audiences = _terms(TermKind.AUDIENCE, many=True, required=False)
    organiser = _organiser()
    roster = serializers.IntegerField(source="attendees.count", read_only=True)

    class Meta:
        model = TrainingSession
        fields = ["id", "title", "session_type", "rules_taught", "organiser", "region", "held_on", "place",
                  "audiences", "head_count", "note", "roster", "terms_version", "version"]  # fmt: skip
        read_only_fields = ["region", "terms_version"]


class AttendeeSerializer(serializers.ModelSerializer):
    audience_name = serializers.CharField(source="audience.name", read_only=True)

    class Meta:
        model = Attendee
        fields = ["id", "session", "person", "name", "organization", "organization_name", "title", "phone_masked",
                  "audience", "audience_name", "source_row"]  # fmt: skip
        read_only_fields = fields


class AttendeeInput(serializers.Serializer):
    person = ScopedPrimaryKeyRelatedField(queryset=Person.objects.all())
    audience = _terms(TermKind.AUDIENCE)


class TrainingFileInput(serializers.Serializer):
    file = serializers.FileField()


class SigninResult(serializers.Serializer):
    created = serializers.IntegerField()
    matched = serializers.IntegerField()


class SigninProblem(serializers.Serializer):
    row = serializers.IntegerField(allow_null=True)
    column = serializers.CharField()
    message = serializers.CharField()


class SigninRefusal(serializers.Serializer):
    detail = serializers.CharField()
    errors = SigninProblem(many=True)


class OrgCoverageSerializer(serializers.Serializer):
    name = serializers.CharField()
    kind = serializers.CharField()
    region = serializers.CharField()
    leaders = serializers.IntegerField()
    department_heads = serializers.IntegerField()
    attendees = serializers.IntegerField()
    session_count = serializers.IntegerField()


class CoverageSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    sessions = serializers.IntegerField()
    attendees = serializers.IntegerField()
    roster_sessions = serializers.IntegerField()
    roster_attendees = serializers.IntegerField()
    leaders = serializers.IntegerField()
    department_heads = serializers.IntegerField()
    headcount_officials = serializers.IntegerField()
    officials = serializers.IntegerField()
    governments = serializers.IntegerField()
    departments = serializers.IntegerField()
    by_organization = OrgCoverageSerializer(many=True)


@extend_schema(tags=["outreach"])
class SessionViewSet(ServiceWriteViewSet):
    """培训（宣贯会、专题培训、消防大讲堂）：列出、查看、登记、修改；加入花名册；导入签到表；年度覆盖面。"""

    queryset = TrainingSession.objects.select_related("organiser").prefetch_related(
        "rules_taught", "audiences"
    )
    serializer_class = TrainingSessionSerializer
    filterset_class = SessionFilter
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    scoped_actions = {"attendees": "change", "signin": "change", "coverage": "view"}

    def get_queryset(self):
        return super().get_queryset().order_by("-held_on", "-pk")

    def create_object(self, data):
        return services.session_create(by=self.request.user, data=data)

    def update_object(self, obj, data, version):
        return services.session_update(obj, by=self.request.user, data=data, expected_version=version)

    @extend_schema(request=AttendeeInput, responses={201: AttendeeSerializer})
    @action(detail=True, methods=["post"])
    def attendees(self, request, pk=None) -> Response:
        session = self.get_object()  # out of scope is 404 before any input is judged
        attendee = services.attendee_add(
            session=session, by=request.user, **parse_input(AttendeeInput, request)
        )
        return Response(AttendeeSerializer(attendee).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request={"multipart/form-data": TrainingFileInput}, responses={201: SigninResult, 400: SigninRefusal}
    )
    @action(detail=True, methods=["post"])
    def signin(self, request, pk=None) -> Response:
        """导入签到表（.xlsx）：先校验全部行；任一行有误则不导入，逐条返回行号、列名和原因。"""
        session = self.get_object()
        upload = parse_input(TrainingFileInput, request)["file"]
        try:
            result = services.signin_import(session=session, upload=upload, by=request.user)
        except services.SigninRefused as exc:
            body = {"detail": exc.message, "errors": [e.as_dict() for e in exc.errors]}
            return Response(body, status=status.HTTP_400_BAD_REQUEST)
        return Response(
            {"created": result.created, "matched": result.matched}, status=status.HTTP_201_CREATED
        )

    @extend_schema(parameters=[YEAR], responses=CoverageSerializer, filters=False)
    @action(detail=False, methods=["get"], filter_backends=[], pagination_class=None)
    def coverage(self, request) -> Response:
        """年度培训覆盖面：党政领导、部门负责人人数（按人去重），场次，参训人次，按政府和部门列出。"""
        return Response(CoverageSerializer(training_coverage(request.user, _year(request))).data)


@extend_schema(tags=["outreach"])
class AttendeeViewSet(ScopedReadOnlyViewSet):
    """参训人员（只读，手机号仅脱敏保存）。"""

    queryset = Attendee.objects.select_related("audience").order_by("session_id", "id")
    serializer_class = AttendeeSerializer
    filterset_fields = ["session"]


# --- publicity --------------------------------------------------------------------------------------------


class DriveSerializer(VersionedSerializer):
    drive_type = _terms(TermKind.DRIVE_TYPE)
    target = _terms(TermKind.DRIVE_TARGET, required=False, allow_null=True)
    township = ScopedPrimaryKeyRelatedField(queryset=Region.objects.filter(level=RegionLevel.TOWNSHIP))
    organiser = _organiser()

    class Meta:
        model = PublicityDrive
        fields = ["id", "title", "drive_type", "target", "held_on", "township", "organiser", "present",
                  "online_views", "account", "terms_version", "version"]  # fmt: skip
        read_only_fields = ["terms_version"]


class PhotoInput(serializers.Serializer):
    photo = serializers.FileField()


class PhotoSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    original_name = serializers.CharField()
    content_type = serializers.CharField()
    size = serializers.IntegerField()


class ReachRowSerializer(serializers.Serializer):
    label = serializers.CharField()
    drives = serializers.IntegerField()
    present = serializers.IntegerField()
    online_views = serializers.IntegerField()


class ReachSerializer(serializers.Serializer):
    by_target = ReachRowSerializer(many=True)
    by_township = ReachRowSerializer(many=True)
    by_type = ReachRowSerializer(many=True)


@extend_schema(tags=["outreach"])
class DriveViewSet(ServiceWriteViewSet):
    """消防宣传活动（七进、119宣传周、3.15 销毁仪式、媒体宣传、消防大讲堂）：列出、查看、登记、修改；上传照片；年度覆盖面。"""

    queryset = PublicityDrive.objects.select_related("drive_type", "target", "township")
    serializer_class = DriveSerializer
    filterset_class = DriveFilter
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    scoped_actions = {"photos": "change", "reach": "view"}

    def get_queryset(self):
        return super().get_queryset().order_by("-held_on", "-pk")

    def create_object(self, data):
        return services.drive_create(by=self.request.user, data=data)

    def update_object(self, obj, data, version):
        return services.drive_update(obj, by=self.request.user, data=data, expected_version=version)

    @extend_schema(request={"multipart/form-data": PhotoInput}, responses={201: PhotoSerializer})
    @action(detail=True, methods=["post"])
    def photos(self, request, pk=None) -> Response:
        """上传活动照片（JPEG/PNG，按内容校验类型和大小，去除 EXIF）。"""
        drive = self.get_object()
        stored = services.drive_photo_add(
            drive=drive, upload=parse_input(PhotoInput, request)["photo"], by=request.user
        )
        return Response(PhotoSerializer(stored).data, status=status.HTTP_201_CREATED)

    @extend_schema(parameters=[YEAR], responses=ReachSerializer, filters=False)
    @action(detail=False, methods=["get"], filter_backends=[], pagination_class=None)
    def reach(self, request) -> Response:
        """年度宣传覆盖面：按“七进”对象、乡镇（街道）和活动类型统计次数、现场人数和网络浏览量。"""
        return Response(ReachSerializer(publicity_reach(request.user, _year(request))).data)


# --- materials --------------------------------------------------------------------------------------------


class PrintRunSerializer(serializers.ModelSerializer):
    class Meta:
        model = PrintRun
        fields = ["id", "printed_on", "copies", "printer"]


class DistributionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Distribution
        fields = ["id", "distributed_on", "township", "unit", "recipient", "copies"]


class MaterialSerializer(VersionedSerializer):
    organiser = _organiser()
    printed = serializers.IntegerField(read_only=True)
    distributed = serializers.IntegerField(read_only=True)
    stock = serializers.SerializerMethodField()

    class Meta:
        model = Material
        fields = ["id", "title", "kind", "organiser", "region", "note", "printed", "distributed", "stock",
                  "version"]  # fmt: skip
        read_only_fields = ["region"]

    def get_stock(self, obj: Material) -> int:
        return services.stock(obj).left


class PrintRunInput(serializers.Serializer):
    printed_on = serializers.DateField()
    copies = serializers.IntegerField(min_value=1)
    printer = serializers.CharField(max_length=120, required=False, allow_blank=True, default="")


class DistributionInput(serializers.Serializer):
    distributed_on = serializers.DateField()
    township = serializers.PrimaryKeyRelatedField(queryset=Region.objects.filter(level=RegionLevel.TOWNSHIP))
    unit = ScopedPrimaryKeyRelatedField(
        queryset=Unit.objects.all(), required=False, allow_null=True, default=None
    )
    recipient = serializers.CharField(max_length=120, required=False, allow_blank=True, default="")
    copies = serializers.IntegerField(min_value=1)


@extend_schema(tags=["outreach"])
class MaterialViewSet(ServiceWriteViewSet):
    """宣传资料：列出、查看、登记、修改；印制批次；发放（不得超过库存）。"""

    queryset = Material.objects.select_related("organiser")
    serializer_class = MaterialSerializer
    filterset_class = MaterialFilter
    scoped_actions = {"print_runs": "change", "distributions": "change"}

    def get_queryset(self):
        return materials_with_stock(super().get_queryset()).order_by("region_id", "title", "pk")

    def create_object(self, data):
        return services.material_create(by=self.request.user, data=data)

    def update_object(self, obj, data, version):
        return services.material_update(obj, by=self.request.user, data=data, expected_version=version)

    @extend_schema(request=PrintRunInput, responses={201: PrintRunSerializer})
    @action(detail=True, methods=["post"], url_path="print-runs")
    def print_runs(self, request, pk=None) -> Response:
        run = services.print_run_add(
            material=self.get_object(), by=request.user, **parse_input(PrintRunInput, request)
        )
        return Response(PrintRunSerializer(run).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=DistributionInput, responses={201: DistributionSerializer})
    @action(detail=True, methods=["post"])
    def distributions(self, request, pk=None) -> Response:
        """发放：超过库存则拒绝（400，写明现有库存）。"""
        material = self.get_object()
        row = services.distribution_add(
            material=material, by=request.user, **parse_input(DistributionInput, request)
        )
        return Response(DistributionSerializer(row).data, status=status.HTTP_201_CREATED)


# --- education bases --------------------------------------------------------------------------------------


class BaseSerializer(VersionedSerializer):
    kind = _terms(TermKind.BASE_KIND)
    region = ScopedPrimaryKeyRelatedField(queryset=Region.objects.all())
    operator = ScopedPrimaryKeyRelatedField(
        queryset=Organization.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = EducationBase
        fields = ["id", "name", "kind", "region", "place", "operator", "opened_on", "note", "terms_version",
                  "version"]  # fmt: skip
        read_only_fields = ["terms_version"]


class VisitSerializer(serializers.ModelSerializer):
    class Meta:
        model = BaseVisit
        fields = ["id", "visited_on", "group_name", "visitors"]


@extend_schema(tags=["outreach"])
class BaseViewSet(ServiceWriteViewSet):
    """消防教育基地（四类）：列出、查看、登记、修改；参观登记。"""

    queryset = EducationBase.objects.select_related("kind", "region")
    serializer_class = BaseSerializer
    filterset_class = BaseFilter
    scoped_actions = {"visits": "change"}

    def get_queryset(self):
        return super().get_queryset().order_by("region_id", "name", "pk")

    def create_object(self, data):
        return services.base_create(by=self.request.user, data=data)

    def update_object(self, obj, data, version):
        return services.base_update(obj, by=self.request.user, data=data, expected_version=version)

    @extend_schema(request=VisitSerializer, responses={201: VisitSerializer})
    @action(detail=True, methods=["post"])
    def visits(self, request, pk=None) -> Response:
        base = self.get_object()
        visit = services.visit_add(base=base, by=request.user, **parse_input(VisitSerializer, request))
        return Response(VisitSerializer(visit).data, status=status.HTTP_201_CREATED)


def register(router) -> None:
    router.register("training-sessions", SessionViewSet, basename="outreach-session")
    router.register("training-attendees", AttendeeViewSet, basename="outreach-attendee")
    router.register("publicity-drives", DriveViewSet, basename="outreach-drive")
    router.register("materials", MaterialViewSet, basename="outreach-material")
    router.register("education-bases", BaseViewSet, basename="outreach-base")
