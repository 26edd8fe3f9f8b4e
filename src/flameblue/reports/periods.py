"""Reading the period and region a reader asks figures for (``?year=2019&month=3&region=3416``), with the
messages a reader sees when any is wrong. Shared by the pages and the API."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from flameblue.core.figures import FigurePeriod
from flameblue.core.filters import YEAR_RANGE
from flameblue.geo.models import Region

__all__ = ["month_from", "period_from", "year_from"]


def year_from(params) -> int:
    """``year`` (this year in Bozhou when absent); ValidationError naming the parameter when wrong."""
    raw_year = (params.get("year") or "").strip()
    year = timezone.localdate().year
    if raw_year:
        try:
            year = int(raw_year)
        except ValueError:
            raise ValidationError({"year": [_("年份须为四位数字，例如 2019。")]}) from None
        if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
            raise ValidationError(
                {
                    "year": [
                        _("年份须在 %(low)d 至 %(high)d 之间。")
                        % {"low": YEAR_RANGE[0], "high": YEAR_RANGE[1]}
                    ]
                }
            )
    return year


def month_from(params) -> int | None:
    """``month`` (1–12; None when absent: the whole year); ValidationError naming the parameter when wrong."""
    raw = (params.get("month") or "").strip()
    if not raw:
        return None
    try:
        month = int(raw)
    except ValueError:
        month = 0
    if not 1 <= month <= 12:
        raise ValidationError({"month": [_("月份须为 1 至 12 之间的整数，例如 3 表示三月。")]})
    return month


def period_from(params) -> FigurePeriod:
    """The period named by ``year`` (this year in Bozhou when absent), ``month`` (the whole year when absent)
    and ``region`` (everything the reader sees when absent). Raises ValidationError naming the parameter."""
    errors: dict[str, list[str]] = {}
    year = timezone.localdate().year
    month = None
    try:
        year = year_from(params)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    try:
        month = month_from(params)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    region = (params.get("region") or "").strip()
    if region and not Region.objects.filter(code=region).exists():
        errors["region"] = [_("没有代码为“%(code)s”的行政区划。") % {"code": region[:20]}]
    if errors:
        raise ValidationError(errors)
    return FigurePeriod.month(year, month, region) if month else FigurePeriod.year(year, region)
