"""API: /api/v1/events/ (list, retrieve, prepare, readiness, start, end, daily reports, incidents, venues) and
/api/v1/event-venues/ (list, retrieve, duty posts, shifts, risk acceptance, start the pre-event inspection).
The same services, selectors and filters as the pages."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from flameblue.core.api import (
    ScopedPrimaryKeyRelatedField,
    ScopedReadOnlyViewSet,
    ScopedViewSetMixin,
    VersionInput,
    parse_input,
)
from flameblue.events import services
from flameblue.events.choices import EventLevel
from flameblue.events.filters import EventFilter
from flameblue.events.forms import ORGANISER_KINDS
from flameblue.events.models import DailyReport, DutyPost, Event, Incident, RosterShift, Venue
from flameblue.events.selectors import readiness
from flameblue.geo.models import Region
from flameblue.hazards.models import Hazard
from flameblue.org.models import Organization, Person
from flameblue.units.models import Unit

__all__ = ["EventViewSet", "VenueViewSet", "register"]


class EventSerializer(serializers.ModelSerializer):
    organiser_name = serializers.CharField(source="organiser.name", read_only=True)

    class Meta:
        model = Event
        fields = ["id", "name", "level", "organiser", "organiser_name", "region", "starts_on", "ends_on",
                  "description", "status", "summary", "version"]  # fmt: skip
        read_only_fields = fields


class EventInput(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    level = serializers.ChoiceField(choices=EventLevel.choices)
    organiser = ScopedPrimaryKeyRelatedField(queryset=Organization.objects.filter(kind__in=ORGANISER_KINDS))
    region = ScopedPrimaryKeyRelatedField(queryset=Region.objects.all())
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    description = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)


class EventEndInput(VersionInput):
    summary = serializers.CharField(max_length=5000)


class EventVenueSerializer(serializers.ModelSerializer):
    class Meta:
        model = Venue
        fields = ["id", "event", "name", "unit", "region", "address", "latitude", "longitude", "site_checked_on",
                  "site_check_note"]  # fmt: skip
        read_only_fields = fields


class EventVenueInput(serializers.Serializer):
    unit = ScopedPrimaryKeyRelatedField(
        queryset=Unit.objects.all(), required=False, allow_null=True, default=None
    )
    name = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    region = serializers.PrimaryKeyRelatedField(queryset=Region.objects.all(), required=False, allow_null=True,
                                                default=None)  # fmt: skip
    address = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    latitude = serializers.DecimalField(
        max_digits=9, decimal_places=6, required=False, allow_null=True, default=None
    )
    longitude = serializers.DecimalField(max_digits=9, decimal_places=6, required=False, allow_null=True,
                                         default=None)  # fmt: skip


class DailyReportSerializer(serializers.ModelSerializer):
    class Meta:
        model = DailyReport
        fields = [
            "id",
            "event",
            "date",
            "summary",
            "staff_on_duty",
            "vehicles_on_duty",
            "checks",
            "hazards_found",
        ]
        read_only_fields = ["id", "event"]


class EventIncidentSerializer(serializers.ModelSerializer):
    venue = serializers.PrimaryKeyRelatedField(queryset=Venue.objects.all(), required=False, allow_null=True)

    class Meta:
        model = Incident
        fields = ["id", "event", "venue", "occurred_at", "kind", "description", "handled", "handling"]
        read_only_fields = ["id", "event"]


class PostStaffingSerializer(serializers.Serializer):
    post = serializers.IntegerField(source="post.pk")
    name = serializers.CharField(source="post.name")
    missing_days = serializers.ListField(child=serializers.DateField())
    staffed = serializers.BooleanField()


class VenueReadyStateSerializer(serializers.Serializer):
    venue = serializers.IntegerField(source="venue.pk")
    name = serializers.CharField(source="venue.name")
    checked = serializers.BooleanField()
    open_hazards = serializers.IntegerField()
    staffed = serializers.BooleanField()
    ready = serializers.BooleanField()
    posts = PostStaffingSerializer(many=True)


class EventReadinessSerializer(serializers.Serializer):
    green = serializers.BooleanField()
    venues = VenueReadyStateSerializer(many=True)


@extend_schema(tags=["events"])
class EventViewSet(
    ScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """重大活动消防安保：列出、查看、登记、就绪情况、进入安保、结束（总结）、场所、日报、警情。"""

    queryset = Event.objects.select_related("organiser")
    serializer_class = EventSerializer
    filterset_class = EventFilter
    scoped_actions = {"create": "add", "start": "command", "end": "command", "venues": "change",
                      "reports": "change", "incidents": "change"}  # fmt: skip

    def _out(self, event: Event, status: int = 200) -> Response:
        event.refresh_from_db()
        return Response(EventSerializer(event).data, status=status)

    @extend_schema(request=EventInput, responses={201: EventSerializer})
    def create(self, request, *args: Any, **kwargs: Any) -> Response:
        return self._out(services.event_create(by=request.user, **parse_input(EventInput, request)), 201)

    @extend_schema(responses=EventReadinessSerializer)
    @action(detail=True, methods=["get"])
    def readiness(self, request, pk=None) -> Response:
        return Response(EventReadinessSerializer(readiness(self.get_object())).data)

    @extend_schema(request=VersionInput, responses=EventSerializer)
    @action(detail=True, methods=["post"])
    def start(self, request, pk=None) -> Response:
        version = parse_input(VersionInput, request).get("version")
        return self._out(
            services.event_start(event=self.get_object(), by=request.user, expected_version=version)
        )

    @extend_schema(request=EventEndInput, responses=EventSerializer)
    @action(detail=True, methods=["post"])
    def end(self, request, pk=None) -> Response:
        data = parse_input(EventEndInput, request)
        return self._out(services.event_end(event=self.get_object(), by=request.user, summary=data["summary"],
                                            expected_version=data.get("version")))  # fmt: skip

    @extend_schema(request=EventVenueInput, responses={201: EventVenueSerializer})
    @action(detail=True, methods=["post"])
    def venues(self, request, pk=None) -> Response:
        venue = services.venue_add(
            event=self.get_object(), by=request.user, **parse_input(EventVenueInput, request)
        )
        return Response(EventVenueSerializer(venue).data, status=201)

    @extend_schema(request=DailyReportSerializer, responses={201: DailyReportSerializer})
    @action(detail=True, methods=["post"])
    def reports(self, request, pk=None) -> Response:
        report = services.daily_report_add(event=self.get_object(), by=request.user,
                                           **parse_input(DailyReportSerializer, request))  # fmt: skip
        return Response(DailyReportSerializer(report).data, status=201)

    @extend_schema(request=EventIncidentSerializer, responses={201: EventIncidentSerializer})
    @action(detail=True, methods=["post"])
    def incidents(self, request, pk=None) -> Response:
        incident = services.incident_add(event=self.get_object(), by=request.user,
                                         **parse_input(EventIncidentSerializer, request))  # fmt: skip
        return Response(EventIncidentSerializer(incident).data, status=201)


class DutyPostSerializer(serializers.ModelSerializer):
    class Meta:
        model = DutyPost
        fields = ["id", "venue", "name", "duty", "vehicles", "crew"]
        read_only_fields = fields


class DutyPostInput(serializers.Serializer):
    name = serializers.CharField(max_length=100)
    duty = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    vehicles = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    crew = ScopedPrimaryKeyRelatedField(
        queryset=Person.objects.all(), many=True, required=False, default=list
    )


class RosterShiftSerializer(serializers.ModelSerializer):
    class Meta:
        model = RosterShift
        fields = ["id", "post", "date", "starts_at", "ends_at", "people"]
        read_only_fields = fields


class RosterShiftInput(serializers.Serializer):
    post = serializers.PrimaryKeyRelatedField(queryset=DutyPost.objects.all())
    date = serializers.DateField()
    starts_at = serializers.TimeField()
    ends_at = serializers.TimeField()
    people = ScopedPrimaryKeyRelatedField(queryset=Person.objects.all(), many=True)


class RiskAcceptInput(serializers.Serializer):
    hazard = serializers.PrimaryKeyRelatedField(queryset=Hazard.objects.all())
    reason = serializers.CharField(max_length=1000)


class VenueInspectionStarted(serializers.Serializer):
    inspection = serializers.IntegerField()


@extend_schema(tags=["events"])
class VenueViewSet(ScopedReadOnlyViewSet):
    """活动场所：查看、执勤岗位、排班、风险接受、发起消防安保检查。写操作的权限按所属活动判断。"""

    queryset = Venue.objects.select_related("event").order_by("event_id", "id")
    serializer_class = EventVenueSerializer
    filterset_fields = ["event"]
    # Writes on a venue are decided by the service on the venue's event (change, or command to accept a risk).
    scoped_actions = {"posts": "view", "shifts": "view", "accept": "view", "inspect": "view"}

    @extend_schema(request=DutyPostInput, responses={201: DutyPostSerializer})
    @action(detail=True, methods=["post"])
    def posts(self, request, pk=None) -> Response:
        post = services.post_add(
            venue=self.get_object(), by=request.user, **parse_input(DutyPostInput, request)
        )
        return Response(DutyPostSerializer(post).data, status=201)

    @extend_schema(request=RosterShiftInput, responses={201: RosterShiftSerializer})
    @action(detail=True, methods=["post"])
    def shifts(self, request, pk=None) -> Response:
        venue = self.get_object()
        data = parse_input(RosterShiftInput, request)
        if data["post"].venue_id != venue.pk:
            raise serializers.ValidationError({"post": ["该岗位不属于本场所。"]})
        shift = services.shift_add(by=request.user, **data)
        return Response(RosterShiftSerializer(shift).data, status=201)

    @extend_schema(request=RiskAcceptInput, responses={201: None})
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None) -> Response:
        acceptance = services.hazard_accept(
            venue=self.get_object(), by=request.user, **parse_input(RiskAcceptInput, request)
        )
        return Response({"id": acceptance.pk, "hazard": acceptance.hazard_id}, status=201)

    @extend_schema(request=None, responses={201: VenueInspectionStarted})
    @action(detail=True, methods=["post"])
    def inspect(self, request, pk=None) -> Response:
        inspection = services.venue_inspection_start(venue=self.get_object(), by=request.user)
        return Response({"inspection": inspection.pk}, status=201)


def register(router) -> None:
    router.register("events", EventViewSet, basename="events-event")
    router.register("event-venues", VenueViewSet, basename="events-venue")
