import io
from collections import Counter
import pytest
from flameblue.units import demo
from flameblue.units.models import Unit
pytestmark = [pytest.mark.django_db]

def test_probe():
    demo.seed(io.StringIO())
    units = Unit.objects.all()
    n = units.count(); k = units.filter(is_key_unit=True).count()
    print("\nTOTAL", n, "KEY", k, round(100*k/n,1))
    by = Counter(units.filter(key_unit_suggested=True).values_list("category", flat=True))
    tot = Counter(units.values_list("category", flat=True))
    for c in sorted(tot): print(c, tot[c], by.get(c,0))
