"""The error pages. 403 and 404 render inside the site's layout; 500 and 503 render standalone templates
with no request context, because they must work when the database or Redis is what failed."""

from __future__ import annotations

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from flameblue.core.cache import UNREACHABLE

__all__ = ["RETRY_AFTER_SECONDS", "is_unavailable", "page_not_found", "permission_denied", "server_error"]

#: What a 503 tells clients (browsers show it, API clients and proxies wait this long before retrying).
RETRY_AFTER_SECONDS = 30
UNAVAILABLE_MESSAGE = "系统暂时无法连接数据库或缓存服务，请稍后重试。"


def _api(request) -> bool:
    return request.path.startswith("/api/")


def permission_denied(request, exception=None):
    if _api(request):  # API clients read JSON, also for a URL no view answered
        return JsonResponse({"detail": str(exception or "") or "无权进行此操作。"}, status=403)
    return render(request, "errors/403.html", {"message": str(exception or "")}, status=403)


def page_not_found(request, exception=None):
    if _api(request):
        return JsonResponse({"detail": "未找到。"}, status=404)
    return render(request, "errors/404.html", status=404)


def is_unavailable(exc: BaseException | None) -> bool:
    """Whether ``exc`` (or what caused it) means a backing service is down rather than a bug: the database
    refused or dropped the connection, or Redis (cache, sessions, task queue) did not answer."""
    seen = 0
    while exc is not None and seen < 5:
        if isinstance(exc, (OperationalError, InterfaceError, *UNREACHABLE)):
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def server_error(request, *args, **kwargs):
    """``handler500``: a 503 with ``Retry-After`` when a backing service is down, else a plain 500. Django
    calls it inside the ``except`` block that caught the error, so the exception is in ``sys.exc_info()``."""
    exc = sys.exc_info()[1]
    api = _api(request)
    if is_unavailable(exc):
        if api:
            response = JsonResponse({"detail": UNAVAILABLE_MESSAGE, "code": "unavailable"}, status=503)
        else:
            response = HttpResponse(render_to_string("errors/503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    if api:
        return JsonResponse({"detail": "服务器内部错误，已记录，请稍后重试或联系管理员。"}, status=500)
    return HttpResponse(render_to_string("errors/500.html"), status=500)
