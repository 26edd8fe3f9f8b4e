"""The current request's actor and address, so services can audit without threading the request through."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass

__all__ = ["RequestInfo", "current_request_info", "set_request_info"]


@dataclass(frozen=True)
class RequestInfo:
    ip: str | None = None
    user_agent: str = ""
    path: str = ""


_current: ContextVar[RequestInfo | None] = ContextVar("flameblue_request_info", default=None)


def set_request_info(info: RequestInfo | None):
    return _current.set(info)


def current_request_info() -> RequestInfo:
    return _current.get() or RequestInfo()
