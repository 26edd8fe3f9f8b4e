"""The corps app's side-menu entries (registered with core at ``ready()``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from flameblue.core.navigation import MenuItem, register_menu


def register() -> None:
    register_menu(
        MenuItem(_("指战员名册"), "corps:roster-list", "corps.RosterEntry", group=_("业务"), order=310),
        MenuItem(_("月度考核"), "corps:plan-list", "corps.AssessmentPlan", group=_("业务"), order=320),
        MenuItem(_("考核项目"), "corps:item-list", "corps.AssessmentItem", group=_("业务"), order=330),
        MenuItem(
            _("执勤战备检查"), "corps:readiness-list", "corps.ReadinessCheck", group=_("业务"), order=350
        ),
        MenuItem(_("警情"), "corps:incident-list", "corps.Incident", group=_("业务"), order=360),
        MenuItem(_("战例研讨"), "corps:review-list", "corps.CaseReview", group=_("业务"), order=370),
        MenuItem(_("表彰奖励"), "corps:honour-list", "corps.Honour", group=_("业务"), order=380),
    )
