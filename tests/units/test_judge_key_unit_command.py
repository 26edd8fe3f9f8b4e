"""``flameblue judge-key-unit``: one JSON object in, one JSON object out, exit code 2 on bad input."""

from __future__ import annotations

import io
import json

import pytest

from flameblue.cli import main

pytestmark = pytest.mark.django_db


def run(monkeypatch, capsys, text: str) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    try:
        main(["flameblue", "judge-key-unit"])
        code = 0
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def test_the_issue_example(monkeypatch, capsys):
    code, out, _ = run(
        monkeypatch, capsys, '{"category": "shop", "building_area_m2": 1200, "sells_combustibles": true}'
    )
    assert code == 0
    assert json.loads(out) == {
        "key_unit": True,
        "rules": ["N-SHOP-1000"],
        "ruleset": "anhui@2026.1+national-2001@2001.2",
    }
    assert out.count("\n") == 1


def test_not_a_key_unit(monkeypatch, capsys):
    code, out, _ = run(monkeypatch, capsys, '{"category": "hotel", "guest_rooms": 49}')
    assert code == 0
    assert json.loads(out) == {"key_unit": False, "rules": [], "ruleset": "anhui@2026.1+national-2001@2001.2"}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('{"category": "spaceship"}', "category"),
        ('{"category": "shop", "building_area_m2": "abc"}', "building_area_m2"),
        ('{"category": "shop", "building_area_m2": -5}', "building_area_m2"),
        ('{"category": "government_organ", "admin_level": "village"}', "admin_level"),
        ("not json", "(input)"),
        ("[1, 2]", "(input)"),
    ],
)
def test_bad_input_exits_2_naming_the_key(monkeypatch, capsys, text, key):
    code, out, err = run(monkeypatch, capsys, text)
    assert code == 2
    assert out == ""
    assert key in err
