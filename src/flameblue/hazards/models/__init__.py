"""Records of the hazards app: hazards and their transitions, notices, major-hazard determinations,
listed supervision, public tips, escalations, and the GB 35181 rule sets."""

from flameblue.hazards.models.hazard import Hazard, HazardTransition
from flameblue.hazards.models.notice import Notice, NoticeCounter
from flameblue.hazards.models.procedure import MajorHazardProcedure
from flameblue.hazards.models.rulesets import HazardRuleSet, RuleSetStatus
from flameblue.hazards.models.supervision import (
    DeterminationTransition,
    MajorHazardDetermination,
    SupervisionCase,
    SupervisionCaseCounter,
    SupervisionCaseTransition,
    SupervisionReport,
)
from flameblue.hazards.models.tip import Escalation, Tip, TipTransition

__all__ = [
    "DeterminationTransition",
    "Escalation",
    "Hazard",
    "HazardRuleSet",
    "HazardTransition",
    "MajorHazardDetermination",
    "MajorHazardProcedure",
    "Notice",
    "NoticeCounter",
    "RuleSetStatus",
    "SupervisionCase",
    "SupervisionCaseCounter",
    "SupervisionCaseTransition",
    "SupervisionReport",
    "Tip",
    "TipTransition",
]
