"""``flameblue judge-major-hazard``: read one JSON object on stdin, print the GB 35181 suggestion as one JSON
object. Bad input exits with code 2 and a message on stderr naming the offending key (docs/judge-major-hazard.md)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any

from django.core.management.base import BaseCommand

from flameblue.hazards.supervision.determination import DeterminationError, judge

LIST_KEYS = ("categories", "elements", "corrected_on_spot", "exclusions")
KEYS = ("standard", *LIST_KEYS, "found_on")


class InputError(Exception):
    pass


def parse(text: str) -> dict[str, Any]:
    """Validate the request; raises :class:`InputError` naming the key at fault."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"输入不是合法的 JSON：{exc.msg}（第 {exc.lineno} 行第 {exc.colno} 列）") from exc
    if not isinstance(data, dict):
        raise InputError('输入须为一个 JSON 对象，如 {"categories": ["crowded"], "elements": ["7.3.3"]}')
    for key in data:
        if key not in KEYS:
            raise InputError(f"{key}: 未知的键（可用：{'、'.join(KEYS)}）")
    # Without "standard" the version in force on found_on is used (2017 up to 2025-10-31, 2025 from
    # 2025-11-01); without either, GB 35181-2025.
    standard = data.get("standard")
    if standard is not None and not isinstance(standard, str):
        raise InputError('standard: 须为字符串，如 "GB35181-2025" 或 "GB35181-2017"')
    request: dict[str, Any] = {"standard": standard}
    for key in LIST_KEYS:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise InputError(f'{key}: 须为字符串数组，如 ["7.3.3", "7.5"]')
        request[key] = value
    found_on = data.get("found_on")
    if found_on is not None:
        try:
            request["found_on"] = dt.date.fromisoformat(found_on) if isinstance(found_on, str) else None
        except ValueError:
            request["found_on"] = None
        if request["found_on"] is None:
            raise InputError("found_on: 须为日期字符串 YYYY-MM-DD")
    return request


class Command(BaseCommand):
    help = "按 GB 35181 判定重大火灾隐患：从标准输入读取一个 JSON 对象，输出一个 JSON 对象（仅为建议，由集体讨论决定）"
    requires_system_checks: list[str] = []

    def handle(self, *args, **options) -> None:
        try:
            request = parse(sys.stdin.read())
            result = judge(**request)
        except (InputError, DeterminationError) as exc:
            self.stderr.write(str(exc))
            raise SystemExit(2) from exc
        for warning in result.warnings:
            self.stderr.write(f"警告：{warning}")
        self.stdout.write(json.dumps(result.as_output(), ensure_ascii=False))
