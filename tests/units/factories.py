"""Building units for tests: a unit on an existing social-unit organization (the persona fixtures' orgs)."""

from __future__ import annotations

from typing import Any

from flameblue.org.models import Organization
from flameblue.units.models import Unit

__all__ = ["make_unit"]


def make_unit(organization: Organization, **fields: Any) -> Unit:
    """A unit registered directly (bypassing services) for the organization, in its township and industry."""
    fields.setdefault("name", organization.name)
    fields.setdefault("region_id", organization.region_id)
    fields.setdefault("industry_id", organization.industry_id)
    return Unit.objects.create(organization=organization, **fields)
