import datetime as dt

import pytest
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import DEFAULT_PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive]


def _token(username: str) -> str:
    response = APIClient().post("/api/v1/auth/token/", {"username": username, "password": DEFAULT_PASSWORD})
    assert response.status_code == 200, response.content
    return response.json()["token"]


def test_an_expired_token_is_refused_and_login_issues_a_new_one(people, settings):
    settings.API_TOKEN_HOURS = 12
    key = _token("qiaocheng")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert client.get("/api/v1/regions/").status_code == 200
    Token.objects.filter(key=key).update(created=timezone.now() - dt.timedelta(hours=13))
    refused = client.get("/api/v1/regions/")
    assert refused.status_code in (401, 403) and "过期" in refused.content.decode()
    new_key = _token("qiaocheng")
    assert new_key != key
    client.credentials(HTTP_AUTHORIZATION=f"Token {new_key}")
    assert client.get("/api/v1/regions/").status_code == 200
