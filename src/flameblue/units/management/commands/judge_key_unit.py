"""``flameblue judge-key-unit``: one JSON object of unit attributes on stdin, the judgement on stdout.

    $ echo '{"category": "shop", "building_area_m2": 1200, "sells_combustibles": true}' | flameblue judge-key-unit
    {"key_unit": true, "rules": ["N-SHOP-1000"], "ruleset": "anhui@2026.1+national-2001@2001.2"}

An unknown category, an unknown key or a malformed value exits with code 2 and names the key on stderr.
The vocabulary is documented in docs/judge-key-unit.md.
"""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from flameblue.units.keyunits import JudgementInputError, RuleSetError, judge
from flameblue.units.selectors import active_rulesets


class Command(BaseCommand):
    help = "判定一个单位是否为消防安全重点单位：从标准输入读取一个 JSON 对象，向标准输出写一个 JSON 对象。"

    def handle(self, *args, **options) -> None:
        text = sys.stdin.read()
        try:
            attributes = json.loads(text)
        except json.JSONDecodeError as exc:
            raise CommandError(
                f"(input): 不是有效的 JSON：{exc.msg}（第 {exc.lineno} 行）", returncode=2
            ) from exc
        try:
            judgement = judge(attributes, active_rulesets())
        except JudgementInputError as exc:
            raise CommandError(f"{exc.key}: {exc.message}", returncode=2) from exc
        except RuleSetError as exc:
            raise CommandError(str(exc), returncode=1) from exc
        self.stdout.write(json.dumps(judgement.as_dict(), ensure_ascii=False))
