import re

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_schema_endpoint_serves_every_foundation_endpoint(api, people):
    response = api(people.qiaocheng).get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in [
        "/api/v1/regions/",
        "/api/v1/organizations/{id}/",
        "/api/v1/people/{id}/reveal/",
        "/api/v1/memberships/",
        "/api/v1/roles/",
        "/api/v1/industries/",
        "/api/v1/audit-events/export/",
        "/api/v1/auth/token/",
    ]:
        assert path in paths, path


def test_schema_validates_without_warnings(tmp_path):
    target = tmp_path / "schema.yml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    assert "phone_masked" in target.read_text(encoding="utf-8")


def _asset_urls(html: str) -> list[str]:
    return re.findall(r'(?:src|href)="([^"]+)"', html)


@pytest.mark.parametrize("url", ["/api/docs/", "/api/redoc/"])
def test_api_docs_load_only_local_assets_and_no_inline_script(api, people, url):
    response = api(people.qiaocheng).get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assets = _asset_urls(html)
    assert assets
    for asset in assets:
        assert asset.startswith(("/static/", "/api/")), asset
        if asset.startswith("/static/"):
            served = api().get(asset)
            assert served.status_code == 200, asset  # shipped by drf-spectacular-sidecar, no CDN
    assert "//" not in "".join(assets)
    # our CSP allows scripts from our own origin only: every <script> must have a src
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)


def test_swagger_start_script_is_served_as_a_file(api, people):
    response = api(people.qiaocheng).get("/api/docs/", {"script": ""})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert "/api/schema/" in response.content.decode()
