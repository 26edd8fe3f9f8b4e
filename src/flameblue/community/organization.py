"""The 双拥 work's organization as memberships of the organization tree (never a free-text list): the
leading group (双拥工作领导小组, chaired by the detachment's chiefs), its office in the political department
(领导小组办公室), and their counterparts in brigades and stations — each a :class:`~flameblue.org.models.Membership`
under a 双拥 role (``rules/roles.yaml``) whose start and end dates say the years it applies to — and partner
accounts: a membership under ``community_partner`` in the partner's registered (social-unit) organization,
which scopes the account to that one partner.

Appointments go through the org app's ``membership_create`` (its permission, separation-of-duties and
no-escalation checks, its audit)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from flameblue.community.models import Partner
from flameblue.core.errors import DomainError
from flameblue.core.services import ensure_in_scope, object_create
from flameblue.org import services as org_services
from flameblue.org.choices import FIRE_SERVICE_KINDS, OrgKind
from flameblue.org.models import Membership, Organization, Person, Role

__all__ = [
    "GROUP_ROLES",
    "PARTNER_ROLE",
    "group_appoint",
    "group_for_year",
    "partner_account_grant",
    "partner_accounts",
]

LEADING_GROUP, OFFICE = "community_leading_group", "community_office"
#: The roles of the 双拥 organization, in the order the page lists them.
GROUP_ROLES = (LEADING_GROUP, OFFICE)
PARTNER_ROLE = "community_partner"
#: The titles a leading-group membership may carry.
GROUP_TITLES = ("组长", "副组长", "成员", "办公室主任", "办公室成员", "联络员")


def _year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


@transaction.atomic
def group_appoint(
    *, by: Any, person: Person, organization: Organization, role_code: str, title: str, year_from: int,
    year_to: int | None = None,
) -> Membership:  # fmt: skip
    """Appoint ``person`` to the leading group or its office (``role_code``) at ``organization`` (the
    detachment, its political department, a brigade or a station) for the years ``year_from`` to ``year_to``
    (open-ended when None)."""
    if role_code not in GROUP_ROLES:
        raise DomainError(_("未知的双拥工作机构角色。"), field="role")
    if organization.kind not in FIRE_SERVICE_KINDS:
        raise DomainError(_("双拥工作机构应设在支队、政治处、大队或消防救援站。"), field="organization")
    if title not in GROUP_TITLES:
        raise DomainError(_("职务应为：%(titles)s。") % {"titles": "、".join(GROUP_TITLES)}, field="title")
    if year_to is not None and year_to < year_from:
        raise DomainError(_("截止年度早于起始年度。"), field="year_to")
    start = _year_bounds(year_from)[0]
    end = _year_bounds(year_to)[1] if year_to is not None else None
    role = Role.objects.get(code=role_code)
    if Membership.objects.filter(person=person, organization=organization, role=role).exists():
        raise DomainError(
            _("%(name)s 已在该机构任职，请修改原任职的起止日期。") % {"name": person.name}, field="person"
        )
    data = {"person": person, "organization": organization, "role": role, "title": title, "start_date": start,
            "end_date": end, "is_active": True}  # fmt: skip
    if by is None:
        return object_create(Membership, by=None, data=data)
    return org_services.membership_create(by=by, data=data)


def group_for_year(organizations: QuerySet[Organization], year: int) -> QuerySet[Membership]:
    """The memberships of the 双拥 organization in ``organizations`` that apply to some day of ``year``,
    leading group first, then the office; chiefs (组长) before deputies and members."""
    start, end = _year_bounds(year)
    return (
        Membership.objects.filter(role__code__in=GROUP_ROLES, is_active=True, organization__in=organizations)
        .filter(Q(start_date__isnull=True) | Q(start_date__lte=end), Q(end_date__isnull=True) | Q(end_date__gte=start))
        .select_related("person", "organization", "role")
        .order_by("organization__region_id", "organization__kind", "role__code", "title", "person__name")
    )  # fmt: skip


@transaction.atomic
def partner_account_grant(*, by: Any, partner: Partner, person: Person) -> Membership:
    """Give a partner an account: ``person`` (a contact of the partner, registered in the partner's
    organization) gets a membership under the partner role in that organization, which lets it see this
    partner's pairing, plans and activities and nothing else. The organization must be a social unit (a
    unit-scoped membership); any wider organization would see its whole region."""
    ensure_in_scope(partner, by=by, action="change")
    organization = partner.organization
    if organization is None:
        raise DomainError(
            _("“%(name)s”尚未关联登记的组织，请先登记其组织和联络人员。") % {"name": partner.name},
            field="organization",
        )
    if organization.kind != OrgKind.SOCIAL_UNIT:
        raise DomainError(
            _("“%(name)s”登记的组织不是社会单位，账号将看到其整个辖区，不能开通。") % {"name": partner.name},
            field="organization",
        )
    if person.organization_id != organization.pk:
        raise DomainError(_("%(name)s 不是该共建单位的人员。") % {"name": person.name}, field="person")
    role = Role.objects.get(code=PARTNER_ROLE)
    if Membership.objects.filter(person=person, organization=organization, role=role).exists():
        raise DomainError(_("%(name)s 已开通共建单位账号。") % {"name": person.name}, field="person")
    data = {"person": person, "organization": organization, "role": role, "title": _("共建单位联络员"),
            "is_active": True}  # fmt: skip
    if by is None:
        return object_create(Membership, by=None, data=data)
    return org_services.membership_create(by=by, data=data)


def partner_accounts(partner: Partner) -> QuerySet[Membership]:
    if partner.organization_id is None:
        return Membership.objects.none()
    return Membership.objects.filter(
        organization_id=partner.organization_id, role__code=PARTNER_ROLE, is_active=True
    ).select_related("person")
