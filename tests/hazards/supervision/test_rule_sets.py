"""The rule-set table keeps each loaded version of GB 35181 for the record."""

import datetime as dt

import pytest

from flameblue.hazards.models import HazardRuleSet, RuleSetStatus
from flameblue.hazards.supervision.determination import load_standard

pytestmark = pytest.mark.django_db


def test_migration_loaded_both_rule_files():
    current = HazardRuleSet.objects.get(code="GB35181-2017")
    assert current.status == RuleSetStatus.LOADED
    assert current.version == load_standard("GB35181-2017").version
    assert current.effective_to == dt.date(2025, 10, 31)
    assert len(current.content["comprehensive_elements"]) == 37
    assert len(current.sha256) == 64
    upcoming = HazardRuleSet.objects.get(code="GB35181-2025")
    assert upcoming.status == RuleSetStatus.LOADED
    assert upcoming.version == load_standard("GB35181-2025").version
    assert upcoming.effective_from == dt.date(2025, 11, 1)
