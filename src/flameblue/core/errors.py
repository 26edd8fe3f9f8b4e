"""Domain errors raised by services. Views and the API turn them into messages in the user's language."""

from __future__ import annotations

from django.core.exceptions import ValidationError

__all__ = ["ConcurrencyError", "DomainError", "OutOfScope", "PermissionDeniedError", "ValidationError"]


class DomainError(Exception):
    """A business rule refused the operation; ``message`` is shown to the user as is. Subclasses that
    mean "the record is no longer in a state that allows this" set ``conflict`` and the API answers 409."""

    conflict = False

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class ConcurrencyError(DomainError):
    """Someone else changed the record since the user loaded it."""

    conflict = True


class OutOfScope(DomainError):
    """The object is outside the acting user's jurisdiction (shown as 404)."""


class PermissionDeniedError(DomainError):
    """The user may see the object but not do this to it (shown as 403)."""
