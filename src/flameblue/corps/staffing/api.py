"""/api/v1/ endpoints of the roster's history and the rotations: the roster's write steps (edit, status,
transfer, reveal along the chain of command) and its history, and the rotations — the same scoping
(the corps chain) and services as the pages."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from flameblue.core.api import ScopedPrimaryKeyRelatedField, ScopedReadOnlyViewSet, VersionInput, parse_input
from flameblue.corps.choices import DutyStatus, Rank
from flameblue.corps.models import RosterEntry
from flameblue.corps.staffing import services
from flameblue.corps.staffing.choices import RotationRating
from flameblue.corps.staffing.filters import RotationFilter
from flameblue.corps.staffing.models import Posting, Rotation
from flameblue.corps.staffing.selectors import status_history
from flameblue.org.models import Organization

__all__ = ["RosterActionsMixin", "register"]


class RosterEditInput(VersionInput):
    post = serializers.CharField(max_length=60)
    rank = serializers.ChoiceField(choices=Rank.choices)
    crew = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")


class StatusInput(VersionInput):
    status = serializers.ChoiceField(choices=DutyStatus.choices)
    on = serializers.DateField()
    reason = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class TransferInput(VersionInput):
    station = serializers.PrimaryKeyRelatedField(queryset=Organization.objects.filter(is_active=True))
    on = serializers.DateField()
    reason = serializers.CharField(max_length=200)
    post = serializers.CharField(max_length=60, required=False, allow_blank=True, default="")
    crew = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")


class ReasonInput(serializers.Serializer):
    reason = serializers.CharField(max_length=1000)


class PostingSerializer(serializers.ModelSerializer):
    station_name = serializers.CharField(source="station.name", read_only=True)

    class Meta:
        model = Posting
        fields = ["id", "station", "station_name", "post", "crew", "started_on", "ended_on", "reason"]


class HistoryEventSerializer(serializers.Serializer):
    on = serializers.CharField()
    what = serializers.CharField()
    reason = serializers.CharField()
    at = serializers.DateTimeField()


class HistorySerializer(serializers.Serializer):
    postings = PostingSerializer(many=True)
    status_history = HistoryEventSerializer(many=True)
    rotations = serializers.ListField(child=serializers.IntegerField())


def _entry_out(view, entry: RosterEntry) -> Response:
    return Response(view.get_serializer(entry).data)


class RosterActionsMixin:
    """Write steps on ``/api/v1/corps/roster/{id}/``; mixed into the roster viewset by ``corps/api.py``."""

    scoped_actions = {"edit": "change", "status": "change", "transfer": "transfer", "reveal": "reveal",
                      "history": "view"}  # fmt: skip

    @extend_schema(request=RosterEditInput)
    @action(detail=True, methods=["post"])
    def edit(self, request, pk=None) -> Response:
        data = parse_input(RosterEditInput, request)
        version = data.pop("version", None)
        entry = services.roster_update(self.get_object(), by=request.user, expected_version=version, **data)
        return _entry_out(self, entry)

    @extend_schema(request=StatusInput)
    @action(detail=True, methods=["post"])
    def status(self, request, pk=None) -> Response:
        data = parse_input(StatusInput, request)
        version = data.pop("version", None)
        entry = services.roster_set_status(
            self.get_object(), by=request.user, expected_version=version, **data
        )
        return _entry_out(self, entry)

    @extend_schema(request=TransferInput)
    @action(detail=True, methods=["post"])
    def transfer(self, request, pk=None) -> Response:
        data = parse_input(TransferInput, request)
        version = data.pop("version", None)
        entry = services.roster_transfer(self.get_object(), by=request.user, expected_version=version, **data)
        return _entry_out(self, entry)

    @extend_schema(
        request=ReasonInput,
        responses=inline_serializer("CorpsRevealed", {"phone": serializers.CharField(),
                                                       "id_number": serializers.CharField()}),
    )  # fmt: skip
    @action(detail=True, methods=["post"])
    def reveal(self, request, pk=None) -> Response:
        data = parse_input(ReasonInput, request)
        values = services.roster_reveal(self.get_object(), by=request.user, reason=data["reason"])
        return Response(values, headers={"Cache-Control": "no-store"})

    @extend_schema(responses=HistorySerializer)
    @action(detail=True, methods=["get"])
    def history(self, request, pk=None) -> Response:
        entry = self.get_object()
        data: dict[str, Any] = {
            "postings": Posting.objects.filter(entry=entry).select_related("station"),
            "status_history": status_history(entry),
            "rotations": list(Rotation.objects.filter(entry=entry).values_list("pk", flat=True)),
        }
        return Response(HistorySerializer(data).data)


class RotationSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="entry.person.name", read_only=True)
    station_name = serializers.CharField(source="station.name", read_only=True)

    class Meta:
        model = Rotation
        fields = ["id", "entry", "name", "station", "station_name", "reason", "status", "hq_office",
                  "starts_on", "ends_on", "decision_note", "rating", "evaluation", "version"]  # fmt: skip


class NominateInput(serializers.Serializer):
    entry = ScopedPrimaryKeyRelatedField(queryset=RosterEntry.objects.all())
    reason = serializers.CharField(max_length=1000)


class ApproveInput(VersionInput):
    hq_office = serializers.PrimaryKeyRelatedField(queryset=Organization.objects.filter(is_active=True))
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    note = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class RefuseInput(VersionInput):
    note = serializers.CharField(max_length=200)


class EvaluateInput(VersionInput):
    rating = serializers.ChoiceField(choices=RotationRating.choices)
    comment = serializers.CharField(max_length=1000)


@extend_schema(tags=["corps"])
class RotationViewSet(ScopedReadOnlyViewSet):
    """驻训培育：按指挥链列出、查看；站推荐，支队批准或不批准，期满考评。"""

    queryset = Rotation.objects.select_related("entry__person", "station")
    serializer_class = RotationSerializer
    filterset_class = RotationFilter
    scoped_actions = {"nominate": "add", "approve": "decide", "refuse": "decide", "evaluate": "evaluate"}

    @extend_schema(request=NominateInput, responses={201: RotationSerializer})
    @action(detail=False, methods=["post"])
    def nominate(self, request) -> Response:
        rotation = services.rotation_nominate(by=request.user, **parse_input(NominateInput, request))
        return Response(RotationSerializer(rotation).data, status=201)

    def _move(self, request, service, serializer) -> Response:
        data = parse_input(serializer, request)
        version = data.pop("version", None)
        rotation = service(self.get_object(), by=request.user, expected_version=version, **data)
        return Response(RotationSerializer(rotation).data)

    @extend_schema(request=ApproveInput, responses=RotationSerializer)
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None) -> Response:
        return self._move(request, services.rotation_approve, ApproveInput)

    @extend_schema(request=RefuseInput, responses=RotationSerializer)
    @action(detail=True, methods=["post"])
    def refuse(self, request, pk=None) -> Response:
        return self._move(request, services.rotation_refuse, RefuseInput)

    @extend_schema(request=EvaluateInput, responses=RotationSerializer)
    @action(detail=True, methods=["post"])
    def evaluate(self, request, pk=None) -> Response:
        return self._move(request, services.rotation_evaluate, EvaluateInput)


def register(router) -> None:
    router.register("corps/rotations", RotationViewSet, basename="corps-rotation")
