"""The shared access matrix: every URL pattern and API endpoint, checked for anonymous / no permission /
out of jurisdiction / allowed. Each app lists its cases in ``tests/<app>/matrix.py`` as ``CASES``; the runner
in ``tests/test_access_matrix.py`` runs them all, and a meta-test fails when a URL pattern has no case.

A case names the URL and how to build its arguments from the *world* (the ``orgs`` and ``people``
fixtures plus whatever the app's ``world`` hook adds), and which persona (attribute of ``people``)
is expected to get which answer:

    Case("org:organization-detail", kwargs=lambda w: {"pk": w.orgs.mengcheng_gov.pk},
         allowed="mengcheng", no_permission="auditor", out_of_scope="qiaocheng")

- anonymous: pages redirect to login, API answers 401/403 (``public=True`` skips this: the page is open);
- ``no_permission``: a persona whose roles grant the action nowhere -> 403;
- ``out_of_scope``: a persona who has the action but not over this object -> 404;
- ``allowed``: -> ``ok_status`` (200 by default; for POST-only URLs give ``data`` and the expected status).

An app may define ``def world(w): ...`` in its matrix module to add objects to the world namespace.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Case"]


@dataclass(frozen=True)
class Case:
    url_name: str
    kwargs: Callable[[Any], dict[str, Any]] | None = None
    allowed: str | None = None
    no_permission: str | None = None
    out_of_scope: str | None = None
    method: str = "get"
    data: Callable[[Any], dict[str, Any]] | None = None
    ok_status: tuple[int, ...] = (200,)
    public: bool = False
    api: bool = False
    query: str = ""
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"{self.method.upper()} {self.url_name}{'?' + self.query if self.query else ''}"
