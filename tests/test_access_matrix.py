"""Runs every app's access-matrix cases (see tests/matrix.py) and checks that every URL has one."""

from __future__ import annotations

import copy
import importlib
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import tests
from tests.conftest import make_orgs, make_people
from tests.demo_session import rolled_back_rows
from tests.matrix import Case

#: URL names that are not application pages (framework plumbing), each with the reason.
EXEMPT = {
    "set_language": "language switch (POST, no data)",
    "javascript-catalog": "translation catalogue for scripts, public",
    "api:api-root": "DRF browsable root, lists endpoints only",
    "api-schema": "OpenAPI schema, checked in tests/api",
    "api-docs": "Swagger UI page, checked in tests/api",
    "api-redoc": "Redoc page, checked in tests/api",
}


def _matrix_modules():
    """Every ``matrix.py`` of a test package at any depth (``tests/hazards/supervision/matrix.py``)."""
    root = Path(tests.__file__).parent
    for path in sorted(root.rglob("matrix.py")):
        package = path.parent
        if package == root or not (package / "__init__.py").exists():
            continue  # tests/matrix.py holds the Case type, not cases
        yield importlib.import_module(".".join(("tests", *path.relative_to(root).with_suffix("").parts)))


def all_cases() -> list[Case]:
    return [case for module in _matrix_modules() for case in getattr(module, "CASES", [])]


def _walk(resolver, prefix=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            yield from _walk(entry, ns)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{prefix}{entry.name}"


def test_every_url_has_a_matrix_entry():
    covered = {case.url_name for case in all_cases()} | set(EXEMPT)
    names = set(_walk(get_resolver()))
    missing = sorted(n for n in names if n not in covered)
    assert not missing, f"URL patterns without an access-matrix case: {missing}"


def _build_world() -> SimpleNamespace:
    w = SimpleNamespace(orgs=make_orgs())
    w.people = make_people(w.orgs)
    for module in _matrix_modules():
        hook = getattr(module, "world", None)
        if hook is not None:
            hook(w)
    return w


@pytest.fixture(scope="module")
def _shared_world(django_db_setup, django_db_blocker, tmp_path_factory):
    """The personas and every app's world rows, built once per module (and worker) instead of once per case."""
    media = tmp_path_factory.mktemp("matrix-media")
    with rolled_back_rows(django_db_blocker, media, _build_world) as w:
        yield w, media


@pytest.fixture
def world(_shared_world, db, settings):
    """A copy per case: what a case builds lazily (and caches on the world) rolls back with the case; the files
    the world stored are copied to the case's own media folder."""
    w, media = _shared_world
    shutil.copytree(media, settings.MEDIA_ROOT, dirs_exist_ok=True)
    return copy.deepcopy(w)


def _request(client, case: Case, w, user=None):
    client.logout()
    if user is not None:
        client.force_login(user)
    url = reverse(case.url_name, kwargs=case.kwargs(w) if case.kwargs else None)
    if case.query:
        url = f"{url}?{case.query}"
    data = case.data(w) if case.data else {}
    if case.method == "get":
        return client.get(url, data or None)
    if case.api:
        return getattr(client, case.method)(url, data, content_type="application/json")
    return getattr(client, case.method)(url, data)


@pytest.mark.django_db
@pytest.mark.parametrize("case", all_cases(), ids=lambda c: c.id)
def test_access_matrix(client, world, case: Case):
    if not case.public:
        response = _request(client, case, world)
        if case.api:
            assert response.status_code in (401, 403), f"anonymous got {response.status_code}"
        else:
            assert response.status_code == 302 and "/account/login/" in response["Location"]
    if case.no_permission:
        response = _request(client, case, world, getattr(world.people, case.no_permission))
        assert response.status_code == 403, f"{case.no_permission} (no permission) got {response.status_code}"
    if case.out_of_scope:
        response = _request(client, case, world, getattr(world.people, case.out_of_scope))
        assert response.status_code == 404, (
            f"{case.out_of_scope} (out of jurisdiction) got {response.status_code}"
        )
    if case.allowed:
        response = _request(client, case, world, getattr(world.people, case.allowed))
        assert response.status_code in case.ok_status, f"{case.allowed} (allowed) got {response.status_code}"
