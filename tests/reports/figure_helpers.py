"""Shared by the tests of the apps' figures on the demo: a figure's value for 2019 (or a given period) and a
copy of a demo record saved as a new row."""

from __future__ import annotations

from django.db.models import Model

from flameblue.core.figures import FigurePeriod, figure, figure_value

YEAR = FigurePeriod.year(2019)


def value(code: str, period: FigurePeriod = YEAR):
    return figure_value(figure(code), period).value


def clone(obj: Model, **changes) -> Model:
    """A copy of a demo record saved as a new row, with ``changes`` applied."""
    obj.pk = None
    obj.id = None
    obj._state.adding = True
    for name, new in changes.items():
        setattr(obj, name, new)
    obj.save()
    return obj
