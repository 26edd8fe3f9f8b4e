"""The special campaigns' figure (统计指标), registered with core at ``ready()``: campaigns launched."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from flameblue.campaigns.choices import CampaignStatus
from flameblue.campaigns.models import Campaign
from flameblue.core.figures import Figure, register_figure

LAUNCHED = (CampaignStatus.LAUNCHED, CampaignStatus.CLOSED)


def register() -> None:
    register_figure(Figure(
        "campaigns.launched", _("开展专项整治"), _("个"),
        _("开始日期在统计期内、已启动（进行中或已结束）的专项整治行动，不含筹备中的。"),
        Campaign, lambda qs, p: qs.filter(p.between(Campaign, "starts_on"), status__in=LAUNCHED),
        columns=(("name", _("名称")), ("status", _("状态")), ("starts_on", _("开始日期")),
                 ("ends_on", _("结束日期"))),
        group=_("隐患排查整治"), order=340,
        detail_url=lambda obj: reverse("campaigns:campaign-detail", kwargs={"pk": obj.pk}),
    ))  # fmt: skip
