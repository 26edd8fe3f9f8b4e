"""The prose templates are data: the built-in file is used until an officer saves an edit; an edit that
cannot be read or drafted is refused with the reason and the templates in use stay as they were."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from flameblue.core.models import AuditEvent
from flameblue.reports.models import ProseTemplate
from flameblue.reports.summary.prose import BUILTIN, active_templates, parse_templates
from flameblue.reports.summary.services import draft, restore_builtin_templates, save_templates

pytestmark = pytest.mark.django_db

SMALL = """
version: "2027.1"
title: "{{ org }}{{ year }}年工作小结"
blocks:
  - key: opening
    level: 0
    text: "本年发现隐患{hazards.found}处。{% if v('hazards.found') > 100 %}隐患较多。{% endif %}"
"""


def message(exc) -> str:
    return " ".join(exc.value.messages)


def test_the_builtin_templates_parse_and_carry_a_version():
    templates = parse_templates(BUILTIN.read_text(encoding="utf-8"))
    assert templates.version and len(templates.blocks) >= 12


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("version: [1, 2\n", "不是有效的 YAML（第 "),
        ('version: "1"\ntitle: "x"\n', "须有 version、title 和 blocks"),
        ('version: "1"\ntitle: "x"\nblocks:\n  - key: a\n    text: "{% if %}"\n', "Jinja 语法错误"),
        ('version: "1"\ntitle: "x"\nblocks:\n  - key: a\n  - key: a\n', "key “a”重复"),
        ('version: "1"\ntitle: "x"\nblocks:\n  - key: a\n    level: 7\n', "level 须为 0、1 或 2"),
    ],
)
def test_a_broken_template_is_refused_with_the_reason(text, expected):
    with pytest.raises(ValidationError) as exc:
        parse_templates(text)
    assert expected in message(exc)


def test_an_edit_is_used_for_new_drafts_and_can_be_undone(orgs, people):
    saved = save_templates(by=people.detachment, text=SMALL)
    assert active_templates().version == "2027.1"
    text = draft(orgs.detachment, 2019)
    assert (
        text.title == "亳州市消防救援支队2019年工作小结"
        and text.blocks[0]["text"] == "本年发现隐患{hazards.found}处。"
    )
    assert AuditEvent.objects.filter(object_type="reports.prosetemplate", object_id=str(saved.pk)).exists()
    restore_builtin_templates(by=people.detachment)
    assert active_templates().version != "2027.1"
    assert ProseTemplate.objects.count() == 1  # kept


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("{no_such.figure}", "引用了不存在的统计指标 {no_such.figure}"),
        ("{{ v('no.such') }}", "无法生成"),
        ("{{ undefined_name }}", "无法生成"),
    ],
)
def test_an_edit_that_cannot_draft_is_refused_and_nothing_changes(orgs, people, sentence, expected):
    text = SMALL.replace("本年发现隐患{hazards.found}处。", sentence)
    with pytest.raises(ValidationError) as exc:
        save_templates(by=people.detachment, text=text)
    assert expected in message(exc)
    assert not ProseTemplate.objects.exists()


def test_the_templates_page_saves_an_edit_and_shows_errors(login, people):
    client = login(people.detachment)
    url = reverse("reports:annual-templates")
    page = client.get(url).content.decode()
    assert "blocks:" in page and "{hazards.found}" in page
    bad = client.post(url, {"text": "version: [1"})
    assert bad.status_code == 400 and "不是有效的 YAML" in bad.content.decode()
    assert client.post(url, {"text": SMALL}).status_code == 302
    assert ProseTemplate.objects.get().template_version == "2027.1"


def test_only_whoever_may_change_templates_gets_the_page(login, people):
    assert login(people.qiaocheng).get(reverse("reports:annual-templates")).status_code == 403
