"""`flameblue backup` / `flameblue restore` on SQLite: a backup taken now brings the data back later.

These run the real command line against a throwaway SQLite database under a temporary FLAMEBLUE_VAR_DIR,
the way an operator would, so they do not disturb the test database."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.sqlite]

COUNT_UNITS = (
    "from flameblue.org.models import Organization as O; "
    "print(sorted(O.objects.filter(kind='social_unit').values_list('name', flat=True)))"
)


class Site:
    def __init__(self, var_dir: Path):
        self.env = {**os.environ, "FLAMEBLUE_VAR_DIR": str(var_dir), "FLAMEBLUE_HOME": str(var_dir)}
        self.env.pop("DATABASE_URL", None)

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        result = subprocess.run(
            [sys.executable, "-m", "flameblue.cli", *args],
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"{args} failed: {result.stderr}")
        return result

    def shell(self, code: str) -> str:
        return self.run("shell", "--no-imports", "-c", code).stdout.strip()

    def add_unit(self, name: str) -> None:
        self.shell(
            "from flameblue.org.models import Organization as O; "
            f"O.objects.create(name='{name}', kind='social_unit', region_id='341602001')"
        )


@pytest.fixture(scope="module")
def migrated_var(tmp_path_factory) -> Path:
    var_dir = tmp_path_factory.mktemp("migrated") / "var"
    Site(var_dir).run("migrate", "-v0")
    return var_dir


@pytest.fixture
def site(migrated_var, tmp_path) -> Site:
    """A freshly migrated SQLite site of its own (a copy of one migrated once per module)."""
    shutil.copytree(migrated_var, tmp_path / "var")
    return Site(tmp_path / "var")


def test_backup_then_restore_brings_back_the_data(site, tmp_path):
    site.add_unit("备份前的单位")
    target = tmp_path / "backups" / "flameblue.sqlite3"
    assert "已备份到" in site.run("backup", "--output", str(target)).stdout
    assert target.read_bytes().startswith(b"SQLite format 3\x00")

    site.add_unit("备份后的单位")
    site.shell("from flameblue.core import audit; audit.record('login', actor_name='after-backup')")
    assert site.shell(COUNT_UNITS) == "['备份前的单位', '备份后的单位']"

    site.run("restore", str(target), "--noinput")
    assert site.shell(COUNT_UNITS) == "['备份前的单位']"
    events = site.shell(
        "from flameblue.core.models import AuditEvent as A; "
        "print(list(A.objects.order_by('id').values_list('actor_name', flat=True))[-3:])"
    )
    # the data is the backup's, but the audit trail is append-only: what happened after the backup (the
    # backup itself, a login) is still there, followed by the restore
    assert events == "['backup', 'after-backup', 'restore']"
    site.shell("from flameblue.core import audit; audit.record('login', actor_name='later')")  # ids go on


def test_backup_without_output_goes_under_var(site, tmp_path):
    site.run("backup")
    assert len(list((tmp_path / "var" / "backups").glob("flameblue-*.sqlite3"))) == 1


def test_restore_refuses_a_file_that_is_not_a_backup(site, tmp_path):
    site.add_unit("不应丢失")
    bogus = tmp_path / "notes.txt"
    bogus.write_text("这不是数据库", encoding="utf-8")
    result = site.run("restore", str(bogus), "--noinput", check=False)
    assert result.returncode == 1
    assert "不是 SQLite 备份文件" in result.stderr
    assert site.shell(COUNT_UNITS) == "['不应丢失']"


def test_restore_of_a_missing_file_says_so(tmp_path):
    result = Site(tmp_path / "var").run("restore", str(tmp_path / "nope.sqlite3"), "--noinput", check=False)
    assert result.returncode == 1
    assert "备份文件不存在" in result.stderr
