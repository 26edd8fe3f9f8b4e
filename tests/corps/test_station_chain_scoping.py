"""Corps records follow the chain (staffing/chain.py): a station sees its own incidents, case reviews,
corrective actions, readiness checks, findings and honours — not a sibling station's in the same county —
while its brigade sees both stations' records."""

from __future__ import annotations

import pytest

from flameblue.corps.honours import services as honours
from flameblue.corps.honours.models import Honour
from flameblue.corps.incidents.models import CaseReview, Incident, ReviewAction
from flameblue.corps.readiness import services as readiness
from flameblue.corps.readiness.models import ReadinessCheck, ReadinessFinding
from flameblue.org.choices import OrgKind
from tests.corps.subdomains import DAY, _incident, make_world
from tests.factories import org, persona

pytestmark = pytest.mark.django_db


def test_a_station_sees_its_own_corps_records_not_its_neighbours(orgs, people):
    w = make_world(orgs)
    sibling = org("谯城区古井消防救援站", OrgKind.STATION, "341602", parent=orgs.qiaocheng_brigade)
    commander = persona("sibling_commander", sibling, "station_commander")
    own = persona("xuege_commander", w.station, "station_commander")
    sibling_incident = _incident(sibling, "341602001", "古井镇厂房火灾", kind="fire")
    readiness.check_create(
        by=None, checklist=w.checklist, station=sibling, checked_on=DAY, inspectors="张参谋",
        answers={i["code"]: "pass" for i in w.checklist.items},
    )  # fmt: skip
    honours.honour_create(by=None, data={
        "category": "collective", "grade": "model_station", "title": "标兵站", "level": "corps",
        "issuer": "安徽省消防救援总队", "awarded_on": DAY, "unit": sibling,
    })  # fmt: skip

    def seen(user, model):
        return set(model.objects.visible_to(user, "view"))

    assert seen(commander, Incident) == {sibling_incident}
    assert seen(own, Incident) == {w.incident}
    assert seen(commander, CaseReview) == set() and seen(own, CaseReview) == {w.review}
    assert seen(commander, ReviewAction) == set() and w.action in seen(own, ReviewAction)
    assert {c.station for c in seen(commander, ReadinessCheck)} == {sibling}
    assert seen(commander, ReadinessFinding) == set() and w.finding in seen(own, ReadinessFinding)
    assert {h.unit for h in seen(commander, Honour)} == {sibling}
    assert w.honour not in seen(commander, Honour)
    brigade = seen(people.qiaocheng, Incident)
    assert {w.incident, sibling_incident} <= brigade and w.incident_m not in brigade
