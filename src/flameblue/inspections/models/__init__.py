"""Records of the inspections app: checklists, inspections with their answers and findings, supervision
plans and due dates, 双随机 draws and declared conflicts."""

from flameblue.inspections.models.checklists import Checklist, ChecklistItem
from flameblue.inspections.models.inspection import Finding, Inspection, InspectionAnswer
from flameblue.inspections.models.planning import (
    ConflictDeclaration,
    Draw,
    DrawAssignment,
    DrawTransition,
    InspectionPlan,
    InspectionPlanItem,
    SupervisionDue,
)

__all__ = [
    "Checklist",
    "ChecklistItem",
    "ConflictDeclaration",
    "Draw",
    "DrawAssignment",
    "DrawTransition",
    "Finding",
    "Inspection",
    "InspectionAnswer",
    "InspectionPlan",
    "InspectionPlanItem",
    "SupervisionDue",
]
