"""Production settings (FLAMEBLUE_PRODUCTION=true): `check --deploy` is clean, cookies are secure, HSTS is on,
a weak or missing SECRET_KEY stops the start; every response carries a Content-Security-Policy."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
SECRET = "k8#Qz!v2Lr7pW9xT4mN6bY1cF3hJ5dS0gA-ZeUoIiKlPqRsVw_"  # 51 characters, not a real key


def _run(args: list[str], tmp_path, **env_overrides) -> subprocess.CompletedProcess:
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {"DATABASE_URL", "REDIS_URL", "DEBUG", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(
        FLAMEBLUE_PRODUCTION="true",
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="fire.bozhou.gov.cn",
        FLAMEBLUE_VAR_DIR=str(tmp_path / "var"),
    )
    env.update(env_overrides)
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_deploy_check_reports_no_issues(tmp_path):
    result = _run([sys.executable, "manage.py", "check", "--deploy"], tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output
    assert "WARNING" not in output and "?:" not in output


def test_production_turns_on_secure_cookies_and_hsts(tmp_path):
    script = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({k: getattr(s, k) for k in ['DEBUG', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', "
        "'SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_SSL_REDIRECT', 'SESSION_COOKIE_HTTPONLY']}))"
    )
    result = _run([sys.executable, "-c", script], tmp_path, DJANGO_SETTINGS_MODULE="flameblue.settings")
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values == {
        "DEBUG": False,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_SSL_REDIRECT": True,
        "SESSION_COOKIE_HTTPONLY": True,
    }


@pytest.mark.parametrize("secret", ["", "too-short-secret-key"])
def test_production_refuses_a_missing_or_short_secret_key(tmp_path, secret):
    result = _run([sys.executable, "manage.py", "check"], tmp_path, SECRET_KEY=secret)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.django_db
def test_pages_carry_a_content_security_policy(client, people):
    client.force_login(people.qiaocheng)
    response = client.get(reverse("twofactor-disable"))
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "object-src 'none'" in policy
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
