"""API plumbing shared by every app: the scoped viewset bases (read-only, and service-backed writes), the
scoped related-record field, the versioned serializer, and the exception handler that turns domain errors
into 400/403/404/409 with a message in the user's language."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from flameblue.core.errors import ConcurrencyError, DomainError, OutOfScope, PermissionDeniedError
from flameblue.core.scoping import has_action

__all__ = [
    "VERSION_HELP",
    "ScopedPermission",
    "ScopedPrimaryKeyRelatedField",
    "ScopedReadOnlyViewSet",
    "ScopedViewSetMixin",
    "ServiceWriteViewSet",
    "VersionInput",
    "parse_input",
    "VersionedSerializer",
    "exception_handler",
]

ACTION_FOR_METHOD = {
    "GET": "view",
    "HEAD": "view",
    "OPTIONS": "view",
    "POST": "add",
    "PUT": "change",
    "PATCH": "change",
    "DELETE": "delete",
}


def exception_handler(exc, context):
    if isinstance(exc, DomainError) and exc.conflict:
        code = "stale" if isinstance(exc, ConcurrencyError) else "state"
        return Response({"detail": exc.message, "code": code}, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, OutOfScope):
        exc = Http404(exc.message)
    elif isinstance(exc, PermissionDeniedError):
        exc = exceptions.PermissionDenied(exc.message)
    elif isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        exc = exceptions.ValidationError(detail)
    elif isinstance(exc, DomainError):
        detail = {exc.field: [exc.message]} if exc.field else {"non_field_errors": [exc.message]}
        exc = exceptions.ValidationError(detail)
    response = drf_exception_handler(exc, context)
    if response is not None and response.status_code == 403:
        request = context.get("request")
        if request is not None and request.user.is_authenticated:
            from flameblue.core import audit

            audit.record(
                audit.AuditAction.DENIED, by=request.user, object_type="api", object_repr=request.path[:300]
            )
    return response


class ScopedPermission:
    """403 when the user's roles grant the HTTP method's action nowhere; rows are limited by the queryset."""

    def has_permission(self, request, view) -> bool:
        if not request.user or not request.user.is_authenticated:
            return False
        action = getattr(view, "scoped_actions", {}).get(view.action) or ACTION_FOR_METHOD.get(
            request.method, "view"
        )
        return has_action(request.user, view.queryset.model, action)

    def has_object_permission(self, request, view, obj) -> bool:
        return True


class ScopedViewSetMixin:
    """Every API viewset starts here: rows come from ``visible_to(user, action)`` only."""

    permission_classes = [ScopedPermission]
    scoped_actions: dict[str, str] = {}

    def get_queryset(self):
        # Rows are always the user's view scope: an object outside it is a 404. Whether the user may change
        # a visible object is decided by the service (403), so existence is never revealed.
        base = super().get_queryset()
        return base & base.model.objects.visible_to(self.request.user, "view")


class ScopedReadOnlyViewSet(ScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    pass


class ServiceWriteViewSet(
    ScopedViewSetMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """List, retrieve, create and update, with every write done by a service. The client sends back the
    ``version`` it read; a stale one makes the service raise ConcurrencyError (409) and nothing is saved."""

    def create_object(self, data: dict[str, Any]) -> models.Model:  # pragma: no cover - abstract
        raise NotImplementedError

    def update_object(self, obj: models.Model, data: dict[str, Any], version: int | None) -> models.Model:
        raise NotImplementedError  # pragma: no cover - abstract

    def perform_create(self, serializer) -> None:
        data = dict(serializer.validated_data)
        data.pop("version", None)
        serializer.instance = self.create_object(data)

    def perform_update(self, serializer) -> None:
        data = dict(serializer.validated_data)
        version = data.pop("version", None)
        serializer.instance = self.update_object(serializer.instance, data, version)


VERSION_HELP = _("读取记录时得到的版本号；修改时原样提交，若记录已被他人修改则返回 409。")


class ScopedPrimaryKeyRelatedField(serializers.PrimaryKeyRelatedField):
    """A related record chosen by primary key, limited to what the requesting user may see
    (``visible_to(user, action)``). A key outside the user's jurisdiction is refused exactly like a key that
    does not exist, so the answer reveals nothing about records the user may not see."""

    def __init__(self, *, scope_action: str = "view", **kwargs: Any) -> None:
        self.scope_action = scope_action
        super().__init__(**kwargs)

    def get_queryset(self):
        queryset = super().get_queryset()
        request = self.context.get("request")
        user = getattr(request, "user", None)
        return queryset & queryset.model.objects.visible_to(user, self.scope_action)


def parse_input(serializer: type[serializers.Serializer], request) -> dict[str, Any]:
    """Validate a workflow step's request body with ``serializer`` (400 on bad input) and return its data."""
    parsed = serializer(data=request.data, context={"request": request})
    parsed.is_valid(raise_exception=True)
    return dict(parsed.validated_data)


class VersionInput(serializers.Serializer):
    """A workflow step on an existing record carries the version the client read (optional); a change by
    someone else in between answers 409 with code ``stale``. Steps with more input extend it."""

    version = serializers.IntegerField(required=False, min_value=1, help_text=VERSION_HELP)


class VersionedSerializer(serializers.ModelSerializer):
    """Adds ``version``: output is the stored version, input (on update) the version the client edited."""

    version = serializers.IntegerField(required=False, min_value=1, help_text=VERSION_HELP)
