"""The English catalogue is complete, compiled, and actually used when a user picks English."""

import ast
import gettext
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

LC_MESSAGES = Path(settings.LOCALE_PATHS[0]) / "en" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|\{\w*\}")
CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str = ""
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    obsolete: bool = False


def parse_po(path: Path) -> list[Entry]:
    """A small .po reader: enough for msgid/msgid_plural/msgstr[n], flags and obsolete entries."""
    entries: list[Entry] = []
    entry, target = Entry(), None
    for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        if not line:
            if entry.msgid or entry.msgstr:
                entries.append(entry)
            entry, target = Entry(), None
            continue
        if line.startswith("#~"):
            entry.obsolete = True
            continue
        if line.startswith("#,"):
            entry.flags |= {f.strip() for f in line[2:].split(",")}
            continue
        if line.startswith("#"):
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            rest = line
        elif keyword == "msgstr":
            target = ("msgstr", 0)
        elif keyword.startswith("msgstr["):
            target = ("msgstr", int(keyword[7:-1]))
        else:
            target = (keyword, None)
        text = ast.literal_eval(rest)
        name, index = target
        if name == "msgstr":
            entry.msgstr[index] = entry.msgstr.get(index, "") + text
        elif name in ("msgid", "msgid_plural"):
            setattr(entry, name, getattr(entry, name) + text)
    return entries


def catalogue(domain: str) -> list[Entry]:
    return [e for e in parse_po(LC_MESSAGES / f"{domain}.po") if e.msgid and not e.obsolete]


def domains() -> list[str]:
    return [p.stem for p in sorted(LC_MESSAGES.glob("*.po"))]


def test_catalogue_is_substantial():
    assert "django" in domains()
    assert len(catalogue("django")) > 1000


@pytest.mark.parametrize("domain", domains())
def test_every_entry_is_translated_and_none_is_fuzzy(domain):
    entries = catalogue(domain)
    untranslated = [e.msgid for e in entries if not e.msgstr or not all(e.msgstr.values())]
    fuzzy = [e.msgid for e in entries if "fuzzy" in e.flags]
    assert untranslated == [], f"untranslated: {untranslated[:20]}"
    assert fuzzy == [], f"fuzzy: {fuzzy[:20]}"


@pytest.mark.parametrize("domain", domains())
def test_translations_keep_placeholders_and_are_english(domain):
    wrong = [
        (e.msgid, s)
        for e in catalogue(domain)
        for s in e.msgstr.values()
        if sorted(PLACEHOLDER.findall(e.msgid)) != sorted(PLACEHOLDER.findall(s))
    ]
    assert wrong == []
    # Chinese may appear only when quoting literal input the user must type (import columns, 是/否).
    chinese = [e.msgid for e in catalogue(domain) if CJK.search(e.msgstr[0]) and "“" not in e.msgid]
    assert chinese == []


@pytest.mark.parametrize("domain", domains())
def test_compiled_catalogue_matches_the_source(domain):
    with (LC_MESSAGES / f"{domain}.mo").open("rb") as fh:
        compiled = gettext.GNUTranslations(fh)
    stale = [
        e.msgid for e in catalogue(domain) if not e.msgid_plural and compiled.gettext(e.msgid) != e.msgstr[0]
    ]
    assert stale == [], f"django.mo is out of date for: {stale[:20]}"


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_login_page_is_in_english(english):
    html = english.get(reverse("login")).content.decode()
    assert 'lang="en"' in html
    assert "Log in to FlameBlue" in html and "登录火焰蓝" not in html


def test_hazard_list_heading_is_in_english(english, people):
    english.force_login(people.qiaocheng)
    html = english.get(reverse("hazards:hazard-list")).content.decode()
    assert re.search(r"<h1[^>]*>\s*Fire hazards\s*</h1>", html)
    assert "Rectification notice" in html and "登记隐患" not in html


def test_unit_list_heading_is_in_english(english, people):
    english.force_login(people.qiaocheng)
    html = english.get(reverse("units:unit-list")).content.decode()
    assert re.search(r"<h1[^>]*>\s*Social units\s*</h1>", html)
    assert "Annual declaration" in html and "年度申报" not in html


def test_public_tip_form_is_in_english(english):
    html = english.get(reverse("portal_tips:create")).content.decode()
    assert "Report a fire hazard" in html
    assert "call 119 immediately" in html and "拨打 119" not in html


def test_chinese_stays_the_default_without_the_cookie(client, people):
    client.force_login(people.qiaocheng)
    html = client.get(reverse("hazards:hazard-list")).content.decode()
    assert re.search(r"<h1[^>]*>\s*火灾隐患\s*</h1>", html)
