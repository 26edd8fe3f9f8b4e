"""``flameblue judge-major-hazard``: one JSON object in, one JSON object out, exit code 2 on bad input."""

import io
import json
import subprocess
import sys

import pytest
from django.core.management import call_command


def run(monkeypatch, capsys, payload):
    text = payload if isinstance(payload, str) else json.dumps(payload)
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    code = 0
    try:
        call_command("judge_major_hazard")
    except SystemExit as exc:
        code = exc.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_issue_example_prints_the_four_keys_in_order(monkeypatch, capsys):
    code, out, _ = run(
        monkeypatch,
        capsys,
        {
            "standard": "GB35181-2017",
            "categories": ["crowded"],
            "elements": ["7.3.3", "7.5"],
            "corrected_on_spot": [],
            "exclusions": [],
        },
    )
    assert code == 0
    assert out.strip() == '{"major": false, "basis": null, "rules": [], "excluded_by": null}'


def test_a_major_comprehensive_finding(monkeypatch, capsys):
    code, out, _ = run(
        monkeypatch,
        capsys,
        {"standard": "GB35181-2017", "categories": ["crowded"], "elements": ["7.3.3", "7.5", "7.9.3"]},
    )
    assert code == 0
    assert json.loads(out) == {
        "major": True,
        "basis": "comprehensive",
        "rules": ["5.3.2a"],
        "excluded_by": None,
    }
    assert list(json.loads(out)) == ["major", "basis", "rules", "excluded_by"]


def test_a_direct_finding_stopped_by_an_exclusion(monkeypatch, capsys):
    code, out, _ = run(
        monkeypatch,
        capsys,
        {"standard": "GB35181-2017", "categories": ["other"], "elements": ["6.6"], "exclusions": ["b"]},
    )
    assert code == 0
    assert json.loads(out) == {"major": False, "basis": None, "rules": [], "excluded_by": "5.1.3b"}


def test_standard_defaults_to_2025_and_lists_default_to_empty(monkeypatch, capsys):
    code, out, _ = run(monkeypatch, capsys, {"elements": ["5.5"]})
    assert code == 0 and json.loads(out)["rules"] == ["5.5"]


def test_a_late_finding_under_2017_warns_on_stderr(monkeypatch, capsys):
    payload = {"standard": "GB35181-2017", "elements": ["6.5"], "found_on": "2025-12-01"}
    code, out, err = run(monkeypatch, capsys, payload)
    assert code == 0 and json.loads(out)["major"] is True
    assert "GB35181-2025" in err


@pytest.mark.parametrize(
    ("payload", "named"),
    [
        ({"elements": ["7.3.99"]}, "7.3.99"),
        ({"categories": ["school"]}, "school"),
        ({"exclusions": ["z"]}, "exclusions"),
        ({"standard": "GB35181-2025", "elements": ["7.3.1"]}, "7.3.1"),
        ({"standard": "GB35181-2025", "categories": ["important"]}, "重要场所"),
        ({"found_on": "2025-11-01", "categories": ["important"]}, "important"),
        ({"standard": "GB1-1999"}, "standard"),
        ({"elements": "7.3.1"}, "elements"),
        ({"elements": [7.5]}, "elements"),
        ({"categories": None}, "categories"),
        ({"standard": 2017}, "standard"),
        ({"element": ["7.3.1"]}, "element"),
        ({"found_on": "yesterday"}, "found_on"),
        ("{not json", "JSON"),
        ("[]", "JSON"),
    ],
)
def test_bad_input_exits_2_naming_the_key(monkeypatch, capsys, payload, named):
    code, out, err = run(monkeypatch, capsys, payload)
    assert code == 2
    assert out == ""
    assert named in err


def test_the_console_script_reads_stdin_and_exits_2_on_an_unknown_clause():
    command = [sys.executable, "-m", "flameblue.cli", "judge-major-hazard"]
    ok = subprocess.run(
        command,
        input='{"standard": "GB35181-2017", "categories": ["other"], "elements": ["6.1"]}',
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout) == {"major": True, "basis": "direct", "rules": ["6.1"], "excluded_by": None}
    bad = subprocess.run(command, input='{"elements": ["9.9"]}', capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "9.9" in bad.stderr and bad.stdout == ""


def test_without_a_standard_the_finding_date_picks_the_version(monkeypatch, capsys):
    code, out, err = run(
        monkeypatch, capsys, {"categories": ["important"], "elements": ["6.5"], "found_on": "2025-10-31"}
    )
    assert code == 0 and json.loads(out)["rules"] == ["6.5"] and "废止" not in err
    code, out, err = run(
        monkeypatch, capsys, {"categories": ["important"], "elements": ["6.5"], "found_on": "2025-11-01"}
    )
    assert code == 2 and "GB35181-2025" in err and "重要场所" in err
    code, out, _ = run(
        monkeypatch, capsys, {"categories": ["elderly"], "elements": ["5.9"], "found_on": "2025-11-01"}
    )
    assert code == 0 and json.loads(out)["rules"] == ["5.9"]
