"""Why a person conflicts with a unit, in the words of the rule: the explanation the inspections app shows
when an inspector assigned by hand is refused (``conflicts.register_explainer``)."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from flameblue.integrity.models import RelativeBusiness
from flameblue.integrity.policy import conflict_rule

__all__ = ["relative_business_conflict_reason"]


def relative_business_conflict_reason(person_id: int, unit_id: int, on: dt.date) -> str | None:
    """ "近亲属经商办企业回避：…" when a declaration valid on ``on`` matched the unit; else None."""
    rule = conflict_rule()
    declaration = (
        RelativeBusiness.objects.filter(
            person_id=person_id,
            matched_unit_id=unit_id,
            year__gte=on.year - rule.valid_years + 1,
            year__lte=on.year,
        )  # fmt: skip
        .select_related("person", "matched_unit")
        .order_by("-year", "-id")
        .first()
    )
    if declaration is None:
        return None
    return _(
        "近亲属经商办企业回避：%(person)s 已申报其%(relation)s经营的“%(unit)s”（%(year)d 年度申报，规则 %(version)s），"
        "不得安排其检查该单位。"
    ) % {
        "person": declaration.person.name, "relation": declaration.get_relation_display(),
        "unit": declaration.matched_unit.name, "year": declaration.year, "version": declaration.rules_version,
    }  # fmt: skip
