"""Units for the export and QR tests, registered through the unit services like any other unit."""

from __future__ import annotations

from flameblue.geo.models import Region
from flameblue.org.models import Person
from flameblue.units import services
from flameblue.units.models import Unit


def make_unit(name: str, township: str = "341602001", *, phone: str = "", **fields) -> Unit:
    unit = services.unit_create(
        by=None, data={"name": name, "region": Region.objects.get(pk=township), **fields}
    )
    if phone:
        person = Person.objects.create(name="王五", phone=phone, organization=unit.organization)
        unit.responsible_person = person
        unit.save(update_fields=["responsible_person"])
    return unit
