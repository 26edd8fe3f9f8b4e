"""Who found a hazard: a unit manager's own self-inspection records its hazards on the inspection's authority
(unit managers may not register hazards), yet the hazard and its timeline name the manager as the finder."""

from __future__ import annotations

import pytest
from django.urls import reverse

from flameblue.core.errors import PermissionDeniedError
from flameblue.hazards import services
from flameblue.hazards.choices import HazardSource
from flameblue.hazards.models import Hazard
from flameblue.inspections.services import inspection_start, inspection_submit
from tests.inspections.inspection_fixtures import answer_all, small_shop  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

SIGNED = {"inspector_name": "店长赵六", "unit_representative_name": "店长赵六"}


def test_self_inspection_hazard_names_the_manager_who_found_it(small_shop, client):  # noqa: F811
    patrol = inspection_start(kind="self_patrol", unit=small_shop.unit, by=small_shop.manager)
    answer_all(patrol, small_shop.manager, answers={"SPS-003": {"result": "fail", "note": "后门上锁"}})
    inspection_submit(inspection=patrol, by=small_shop.manager, **SIGNED)

    hazard = Hazard.objects.get()
    assert hazard.source == HazardSource.SELF_INSPECTION
    assert hazard.found_by == small_shop.manager
    assert hazard.created_by is None  # recorded on the inspection's authority, not the manager's own
    found = hazard.transitions.get()
    assert found.to_status == "found" and found.by == small_shop.manager

    client.force_login(small_shop.manager)
    page = client.get(reverse("hazards:hazard-detail", kwargs={"pk": hazard.pk}))
    assert page.status_code == 200
    assert "shop_manager" in page.content.decode()


def test_found_by_does_not_lend_permission(small_shop):  # noqa: F811
    with pytest.raises(PermissionDeniedError):
        services.hazard_report(
            by=small_shop.manager, found_by=small_shop.manager, unit=small_shop.unit,
            description="后门上锁", source=HazardSource.SELF_INSPECTION,
        )  # fmt: skip


def test_officer_who_records_is_the_finder_by_default(units, people):
    hazard = services.hazard_report(
        by=people.qiaocheng, unit=units.mall, description="疏散通道堆放杂物", source=HazardSource.SUPERVISION
    )
    assert hazard.found_by == people.qiaocheng
    assert hazard.transitions.get().by == people.qiaocheng
