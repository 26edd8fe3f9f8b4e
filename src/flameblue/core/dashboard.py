"""The home page (首页工作台) and the registries the apps fill to build it, as NetBox apps register dashboard
widgets.

- A **home** is a kind of landing page a role names (``Role.home``): the app that owns roles registers each
  home's key and label with :func:`register_home`.
- A **panel** is one card of a home: an app registers its key, the homes that show it, its ``order`` on the
  page, who may see it (``may_see``) and the ``data(user, today)`` callable behind its template
  (``core/_panel_<key>.html`` unless told). ``data`` answering ``None`` also hides the panel, so a role never
  sees a panel about records it may not read. The quick links always come last.
- Figures counted over many rows are **per-scope summaries** (:mod:`flameblue.core.summaries`): computed once
  per jurisdiction and kept until a write in it, so a page view does not scan the big tables.
- The **statistics by region** behind the detachment's chart (``core:dashboard-stats``) come from the one
  :class:`StatsProvider` an app registers with :func:`register_stats_provider`.

Core knows no domain model: everything on the page arrives through these registries."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlencode

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View

from flameblue.core.models import AuditEvent
from flameblue.core.navigation import menu_for
from flameblue.core.notify import unread_count
from flameblue.core.scoping import has_action, user_memberships
from flameblue.core.summaries import register_summary_model, scoped_summary
from flameblue.core.views import ScopedMixin

__all__ = [
    "DEFAULT_HOME",
    "DashboardPanel",
    "DashboardStatsView",
    "DashboardView",
    "QueueRow",
    "ScopedCount",
    "StatsProvider",
    "cached_unread_count",
    "filtered_url",
    "homes",
    "inbox_summary",
    "month_bounds",
    "panels_for",
    "previous_month",
    "recent_audit_events",
    "register_home",
    "register_panel",
    "register_scoped_count",
    "register_stats_provider",
    "scoped_counts",
]

#: The pseudo-home whose panels a role gets when its home is not registered.
DEFAULT_HOME = "*"

PanelData = Callable[[Any, dt.date], Any]


@dataclass(frozen=True)
class DashboardPanel:
    """One card of the home page. ``data(user, today)`` returns what its template shows as ``data`` (None:
    not shown); ``context_name`` also exposes it to the page under that name."""

    key: str
    data: PanelData
    homes: frozenset[str] | None
    order: int = 100
    may_see: Callable[[Any], bool] | None = None
    template: str = ""
    context_name: str | None = None
    #: Static JS files the panel's charts need (ECharts is loaded before them); never inline scripts.
    scripts: tuple[str, ...] = ()

    @property
    def template_name(self) -> str:
        return self.template or f"core/_panel_{self.key}.html"


@dataclass(frozen=True)
class _Home:
    key: str
    label: Any
    order: int


_HOMES: dict[str, _Home] = {}
_PANELS: dict[str, DashboardPanel] = {}


def register_home(key: str, label: Any, *, order: int = 100) -> None:
    """Declare a kind of home page a role may land on (re-registering replaces it)."""
    _HOMES[key] = _Home(key=key, label=label, order=order)


def homes() -> dict[str, Any]:
    """Registered homes, key → label, in their order (the choices of a role's home)."""
    return {h.key: h.label for h in sorted(_HOMES.values(), key=lambda h: (h.order, h.key))}


def register_panel(
    key: str,
    data: PanelData,
    *,
    homes: Iterable[str] | None,
    order: int = 100,
    may_see: Callable[[Any], bool] | None = None,
    template: str = "",
    context_name: str | None = None,
    scripts: Iterable[str] = (),
) -> None:
    """Show the panel ``key`` on the given homes (None: on every home; :data:`DEFAULT_HOME` stands for roles
    whose home is not registered), placed by ``order`` among the panels of the page. ``scripts`` are the
    static JS files its charts need, loaded after ECharts when the panel is shown."""
    _PANELS[key] = DashboardPanel(
        key=key, data=data, homes=None if homes is None else frozenset(homes), order=order, may_see=may_see, template=template,
        context_name=context_name, scripts=tuple(scripts),
    )  # fmt: skip


def panels_for(home_keys: list[str]) -> list[DashboardPanel]:
    """The panels of the user's homes (an unregistered home gets the default panels): the first home's panels
    by their ``order``, then the panels the next home adds, and so on."""
    keys = [home if home in _HOMES else DEFAULT_HOME for home in home_keys]
    ranked = []
    for panel in _PANELS.values():
        shown_on = [i for i, home in enumerate(keys) if panel.homes is None or home in panel.homes]
        if shown_on:
            ranked.append((shown_on[0], panel.order, panel.key, panel))
    return [panel for *_rank, panel in sorted(ranked, key=lambda r: r[:3])]


# --- Helpers the apps' panels share ---------------------------------------------------------------------


@dataclass(frozen=True)
class QueueRow:
    """One line of a work queue: what, how many, where the filtered list is, whether it is late."""

    label: str
    count: int
    url: str
    warning: bool = False


def filtered_url(name: str, **query: Any) -> str:
    """``reverse(name)`` with the non-empty ``query`` as a query string (a list's filters)."""
    base = reverse(name)
    query = {k: v for k, v in query.items() if v not in (None, "")}
    return f"{base}?{urlencode(query)}" if query else base


def month_bounds(today: dt.date) -> tuple[dt.date, dt.date]:
    return today.replace(day=1), today.replace(day=calendar.monthrange(today.year, today.month)[1])


def previous_month(today: dt.date) -> tuple[dt.date, dt.date]:
    last = today.replace(day=1) - dt.timedelta(days=1)
    return last.replace(day=1), last


def cached_unread_count(user: Any) -> int:
    """Unread inbox messages, counted once per request (the navbar and the dashboard both show it)."""
    cached = getattr(user, "_flameblue_unread", None)
    if cached is None:
        cached = unread_count(user)
        user._flameblue_unread = cached
    return cached


# --- Core's own panels -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScopedCount:
    """One figure of the "records in your scope" panel: a scoped model the user may view."""

    label: Any
    model: Any
    url_name: str
    order: int = 100


_COUNTS: dict[str, ScopedCount] = {}


def register_scoped_count(key: str, *, label: Any, model: Any, url_name: str, order: int = 100) -> None:
    """Add a figure to the counts panel (records of ``model`` visible to the user, linked to its list)."""
    _COUNTS[key] = ScopedCount(label=label, model=model, url_name=url_name, order=order)
    register_summary_model(model)


def scoped_counts(user: Any, today: dt.date | None = None) -> list[dict[str, Any]]:
    """Records in the user's scope, one entry per registered model they may view."""
    counts = []
    for item in sorted(_COUNTS.values(), key=lambda c: c.order):
        if has_action(user, item.model, "view"):
            count = scoped_summary(
                "scoped_count", user, [item.model], item.model.objects.visible_to(user).count,
                key=item.model._meta.label_lower,
            )  # fmt: skip
            counts.append({"label": item.label, "count": count, "url": reverse(item.url_name)})
    return counts


def inbox_summary(user: Any, today: dt.date | None = None) -> dict[str, Any]:
    """The inbox panel: unread messages and the inbox link."""
    return {"unread": cached_unread_count(user), "url": reverse("core:inbox")}


def recent_audit_events(user: Any, today: dt.date | None = None) -> Any:
    """The auditor's panel: the latest audit events (None without the audit log's view action)."""
    return AuditEvent.objects.visible_to(user)[:10] if has_action(user, AuditEvent, "view") else None


def undelivered_panel(user: Any, today: dt.date | None = None) -> dict[str, Any] | None:
    """Messages that reached nobody (e.g. an escalation to an organization without accounts): shown to the
    administrators whose homes list this panel, so the set-up gets fixed."""
    from flameblue.core.notify import undelivered

    rows = list(undelivered()[:20])
    if not rows:
        return None
    for row in rows:
        row.openable = _openable(user, row.link)
    return {"rows": rows, "count": undelivered().count() if len(rows) == 20 else len(rows)}


def _openable(user: Any, link: str) -> bool:
    """Whether the record page at ``link`` is one the user's roles may view (a system administrator sees
    that a hazard's escalation reached nobody, but may not open the hazard)."""
    from django.urls import Resolver404, resolve

    try:
        match = resolve(link.split("?")[0])
    except Resolver404:
        return False
    model = getattr(getattr(match.func, "view_class", None), "model", None)
    return model is not None and has_action(user, model, "view")


def register_core_panels() -> None:
    """The inbox, on every home; called from ``CoreConfig.ready()``. The app that defines the homes places
    core's other panels (:func:`scoped_counts`, :func:`recent_audit_events`) on them."""
    register_panel("inbox", inbox_summary, homes=None, order=20)


# --- The pages -------------------------------------------------------------------------------------------


def _home_keys(user: Any) -> list[str]:
    return list(dict.fromkeys(m.role.home for m in user_memberships(user)))


class DashboardView(LoginRequiredMixin, TemplateView):
    template_name = "core/dashboard.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        home_keys = _home_keys(user)
        labels = homes()
        context.update(homes=[labels.get(h, h) for h in home_keys], links=menu_for(user))
        today = timezone.localdate()
        blocks, scripts = [], []
        for panel in panels_for(home_keys) if home_keys else []:
            if panel.may_see is not None and not panel.may_see(user):
                continue
            data = panel.data(user, today)
            if data is None:
                continue
            if panel.context_name:
                context[panel.context_name] = data
            blocks.append({"name": panel.key, "template": panel.template_name, "data": data})
            scripts += [src for src in panel.scripts if src not in scripts]
        blocks.append({"name": "links", "template": "core/_panel_links.html", "data": context["links"]})
        context["panels"] = [b["name"] for b in blocks]
        context["blocks"] = blocks
        context["panel_scripts"] = scripts
        return context


class StatsProvider(Protocol):
    """What the dashboard chart's statistics come from (one app registers it)."""

    #: The model whose ``view`` action the statistics need (403 without it).
    model: Any

    def region(self, user: Any, code: str) -> Any | None:
        """The region ``code`` when it lies in the user's scope for the statistics, else None."""

    def default_region(self, user: Any) -> Any | None:
        """The widest region of the user's scope, or None."""

    def payload(self, user: Any, region: Any) -> dict[str, Any]:
        """The JSON: the region, its children's statistics and the series labels."""


_STATS: dict[str, StatsProvider] = {}


def register_stats_provider(provider: StatsProvider) -> None:
    """Set the source of the dashboard chart's statistics (the hazards app does, at ``ready()``)."""
    _STATS["provider"] = provider


def _stats_provider() -> StatsProvider:
    if "provider" not in _STATS:
        raise Http404(_("没有可用的统计。"))
    return _STATS["provider"]


class DashboardStatsView(ScopedMixin, View):
    """``?region=<code>``: statistics by the region's children (counties of a city, townships of a county)
    as JSON for the dashboard chart. 403 without the view action on the provider's model; 404 for a region
    outside the user's jurisdiction. Without ``region``, the widest region of the user's scope."""

    action = "view"

    @property
    def model(self):
        return _stats_provider().model

    def get(self, request, *args: Any, **kwargs: Any) -> JsonResponse:
        provider = _stats_provider()
        code = request.GET.get("region", "").strip()
        if code:
            region = provider.region(request.user, code)
            if region is None:
                raise Http404(_("该区划不在您的管辖范围内。"))
        else:
            region = provider.default_region(request.user)
            if region is None:
                raise Http404(_("您没有分配辖区。"))
        return JsonResponse(provider.payload(request.user, region))
