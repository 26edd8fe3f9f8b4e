"""Loading checklist files: the migration loads and publishes the first versions; loading again changes
nothing; a published version can never be changed by editing its file; a new version arrives as a draft."""

from __future__ import annotations

import importlib
import shutil
from io import StringIO

import pytest
from django.apps import apps as django_apps
from django.core.management import CommandError, call_command

from flameblue.core.models import AuditEvent
from flameblue.inspections.checklist_loader import (
    CHECKLISTS_DIR,
    ChecklistConflict,
    ChecklistFileError,
    load_checklists,
    read_checklists,
)
from flameblue.inspections.models import Checklist, ChecklistItem
from flameblue.org.models import Role

pytestmark = pytest.mark.django_db

MALL = CHECKLISTS_DIR / "mall-2026.1.yaml"


def copy_mall(tmp_path, *, name="mall-2026.1.yaml", replace: dict[str, str] | None = None):
    text = MALL.read_text(encoding="utf-8")
    for old, new in (replace or {}).items():
        assert old in text
        text = text.replace(old, new)
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_migration_loads_every_checklist_file_and_publishes_the_first_version_of_each():
    files = read_checklists()
    assert Checklist.objects.count() == len(files) == 26
    published = Checklist.objects.filter(status="published")
    assert published.count() == 16 and set(published.values_list("edition", flat=True)) == {"2026.1"}
    # the 2026.2 versions (own patrol wording, GB 55037 citations, schools' 教育系统 items) await publishing
    assert set(Checklist.objects.exclude(status="published").values_list("edition", "status")) == {
        ("2026.2", "draft")
    }
    for data in files:
        checklist = Checklist.objects.get(code=data.code, edition=data.version)
        assert checklist.items.count() == len(data.items)
        assert checklist.source_hash == data.source_hash


def test_loading_again_changes_nothing():
    before = list(Checklist.objects.values_list("pk", "version", "status", "source_hash"))
    items = ChecklistItem.objects.count()
    report = load_checklists()
    assert report.created == report.refreshed == report.published == []
    assert len(report.unchanged) == 26
    assert list(Checklist.objects.values_list("pk", "version", "status", "source_hash")) == before
    assert ChecklistItem.objects.count() == items


def test_changed_content_under_a_published_version_is_refused(tmp_path):
    directory = copy_mall(tmp_path, replace={"商场、市场内未设置员工宿舍": "商场内未设置宿舍"})
    item = ChecklistItem.objects.get(checklist__code="mall", checklist__edition="2026.1", code="MALL-014")
    with pytest.raises(ChecklistConflict) as caught:
        load_checklists(directory=directory)
    message = str(caught.value)
    assert "mall" in message and "2026.1" in message and "已发布" in message and "新的版本号" in message
    item.refresh_from_db()
    assert item.text.startswith("商场、市场内未设置员工宿舍")


def test_reformatting_a_file_without_changing_content_is_not_a_change(tmp_path):
    directory = copy_mall(tmp_path, replace={"# 已发布的版本不得修改": "#  已发布的版本不得修改（注释可改）"})
    assert load_checklists(directory=directory).unchanged == ["mall@2026.1"]


def test_a_new_version_arrives_as_a_draft_beside_the_published_one(tmp_path):
    directory = copy_mall(
        tmp_path,
        name="mall-2026.3.yaml",
        replace={
            'version: "2026.1"': 'version: "2026.3"',
            "商场、市场内未设置员工宿舍": "商场、市场内严禁设置员工宿舍",
        },
    )
    report = load_checklists(directory=directory, by=None)
    assert report.created == ["mall@2026.3"] and report.published == []
    draft = Checklist.objects.get(code="mall", edition="2026.3")
    assert draft.status == "draft"
    assert Checklist.objects.get(code="mall", edition="2026.1").status == "published"
    assert AuditEvent.objects.filter(object_type="inspections.checklist", object_id=str(draft.pk)).exists()
    assert load_checklists(directory=directory).unchanged == ["mall@2026.3"]


def test_a_changed_draft_is_refreshed(tmp_path):
    replace = {'version: "2026.1"': 'version: "2026.3"'}
    load_checklists(directory=copy_mall(tmp_path, name="mall-2026.3.yaml", replace=replace))
    replace["商场、市场内未设置员工宿舍"] = "商场、市场内严禁设置员工宿舍"
    report = load_checklists(directory=copy_mall(tmp_path, name="mall-2026.3.yaml", replace=replace))
    assert report.refreshed == ["mall@2026.3"]
    draft = Checklist.objects.get(code="mall", edition="2026.3")
    assert draft.items.get(code="MALL-014").text.startswith("商场、市场内严禁设置员工宿舍")
    assert draft.version == 2


@pytest.mark.parametrize(
    ("replace", "expected"),
    [
        ({"code: MALL-002": "code: MALL-001"}, "检查项编号 MALL-001 重复"),
        ({'element: "7.8.2"': 'element: "7.3.13"'}, "'7.3.13' 不是 GB 35181-2017 的判定要素编号"),
        ({"threshold: '125'": "threshold: 'abc'"}, "MALL-018"),
        ({"comparison: '>'": "comparison: '=>'"}, "comparison"),
        ({"grade: general": "grade: serious"}, "grade"),
        ({"place_type: mall": "place_type: shop"}, "place_type 'shop'"),
    ],
)
def test_malformed_files_are_refused_naming_file_and_item(tmp_path, replace, expected):
    directory = copy_mall(tmp_path, replace=replace)
    count = Checklist.objects.count()
    with pytest.raises(ChecklistFileError) as caught:
        load_checklists(directory=directory)
    assert "mall-2026.1.yaml" in str(caught.value) and expected in str(caught.value)
    assert Checklist.objects.count() == count


def test_file_name_must_match_code_and_version(tmp_path):
    with pytest.raises(ChecklistFileError, match="文件名须为 mall-2026.1.yaml"):
        load_checklists(directory=copy_mall(tmp_path, name="mall-2026.9.yaml"))


def test_command_reports_and_refuses_conflicts(tmp_path):
    out = StringIO()
    call_command("load_checklists", stdout=out)
    assert "未变：26" in out.getvalue()
    directory = copy_mall(tmp_path, replace={"商场、市场内未设置员工宿舍": "改动"})
    with pytest.raises(CommandError, match="已发布"):
        call_command("load_checklists", directory=directory, stdout=StringIO())


def test_role_migration_appends_checklist_actions_once():
    grant = importlib.import_module("flameblue.inspections.migrations.0003_grant_checklist_actions").grant
    Role.objects.filter(code="grid_officer").update(actions=["geo.*.view"])
    Role.objects.filter(code="detachment_admin").update(actions=["org.*.view"])
    grant(django_apps, None)
    grant(django_apps, None)
    assert Role.objects.get(code="grid_officer").actions == ["geo.*.view", "inspections.checklist.view"]
    assert Role.objects.get(code="detachment_admin").actions == [
        "org.*.view",
        "inspections.checklist.view",
        "inspections.*.*",
        "inspections.checklist.publish",
        "inspections.checklist.change",
    ]
    assert "inspections.checklist.view" not in Role.objects.get(code="auditor").actions


def test_shipped_copy_is_untouched(tmp_path):
    """Guard for the tests above: they work on copies, never on the shipped files."""
    shutil.copy(MALL, tmp_path / MALL.name)
    assert (tmp_path / MALL.name).read_bytes() == MALL.read_bytes()
