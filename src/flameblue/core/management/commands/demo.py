"""``flameblue demo``: everything ``make demo`` needs in one command.

Migrates the database (SQLite under var/ unless DATABASE_URL says otherwise), loads the reference data and
the Bozhou demo set (both idempotent: running again keeps all data), prints the demo accounts, then serves
FlameBlue with gunicorn and runs a Huey consumer beside it. Ctrl-C (SIGINT) or SIGTERM stops both."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

STOP_TIMEOUT_SECONDS = 15


class Command(BaseCommand):
    help = "演示：迁移数据库、装入参考数据和亳州演示数据，然后启动 gunicorn 与 Huey（Ctrl-C 停止）"

    def add_arguments(self, parser):
        parser.add_argument(
            "--bind", default=os.environ.get("FLAMEBLUE_BIND", "127.0.0.1:8000"), help="监听地址"
        )
        parser.add_argument("--workers", type=int, default=2, help="gunicorn 进程数")
        parser.add_argument("--no-serve", action="store_true", help="只准备数据，不启动服务")

    def handle(self, *args, bind: str, workers: int, no_serve: bool = False, **options):
        self.stdout.write("迁移数据库 (migrate) …")
        call_command("migrate", interactive=False, verbosity=0)
        call_command("createcachetable", verbosity=0)
        call_command("load_reference_data", stdout=self.stdout)
        call_command("load_calendar", stdout=self.stdout)  # every year the installed package knows
        call_command("seed_demo", stdout=self.stdout)
        if no_serve:
            return
        _check_port_free(bind)
        code = self.serve(bind, workers)
        if code:
            raise CommandError("演示服务异常退出。", returncode=code)

    def serve(self, bind: str, workers: int) -> int:
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "flameblue.settings"}
        # Two-factor login stays off in the demo unless a user enables it (or the caller sets the variable).
        env.setdefault("FLAMEBLUE_REQUIRE_2FA", "false")
        commands = {
            "gunicorn": [
                sys.executable,
                "-m",
                "gunicorn",
                "flameblue.wsgi:application",
                "--bind",
                bind,
                "--workers",
                str(workers),
                "--access-logfile",
                "-",
                "--graceful-timeout",
                "5",
            ],
            "huey": [sys.executable, "-m", "flameblue.cli", "run_huey"],
        }
        stop = threading.Event()
        previous = {sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGINT, signal.SIGTERM)}
        procs = {name: subprocess.Popen(cmd, env=env) for name, cmd in commands.items()}
        self.stdout.write(self.style.SUCCESS(f"FlameBlue 演示已启动：http://{bind}/ （Ctrl-C 停止）"))
        failed = ""
        try:
            while not stop.wait(0.5):
                failed = next((name for name, p in procs.items() if p.poll() is not None), "")
                if failed:
                    self.stderr.write(
                        f"{failed} 已退出（退出码 {procs[failed].returncode}），正在停止其余进程 …"
                    )
                    break
        finally:
            _stop_all(procs)
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        self.stdout.write("已停止 gunicorn 和 Huey。")
        return 1 if failed else 0


def _stop_all(procs: dict[str, subprocess.Popen]) -> None:
    for proc in procs.values():
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
    for proc in procs.values():
        try:
            proc.wait(timeout=STOP_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _check_port_free(bind: str) -> None:
    host, _, port = bind.rpartition(":")
    host = host.strip("[]") or "127.0.0.1"
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, int(port)))
        except OSError as exc:
            raise CommandError(
                f"无法监听 {bind}：{exc.strerror}（端口已被占用？可用 --bind 指定其他端口）"
            ) from exc
