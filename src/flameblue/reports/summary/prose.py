"""The prose templates of the annual summary: a YAML document (the built-in ``reports/rules/annual-summary.yaml``
or an officer's saved edit of it) whose title and blocks are Jinja sentences. Rendering one for a year and
region gives the draft's blocks; figure placeholders (``{hazards.found}``) pass through Jinja untouched and
stay in the text. Templates run in Jinja's sandbox: an edited template can read figures and record names,
nothing else."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from flameblue.reports.summary.tokens import check_known

__all__ = ["BUILTIN", "ProseTemplates", "active_templates", "parse_templates", "render_blocks"]

BUILTIN = Path(__file__).resolve().parent.parent / "rules" / "annual-summary.yaml"
LEVELS = (0, 1, 2)
# whitespace the YAML line folding leaves between Chinese words: kept only between two Latin letters/digits
_FOLDED = re.compile(r"(?<![A-Za-z0-9])\s+|\s+(?![A-Za-z0-9])")

_ENV = SandboxedEnvironment(autoescape=False, undefined=StrictUndefined, keep_trailing_newline=False)


@dataclass(frozen=True)
class ProseTemplates:
    version: str
    title: str
    blocks: tuple[dict[str, Any], ...]
    source: str


def _fail(message: str) -> ValidationError:
    return ValidationError({"text": [message]})


def parse_templates(text: str) -> ProseTemplates:
    """Read and check a template document; a ValidationError says what is wrong and where."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = _("第 %(line)d 行") % {"line": mark.line + 1} if mark else ""
        raise _fail(
            _("模板不是有效的 YAML（%(where)s）：%(error)s") % {"where": where, "error": str(exc)[:200]}
        ) from exc
    if not isinstance(data, dict) or not isinstance(data.get("blocks"), list) or not data["blocks"]:
        raise _fail(_("模板须有 version、title 和 blocks（段落列表）三项。"))
    version = str(data.get("version") or "").strip()
    if not version:
        raise _fail(_("模板须写明 version（版本号）。"))
    title = str(data.get("title") or "").strip()
    if not title:
        raise _fail(_("模板须写明 title（标题）。"))
    blocks: list[dict[str, Any]] = []
    keys: set[str] = set()
    for index, raw in enumerate(data["blocks"], start=1):
        if not isinstance(raw, dict) or not str(raw.get("key") or "").strip():
            raise _fail(_("第 %(n)d 个段落缺少 key。") % {"n": index})
        key = str(raw["key"]).strip()
        if key in keys:
            raise _fail(_("段落 key “%(key)s”重复。") % {"key": key})
        keys.add(key)
        level = raw.get("level", 2)
        if level not in LEVELS:
            raise _fail(_("段落“%(key)s”的 level 须为 0、1 或 2。") % {"key": key})
        block = {"key": key, "level": level, "heading": str(raw.get("heading") or ""),
                 "text": str(raw.get("text") or "")}  # fmt: skip
        for part in ("heading", "text"):
            try:
                _ENV.parse(block[part])
            except TemplateError as exc:
                raise _fail(
                    _("段落“%(key)s”的 %(part)s 有 Jinja 语法错误：%(error)s")
                    % {"key": key, "part": part, "error": str(exc)[:200]}
                ) from exc
        blocks.append(block)
    try:
        _ENV.parse(title)
    except TemplateError as exc:
        raise _fail(_("标题有 Jinja 语法错误：%(error)s") % {"error": str(exc)[:200]}) from exc
    return ProseTemplates(version=version, title=title, blocks=tuple(blocks), source=text)


def builtin_templates() -> ProseTemplates:
    return parse_templates(BUILTIN.read_text(encoding="utf-8"))


def active_templates() -> ProseTemplates:
    """The newest active saved edit, else the built-in templates."""
    from flameblue.reports.models import ProseTemplate

    saved = ProseTemplate.objects.filter(is_active=True).order_by("-number").first()
    return parse_templates(saved.text) if saved is not None else builtin_templates()


def _tidy(text: str) -> str:
    return _FOLDED.sub("", text).strip()


def render_blocks(
    templates: ProseTemplates,
    *,
    context: dict[str, Any],
    value: Callable[[str], Any],
    names: Callable[[str, int], list[str]],
    known: Callable[[str], bool],
) -> tuple[str, list[dict[str, Any]]]:
    """The title and the blocks of a draft: each template rendered with ``context`` plus ``v(code)`` (a
    figure's value), ``has(code)`` and ``names(code, limit)``. A template that fails at render time (an
    unknown name, a figure code misspelt inside ``v()``) is reported with its block."""
    functions = {"v": value, "has": known, "names": lambda code, limit=8: names(code, int(limit))}
    scope = {**context, **functions}

    def render(source: str, where: str) -> str:
        try:
            return _tidy(_ENV.from_string(source).render(scope))
        except (TemplateError, KeyError, TypeError, ValueError) as exc:
            raise _fail(
                _("段落“%(key)s”无法生成：%(error)s") % {"key": where, "error": str(exc)[:200]}
            ) from exc

    title = render(templates.title, "title")
    blocks = [
        {
            "key": b["key"],
            "level": b["level"],
            "heading": render(b["heading"], b["key"]),
            "text": render(b["text"], b["key"]),
        }  # fmt: skip
        for b in templates.blocks
    ]
    # placeholders are checked as written into the draft: one inside {% if has("…") %} may name a figure
    # that is not installed
    errors = check_known(blocks)
    if errors:
        raise _fail(" ".join(message for messages in errors.values() for message in messages))
    return title, blocks
