"""Reads of the discipline records: the audited read of a list of restricted records, and the declaration
compliance of the officers a discipline officer oversees (who has not declared this year)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Model
from django.utils.translation import gettext as _

from flameblue.core import audit
from flameblue.core.scoping import within_scopes
from flameblue.integrity.discipline.models import CreditCheck, FamilyPledge, PhoneRegistration
from flameblue.integrity.models import RelativeBusiness
from flameblue.integrity.selectors import record_read
from flameblue.org.choices import FIRE_SERVICE_KINDS
from flameblue.org.models import Person

__all__ = ["ComplianceRow", "declaration_compliance", "list_read", "record_read"]


def list_read(model: type[Model], ids: Iterable[int], *, by: Any) -> None:
    """A list (page, API or export) that showed restricted records is a read of each: one audit event naming
    the records listed."""
    shown = list(ids)
    if shown:
        audit.record(
            audit.AuditAction.REVEAL, by=by, object_type=model._meta.label_lower,
            object_repr=str(model._meta.verbose_name), changes={"ids": shown}, reason=_("查阅廉政记录"),
        )  # fmt: skip


@dataclass(frozen=True)
class ComplianceRow:
    """One officer's declarations of a year: phones registered, the credit check, the family pledge, and the
    relatives' businesses declared (zero is a valid answer)."""

    person: Person
    phones: int
    credit_checked: bool
    pledged: bool
    businesses: int

    @property
    def complete(self) -> bool:
        return self.phones > 0 and self.credit_checked and self.pledged

    @property
    def missing(self) -> list[str]:
        gaps = [(_("手机登记"), self.phones > 0), (_("征信查询记录"), self.credit_checked),
                (_("家庭助廉承诺书"), self.pledged)]  # fmt: skip
        return [str(label) for label, done in gaps if not done]


def declaration_compliance(user: Any, *, year: int) -> list[ComplianceRow]:
    """Every active fire-service officer the user oversees against this year's declarations: the officers
    who have not declared come first. Four queries whatever the number of officers."""
    people = list(
        within_scopes(
            Person.objects.filter(organization__kind__in=FIRE_SERVICE_KINDS, is_active=True),
            user, PhoneRegistration, "oversee",
        ).select_related("organization").order_by("organization__region_id", "organization_id", "name")[:5000]
    )  # fmt: skip
    ids = [p.pk for p in people]
    phones: dict[int, int] = {}
    for pid in PhoneRegistration.objects.filter(person_id__in=ids, active=True).values_list(
        "person_id", flat=True
    ):
        phones[pid] = phones.get(pid, 0) + 1
    credit = set(CreditCheck.objects.filter(person_id__in=ids, year=year).values_list("person_id", flat=True))
    pledged = set(
        FamilyPledge.objects.filter(person_id__in=ids, year=year).values_list("person_id", flat=True)
    )
    businesses: dict[int, int] = {}
    for pid in RelativeBusiness.objects.filter(person_id__in=ids, year=year).values_list(
        "person_id", flat=True
    ):
        businesses[pid] = businesses.get(pid, 0) + 1
    rows = [
        ComplianceRow(p, phones.get(p.pk, 0), p.pk in credit, p.pk in pledged, businesses.get(p.pk, 0))
        for p in people
    ]
    rows.sort(key=lambda r: r.complete)
    return rows
