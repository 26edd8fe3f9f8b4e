"""Reading the period and region a reader asks figures for (``?year=2019&region=3416``), with the messages a
reader sees when either is wrong. Shared by the pages and the API."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from flameblue.core.figures import FigurePeriod
from flameblue.core.filters import YEAR_RANGE
from flameblue.geo.models import Region

__all__ = ["period_from"]


def period_from(params) -> FigurePeriod:
    """The period named by ``year`` (this year in Bozhou when absent) and ``region`` (everything the reader
    sees when absent). Raises ValidationError naming the parameter."""
    errors: dict[str, list[str]] = {}
    raw_year = (params.get("year") or "").strip()
    year = timezone.localdate().year
    if raw_year:
        try:
            year = int(raw_year)
        except ValueError:
            errors["year"] = [_("年份须为四位数字，例如 2019。")]
        else:
            if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
                errors["year"] = [
                    _("年份须在 %(low)d 至 %(high)d 之间。") % {"low": YEAR_RANGE[0], "high": YEAR_RANGE[1]}
                ]
    region = (params.get("region") or "").strip()
    if region and not Region.objects.filter(code=region).exists():
        errors["region"] = [_("没有代码为“%(code)s”的行政区划。") % {"code": region[:20]}]
    if errors:
        raise ValidationError(errors)
    return FigurePeriod.year(year, region)
