"""The special campaigns' figures (统计指标), registered with core at ``ready()``: campaigns launched, and their
progress — the targets checked (a submitted inspection of the target unit inside both the campaign's period
and the figure's)."""

from __future__ import annotations

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from flameblue.campaigns.choices import CampaignStatus
from flameblue.campaigns.models import Campaign, CampaignTarget
from flameblue.core.figures import Figure, register_figure
from flameblue.inspections.choices import InspectionStatus
from flameblue.inspections.models import Inspection

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
    _register_progress()


def _targets_checked(qs, period):
    inspections = Inspection.objects.filter(
        unit_id=OuterRef("unit_id"), status=InspectionStatus.SUBMITTED,
        inspected_on__gte=OuterRef("campaign__starts_on"),
        inspected_on__lte=OuterRef("campaign__ends_on"),
    ).filter(inspected_on__gte=period.start, inspected_on__lte=period.end)  # fmt: skip
    return qs.filter(campaign__status__in=LAUNCHED).filter(Exists(inspections))


def _register_progress() -> None:
    register_figure(Figure(
        "campaigns.targets_checked", _("专项整治已检查对象"), _("家"),
        _("已启动的专项整治中，在统计期内（且在整治期内）有已提交检查记录的整治对象；一个单位列入多个整治的，"
          "每个整治各计一次。"),
        CampaignTarget, _targets_checked, region_field="unit__region_id",
        columns=(("campaign", _("专项整治")), ("unit", _("单位"))),
        group=_("隐患排查整治"), order=345,
        detail_url=lambda obj: reverse("campaigns:campaign-detail", kwargs={"pk": obj.campaign_id}),
    ))  # fmt: skip
