"""Who hears about a step that hands work to someone (交办提醒): a notice issued goes to the unit's managers,
a completion report to the brigade officers who can re-inspect, a new public tip to the brigade officers of
its county who handle tips. Recipients are people with a current membership in the organization whose role
grants the action on the record and whose scope reaches it, so the link in the message opens for them.
Nobody found is recorded and logged by :func:`flameblue.core.notify.notify` for the administrators."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from flameblue.core.notify import Message, notify
from flameblue.core.scoping import may
from flameblue.hazards.models import Hazard, Tip
from flameblue.org.choices import OrgKind
from flameblue.org.models import Membership, Organization, User

__all__ = ["completion_reported", "handed_over", "notice_issued", "people_who_may", "tip_received"]


def people_who_may(org_ids: list[int], action: str, obj: models.Model) -> list[Any]:
    """Active accounts with a current membership in ``org_ids`` that may do ``action`` on ``obj``."""
    person_ids = (
        Membership.objects.current()
        .filter(organization_id__in=[pk for pk in org_ids if pk], person__is_active=True)
        .values("person_id")
    )
    users = User.objects.filter(person_id__in=person_ids, is_active=True).order_by("pk")
    return [user for user in users if may(user, action, obj)]


def _brigades(region_id: str) -> list[int]:
    """The brigade of the county; the detachment of the city where the county has none."""
    for kind, code in ((OrgKind.BRIGADE, region_id[:6]), (OrgKind.DETACHMENT, region_id[:4])):
        found = list(
            Organization.objects.filter(kind=kind, region_id=code, is_active=True).values_list(
                "pk", flat=True
            )
        )
        if found:
            return found
    return []


def _hazard_link(hazard: Hazard) -> str:
    return reverse("hazards:hazard-detail", kwargs={"pk": hazard.pk})


def notice_issued(hazard: Hazard) -> None:
    """The unit must rectify by the deadline: tell its managers."""
    notice = hazard.notice
    subject = _("整改通知书 %(number)s：%(unit)s 须于 %(deadline)s 前整改") % {
        "number": notice.number if notice else "",
        "unit": hazard.unit.name,
        "deadline": date_format(hazard.deadline, "Y-m-d") if hazard.deadline else "—",
    }
    notify(
        people_who_may([hazard.unit.organization_id], "hazards.hazard.report_completion", hazard),
        Message(subject, hazard.description, _hazard_link(hazard)),
        dedupe_key=f"hazard-confirmed:{hazard.pk}:{hazard.deadline}",
    )


def completion_reported(hazard: Hazard) -> None:
    """The unit says the hazard is fixed: the inspecting brigade's officers must re-inspect."""
    org_ids = [hazard.brigade_id] if hazard.brigade_id else _brigades(hazard.region_id)
    due = date_format(hazard.recheck_due, "Y-m-d") if hazard.recheck_due else "—"
    notify(
        people_who_may(org_ids, "hazards.hazard.recheck", hazard),
        Message(
            _("%(unit)s 报告隐患整改完成，请于 %(due)s 前复查") % {"unit": hazard.unit.name, "due": due},
            hazard.description,
            _hazard_link(hazard),
        ),
        dedupe_key=f"completion-reported:{hazard.pk}:{hazard.completion_reported_at:%Y%m%d%H%M%S}",
    )


def tip_received(tip: Tip) -> None:
    """A new public tip: the brigade officers of its county who handle tips must check it in time."""
    due = date_format(tip.check_due_at, "Y-m-d H:i") if tip.check_due_at else "—"
    notify(
        people_who_may(_brigades(tip.region_id), "hazards.tip.change", tip),
        Message(
            _("新的群众举报 %(code)s，请于 %(due)s 前核查") % {"code": tip.tracking_code, "due": due},
            tip.description,
            reverse("hazards:tip-detail", kwargs={"pk": tip.pk}),
        ),
        dedupe_key=f"tip-received:{tip.pk}",
    )


def handed_over(hazard: Hazard) -> None:
    """A police station handed a case over: the brigade's officers who can verify and confirm it."""
    users = people_who_may(_brigades(hazard.region_id), "hazards.hazard.confirm", hazard)
    subject = _("派出所移交：%(unit)s 的火灾隐患待核实") % {"unit": hazard.unit.name}
    notify(users, Message(subject, hazard.description[:200], _hazard_link(hazard), "info"),
           dedupe_key=f"hazard:{hazard.pk}:handed_over")  # fmt: skip
