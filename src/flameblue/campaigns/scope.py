"""A campaign's scope as typed input: place types, risk tags, regions and industries (criteria) — or a
hand-picked list of units. Checked against the organiser's jurisdiction before anything is saved."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from flameblue.core.errors import DomainError
from flameblue.org.choices import OrgKind

__all__ = ["Scope"]


@dataclass(frozen=True)
class Scope:
    place_types: tuple[Any, ...]
    risk_tags: tuple[Any, ...]
    regions: tuple[Any, ...]
    industries: tuple[Any, ...]
    units: tuple[Any, ...]

    @classmethod
    def of(
        cls, organiser: Any, place_types: Iterable[Any], risk_tags: Iterable[Any], regions: Iterable[Any],
        industries: Iterable[Any], units: Iterable[Any],
    ) -> Scope:  # fmt: skip
        return cls(tuple(place_types), tuple(risk_tags), tuple(regions), tuple(industries), tuple(units))

    @property
    def has_criteria(self) -> bool:
        return bool(self.place_types or self.risk_tags or self.regions or self.industries)

    def check(self, organiser: Any) -> None:
        """Regions and units in the organiser's region; a department's campaign stays in its industry; a
        hand-picked list is the whole scope (no criteria beside it)."""
        for region in self.regions:
            if not region.pk.startswith(organiser.region_id):
                raise DomainError(
                    _("“%(region)s”不在组织单位的辖区内。") % {"region": region.name}, field="regions"
                )
        sector = organiser.industry_id if organiser.kind == OrgKind.DEPARTMENT else None
        for industry in self.industries:
            if sector and industry.pk != sector:
                raise DomainError(
                    _("行业部门只能在本行业系统内开展专项整治，“%(name)s”不属于本行业。")
                    % {"name": industry.name},
                    field="industries",
                )
        if self.units and self.has_criteria:
            raise DomainError(
                _("已指定整治单位名单时，不再按场所类型、风险标签、区划或行业筛选，请只选其一。"),
                field="units",
            )
        for unit in self.units:
            if not unit.region_id.startswith(organiser.region_id):
                raise DomainError(_("“%(unit)s”不在组织单位的辖区内。") % {"unit": unit.name}, field="units")
            if sector and unit.industry_id != sector:
                raise DomainError(_("“%(unit)s”不属于本行业系统。") % {"unit": unit.name}, field="units")

    def apply(self, campaign: Any) -> None:
        campaign.scope_place_types.set(list(self.place_types))
        campaign.scope_risk_tags.set(list(self.risk_tags))
        campaign.scope_regions.set(list(self.regions))
        campaign.scope_industries.set(list(self.industries))
        campaign.scope_units.set(list(self.units))
