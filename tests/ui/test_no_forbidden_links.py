"""Every persona sees only what it may do: from its landing page and the main lists and details, every
same-origin link it is shown opens (no 403), one level deep."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from types import SimpleNamespace
from urllib.parse import urljoin, urlsplit

import pytest
from django.urls import reverse

from flameblue.hazards.sweep import sweep
from flameblue.inspections.planning.services import supervision_due_refresh
from tests.factories import persona
from tests.hazards.conftest import png
from tests.hazards.lifecycle_helpers import DAY, completion_reported, rectifying
from tests.hazards.supervision.helpers import requested_case
from tests.hazards.tips.helpers import at, make_tip
from tests.units.factories import make_unit

pytestmark = pytest.mark.django_db

START_PAGES = [
    "core:dashboard",
    "units:unit-list",
    "inspections:inspection-list",
    "inspections:due-list",
    "inspections:plan-list",
    "hazards:hazard-list",
    "hazards:notice-list",
    "hazards:tip-list",
    "hazards:supervision-list",
    "core:inbox",
    "org:user-list",
    "org:person-list",
]
# Links that are not pages to open: logout is a POST form, language switching, static files, the API.
SKIP = re.compile(r"^/(static|media|api|i18n|jsi18n|account/logout|account/login)/?")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def links(page_url: str, html: str) -> set[str]:
    parser = _Links()
    parser.feed(html)
    found = set()
    for href in parser.hrefs:
        url = urljoin(page_url, href)
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or href.startswith(("#", "mailto:", "tel:", "javascript:")):
            continue
        if SKIP.match(parts.path):
            continue
        found.add(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


@pytest.fixture
def leaders(orgs):
    return SimpleNamespace(county=persona("qiaocheng_leader", orgs.qiaocheng_gov, "government_leader"))


@pytest.fixture
def world(orgs, people, leaders):
    """A little of everything: units, hazards at several steps, a tip, a supervision case, escalations."""
    school = make_unit(
        orgs.school,
        category="school",
        place_type_id="school",
        is_key_unit=True,
        latitude=33.85,
        longitude=115.78,
    )
    mall = make_unit(orgs.mall, category="shop")
    hospital = make_unit(orgs.mengcheng_hospital, category="hospital")
    rectifying(mall, people.qiaocheng)
    completion_reported(school, people.qiaocheng, people.unit_manager)
    rectifying(hospital, people.mengcheng)
    requested_case(mall, people.qiaocheng, orgs.qiaocheng_gov)
    make_tip(now=at(DAY))
    sweep(today=DAY + dt.timedelta(days=40))
    supervision_due_refresh()
    return SimpleNamespace(school=school, mall=mall, photo=png)


def crawl(client) -> dict[str, int]:
    """Open the start pages, then every link on them; return {url: status} for any 403."""
    forbidden: dict[str, str] = {}
    pages: dict[str, str] = {}
    for name in START_PAGES:
        url = reverse(name)
        response = client.get(url)
        if response.status_code == 200:
            pages[url] = response.content.decode()
    seen: set[str] = set(pages)
    for page_url, html in list(pages.items()):
        for link in sorted(links(page_url, html) - seen):
            seen.add(link)
            response = client.get(link)
            if response.status_code == 403:
                forbidden[link] = page_url
            elif response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
                # one level deeper for detail pages reached from a list, where most action buttons live
                for deeper in sorted(links(link, response.content.decode()) - seen):
                    seen.add(deeper)
                    if client.get(deeper).status_code == 403:
                        forbidden[deeper] = link
    return forbidden


PERSONAS = [
    "detachment",
    "qiaocheng",
    "mengcheng",
    "grid",
    "edu",
    "unit_manager",
    "city_leader",
    "auditor",
    "sysadmin",
    "secadmin",
]


@pytest.mark.parametrize("persona", PERSONAS)
def test_no_link_shown_to_a_persona_answers_403(persona, people, world, client, leaders):
    client.force_login(getattr(people, persona))
    forbidden = crawl(client)
    assert forbidden == {}, f"{persona} is shown links that answer 403 (link: page): {forbidden}"


def test_county_leader_escalation_links_open(leaders, world, client):
    """A government leader's inbox messages lead to something it can open, not to the tip."""
    client.force_login(leaders.county)
    response = client.get(reverse("core:inbox"))
    assert response.status_code == 200
    for link in links(reverse("core:inbox"), response.content.decode()):
        assert client.get(link).status_code != 403, link


def test_government_leader_due_list_offers_no_inspection(people, world, client):
    client.force_login(people.city_leader)
    html = client.get(reverse("inspections:due-list")).content.decode()
    assert world.school.name in html
    assert reverse("inspections:inspection-new") not in html
    assert client.get(reverse("inspections:inspection-new")).status_code in (403, 404)
