"""List endpoints cost a fixed number of queries however many rows they return (no query per row)."""

import pytest

from tests.factories import MembershipFactory, OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def _query_count(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "url", ["/api/v1/organizations/", "/api/v1/people/", "/api/v1/memberships/", "/api/v1/regions/"]
)
def test_list_queries_do_not_grow_with_rows(api, people, orgs, url):
    client = api(people.detachment)
    _query_count(client, url)  # the session's first request caches per-session facts
    before = _query_count(client, url)
    for _n in range(5):
        person = PersonFactory(organization=OrganizationFactory())
        MembershipFactory(person=person, organization=person.organization)
    after = _query_count(client, url)
    assert after == before
