import pytest
from django.db import connection
from flameblue.geo.models import Region

@pytest.mark.django_db
@pytest.mark.sqlite
def test_a():
    assert Region.objects.exists()

@pytest.mark.parametrize("i", [1, 2])
def test_b(transactional_db, django_db_serialized_rollback, i):
    print("HAS", hasattr(connection, "_test_serialized_contents"), len(getattr(connection, "_test_serialized_contents", "")), Region.objects.count())
