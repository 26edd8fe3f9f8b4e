"""The one error path of pages: a view runs its service through :func:`run_service` (or the
:class:`ServiceErrorMixin` method) and never catches ``DomainError`` by hand.

- out of scope → 404 (existence is never revealed);
- not permitted → 403, audited as a denial;
- a stale edit (:class:`ConcurrencyError`) → the "changed by X at T, reload" message on the form, status 409;
- any other domain or validation error → on the form next to its field (or as a page message), status 400.

The API has its own single path, ``core.api.exception_handler`` (400/403/404/409 with ``code`` ``stale`` or
``state``); API views raise and let it answer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _

from flameblue.core import audit
from flameblue.core.errors import ConcurrencyError, DomainError, OutOfScope, PermissionDeniedError

__all__ = [
    "apply_form_errors",
    "deny",
    "refused",
    "INVALID_STATUS",
    "STALE_STATUS",
    "ServiceErrorMixin",
    "error_message",
    "errors_json",
    "run_service",
    "run_service_json",
]

T = TypeVar("T")


def deny(request, message: str = "") -> PermissionDenied:
    audit.record(
        audit.AuditAction.DENIED, by=request.user, object_type="page", object_repr=request.path[:300]
    )
    return PermissionDenied(message or _("您没有执行此操作的权限。"))


def apply_form_errors(form, exc: Exception) -> None:
    """Put a service's validation or domain error onto the form so the user sees it next to the field."""
    if isinstance(exc, ValidationError):
        if hasattr(exc, "error_dict"):
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, exc.messages)
    elif isinstance(exc, DomainError):
        form.add_error(exc.field if exc.field in form.fields else None, exc.message)


def refused(response: Any, status: int) -> Any:
    """``response`` (a re-rendered form) answered with the refusal's status (400, or 409 for a stale edit)."""
    response.status_code = status
    return response


#: Status of a page re-rendered after a stale edit, and after any other refusal.
STALE_STATUS = 409
INVALID_STATUS = 400


def error_message(exc: Exception) -> str:
    """The user-facing text of a domain or validation error."""
    if isinstance(exc, DomainError):
        return exc.message
    if isinstance(exc, ValidationError):
        return "；".join(str(m) for m in exc.messages)
    return str(exc)


def run_service(request, call: Callable[[], T], *, form: Any = None) -> tuple[T | None, int | None]:
    """Run ``call``: ``(result, None)`` on success, ``(None, status)`` after a refusal was put on ``form``
    (or, without a form, into the page messages). Out of scope and not permitted are raised as 404/403."""
    try:
        return call(), None
    except OutOfScope as exc:
        raise Http404(exc.message) from exc
    except PermissionDeniedError as exc:
        raise deny(request, exc.message) from exc
    except (ValidationError, DomainError) as exc:
        status = STALE_STATUS if isinstance(exc, ConcurrencyError) else INVALID_STATUS
        if form is None:
            messages.error(request, error_message(exc))
            return None, status
        if isinstance(exc, ConcurrencyError):
            form.add_error(None, exc.message)
        else:
            apply_form_errors(form, exc)
            if not form.errors:
                form.add_error(None, error_message(exc))
        return None, status


def errors_json(exc: Exception, status: int = INVALID_STATUS) -> JsonResponse:
    """A refusal as ``{"errors": {field: [message]}}`` (``__all__`` for the record as a whole); a stale edit
    also carries ``"code": "stale"``."""
    if isinstance(exc, ValidationError) and hasattr(exc, "error_dict"):
        errors = exc.message_dict
    elif isinstance(exc, DomainError):
        errors = {exc.field or "__all__": [exc.message]}
    else:
        errors = {"__all__": [error_message(exc)]}
    body: dict[str, Any] = {"errors": errors}
    if isinstance(exc, ConcurrencyError):
        body["code"] = "stale"
    return JsonResponse(body, status=status)


def run_service_json(request, call: Callable[[], T]) -> tuple[T | None, JsonResponse | None]:
    """:func:`run_service` for the small JSON endpoints of pages (autosave): ``(result, None)`` or
    ``(None, response)`` — 409 for a stale edit, 400 otherwise; 404/403 raised as for pages."""
    try:
        return call(), None
    except OutOfScope as exc:
        raise Http404(exc.message) from exc
    except PermissionDeniedError as exc:
        raise deny(request, exc.message) from exc
    except (ValidationError, DomainError) as exc:
        return None, errors_json(exc, STALE_STATUS if isinstance(exc, ConcurrencyError) else INVALID_STATUS)


class ServiceErrorMixin:
    """For page views: ``result, status = self.run_service(lambda: service(...), form=form)``; when
    ``status`` is set, re-render the page with the bound form and that status."""

    request: Any

    def run_service(self, call: Callable[[], T], *, form: Any = None) -> tuple[T | None, int | None]:
        return run_service(self.request, call, form=form)
