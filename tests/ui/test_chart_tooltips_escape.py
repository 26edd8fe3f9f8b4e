"""ECharts inserts a tooltip formatter's return value as HTML; unit names are user input, so every custom
formatter in our scripts that shows record data escapes it (a unit named ``<img onerror=…>`` must show as
text, not run: CSP is a second line, not the only one)."""

from __future__ import annotations

import re
from pathlib import Path

import flameblue

JS = Path(flameblue.__file__).parent / "static" / "js"
FORMATTER = re.compile(r"formatter:\s*\((\w+)\)\s*=>\s*([^,}]+)")


def _formatters():
    for path in sorted(JS.glob("*.js")):
        for param, body in FORMATTER.findall(path.read_text(encoding="utf-8")):
            yield path.name, param, body.strip()


def test_every_tooltip_formatter_that_shows_record_data_escapes_it():
    shown = [
        (name, body)
        for name, param, body in _formatters()
        if f"{param}.data" in body or f"{param}.name" in body
    ]
    assert shown, "the map scripts have tooltip formatters"
    unescaped = [(name, body) for name, body in shown if not body.startswith("escapeHtml(")]
    assert unescaped == []


def test_the_escape_covers_the_html_metacharacters():
    for name in ("unit-map.js", "hazard-map.js"):
        source = (JS / name).read_text(encoding="utf-8")
        assert "const escapeHtml" in source
        for char, entity in {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}.items():
            assert f'"{char}": "{entity}"' in source or f"'{char}': \"{entity}\"" in source, (name, char)
