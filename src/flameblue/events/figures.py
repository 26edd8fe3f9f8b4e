"""The major events' figure (统计指标), registered with core at ``ready()``: major events secured."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from flameblue.core.figures import Figure, register_figure
from flameblue.events.choices import EventStatus
from flameblue.events.models import Event

STARTED = (EventStatus.SECURING, EventStatus.ENDED)


def _secured(qs, period):
    return qs.filter(starts_on__lte=period.end, ends_on__gte=period.start, status__in=STARTED)


def register() -> None:
    register_figure(Figure(
        "events.secured", _("重大活动消防安保"), _("次"),
        _("活动期间（开始至结束日期）与统计期有交集、已开始安保（安保中或已结束）的重大活动，不含筹备中的。"),
        Event, _secured,
        columns=(("name", _("名称")), ("status", _("状态")), ("starts_on", _("开始日期")),
                 ("ends_on", _("结束日期"))),
        group=_("民生消防服务"), order=350,
        detail_url=lambda obj: reverse("events:event-detail", kwargs={"pk": obj.pk}),
    ))  # fmt: skip
