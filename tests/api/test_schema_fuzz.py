"""Schemathesis over /api/schema/: generated requests to every operation, as the detachment administrator,
must never answer 5xx and every response must match the schema (status code, content type, body).

Bounded for CI: a few examples per operation (``FUZZ_EXAMPLES``, default 8). It runs only when
``FLAMEBLUE_FUZZ=1`` (its own stage in .ci/run, on PostgreSQL, two workers, under a time limit):
``FLAMEBLUE_FUZZ=1 DATABASE_URL=postgres://… pytest -n 2 -m fuzz tests/api/test_schema_fuzz.py``."""

from __future__ import annotations

import os

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.units.factories import make_unit

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.fuzz,
    pytest.mark.skipif(
        not os.environ.get("FLAMEBLUE_FUZZ"),
        reason="schemathesis runs in its own CI stage (FLAMEBLUE_FUZZ=1)",
    ),
]

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "8"))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture
def app(db):
    """The WSGI application; like Django's test client, the requests run inside the test's transaction, so
    the handler must not close the connection at the end of each request."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield get_wsgi_application()
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.fixture
def token(people, orgs) -> str:
    make_unit(orgs.mall)
    return Token.objects.create(user=people.detachment).key


# The schema /api/schema/ serves, generated in process at collection (no database needed).
schema = schemathesis.openapi.from_dict(SchemaGenerator().get_schema(request=None, public=True))


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_api_answers_every_generated_request_within_its_schema(case, app, token):
    case.call_and_validate(headers={"Authorization": f"Token {token}"}, checks=CHECKS, app=app)
