"""Side-menu entries of the discipline records (registered at ``ready()``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from flameblue.core.navigation import MenuItem, register_menu


def register() -> None:
    group = _("业务")
    entries = [
        (_("廉政问题线索"), "integrity:clue-list", "integrity.Clue", 440),
        (_("检察院线索移送反馈"), "integrity:exchange-list", "integrity.ProcuratorateExchange", 441),
        (_("手机登记"), "integrity:phone-list", "integrity.PhoneRegistration", 442),
        (_("征信查询记录"), "integrity:credit-list", "integrity.CreditCheck", 443),
        (_("家庭助廉承诺书"), "integrity:pledge-list", "integrity.FamilyPledge", 444),
        (_("警示教育"), "integrity:session-list", "integrity.WarningSession", 445),
        (_("述职述廉"), "integrity:report-list", "integrity.IntegrityReport", 446),
        (_("便民利民十项措施"), "integrity:measure-list", "integrity.ServiceMeasure", 447),
    ]
    register_menu(
        *(MenuItem(label, url, model, group=group, order=order) for label, url, model, order in entries),
        MenuItem(
            _("廉政申报完成情况"), "integrity:declaration-compliance", "integrity.PhoneRegistration",
            action="oversee", group=group, order=448,
        ),
    )  # fmt: skip
