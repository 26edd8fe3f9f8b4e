"""``flameblue import-units`` reports every problem by row and column, and imports a clean sheet."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from flameblue.units.models import Unit
from tests.units.sheets.sheets import xlsx

pytestmark = pytest.mark.django_db

ROWS = [
    {"单位名称*": "命令行甲单位", "所在乡镇（街道）*": "古井"},
    {"单位名称*": "命令行乙单位", "所在乡镇（街道）*": "双涧镇", "建筑面积（㎡）": "-1"},
]


def test_command_reports_row_and_column_and_imports_nothing(tmp_path, capsys):
    path = tmp_path / "units.xlsx"
    path.write_bytes(xlsx(ROWS))

    with pytest.raises(CommandError, match="发现 1 个问题"):
        call_command("import_units", str(path))

    assert "第3行\t建筑面积（㎡）\t不能为负数" in capsys.readouterr().err
    assert not Unit.objects.exists()


def test_dry_run_writes_nothing_and_a_real_run_imports(tmp_path, capsys):
    rows = [dict(ROWS[0]), {**ROWS[1], "建筑面积（㎡）": 10}]
    path = tmp_path / "units.xlsx"
    path.write_bytes(xlsx(rows))

    call_command("import_units", str(path), "--dry-run")
    assert "将新增 2" in capsys.readouterr().out
    assert not Unit.objects.exists()

    call_command("import_units", str(path))
    assert "新增 2" in capsys.readouterr().out
    assert set(Unit.objects.values_list("region_id", flat=True)) == {"341602100", "341622101"}


def test_command_with_a_user_applies_their_jurisdiction(tmp_path, people):
    path = tmp_path / "units.xlsx"
    path.write_bytes(xlsx([{**ROWS[1], "建筑面积（㎡）": 10}]))

    with pytest.raises(CommandError):
        call_command("import_units", str(path), "--user", "qiaocheng")
    assert not Unit.objects.exists()
