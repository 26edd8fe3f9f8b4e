"""Copying the whole database to a file and back, for ``flameblue backup`` / ``flameblue restore``.

SQLite: the sqlite3 online backup API (a consistent copy while FlameBlue keeps running).
PostgreSQL: ``pg_dump --format=custom`` and ``pg_restore --clean``; connection details are passed to the
client programs through libpq environment variables (PGHOST, PGPASSWORD, …), never on the command line."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connection

__all__ = ["BackupError", "backup_database", "engine", "pg_env", "restore_database"]

SQLITE_HEADER = b"SQLite format 3\x00"


class BackupError(Exception):
    """A backup or restore that could not be done; the message says why, in Chinese."""


def engine() -> str:
    return "sqlite" if connection.vendor == "sqlite" else connection.vendor


def backup_database(output: Path) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".partial")
    if engine() == "sqlite":
        _sqlite_backup(partial)
    elif engine() == "postgresql":
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={partial}"])
    else:
        raise BackupError(f"不支持的数据库类型：{connection.vendor}")
    os.replace(partial, output)


def restore_database(source: Path) -> None:
    if not source.is_file():
        raise BackupError(f"备份文件不存在：{source}")
    if connection.in_atomic_block:
        raise BackupError("不能在事务中恢复数据库。")
    if engine() == "sqlite":
        _sqlite_restore(source)
    elif engine() == "postgresql":
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                f"--dbname={connection.settings_dict['NAME']}",
                str(source),
            ]
        )
    else:
        raise BackupError(f"不支持的数据库类型：{connection.vendor}")


def _raw_sqlite() -> sqlite3.Connection:
    connection.ensure_connection()
    return connection.connection


def _sqlite_backup(target: Path) -> None:
    dst = sqlite3.connect(target)
    try:
        _raw_sqlite().backup(dst)
    finally:
        dst.close()


def _check_sqlite_file(source: Path) -> None:
    with source.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise BackupError(f"{source} 不是 SQLite 备份文件。")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        if src.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise BackupError(f"{source} 已损坏（integrity_check 未通过）。")
        tables = {r[0] for r in src.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        src.close()
    if "django_migrations" not in tables or "org_organization" not in tables:
        raise BackupError(f"{source} 不是 FlameBlue 数据库的备份。")


def _sqlite_restore(source: Path) -> None:
    _check_sqlite_file(source)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        src.backup(_raw_sqlite())
    finally:
        src.close()


def pg_env() -> dict[str, str]:
    s = connection.settings_dict
    env = dict(os.environ)
    values = {
        "PGHOST": s.get("HOST"),
        "PGPORT": s.get("PORT"),
        "PGUSER": s.get("USER"),
        "PGPASSWORD": s.get("PASSWORD"),
        "PGDATABASE": s.get("NAME"),
    }
    env.update({k: str(v) for k, v in values.items() if v})
    sslmode = (s.get("OPTIONS") or {}).get("sslmode")
    if sslmode:
        env["PGSSLMODE"] = sslmode
    return env


def _run(command: list[str]) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(
            f"找不到 {command[0]}：请安装 PostgreSQL 客户端（Debian: apt-get install postgresql-client）。"
        )
    result = subprocess.run(command, env=pg_env(), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} 失败（退出码 {result.returncode}）：{result.stderr.strip()}")
