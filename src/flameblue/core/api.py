"""API plumbing shared by every app: the scoped viewset base and the exception handler that turns domain
errors into 400/403/404/409 with a message in the user's language."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status, viewsets
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from flameblue.core.errors import ConcurrencyError, DomainError, OutOfScope, PermissionDeniedError
from flameblue.core.scoping import has_action

__all__ = ["ScopedPermission", "ScopedViewSetMixin", "exception_handler"]

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
