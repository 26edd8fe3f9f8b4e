from __future__ import annotations

import pytest
from rest_framework.test import APIClient


@pytest.fixture
def api():
    """``api(user)`` -> an APIClient authenticated as ``user`` (session); ``api()`` -> anonymous."""

    def _client(user=None) -> APIClient:
        client = APIClient()
        if user is not None:
            client.force_login(user)
        return client

    return _client
