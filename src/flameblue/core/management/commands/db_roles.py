"""``flameblue db-roles``: the owner and application roles of a PostgreSQL deployment (see
:mod:`flameblue.core.db_roles` and README "The audit trail in PostgreSQL")."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from flameblue.core.db_roles import roles_sql


class Command(BaseCommand):
    help = "打印（或以超级用户执行）PostgreSQL 属主角色与应用角色的授权 SQL：应用角色不拥有审计表"

    def add_arguments(self, parser):
        parser.add_argument("--owner", default="flameblue_owner", help="属主角色（运行 migrate/restore）")
        parser.add_argument("--app", default="flameblue_app", help="应用角色（gunicorn 与 Huey 使用）")
        parser.add_argument("--apply", action="store_true", help="直接执行（需以超级用户连接 DATABASE_URL）")

    def handle(self, *args, owner: str, app: str, apply: bool, **options):
        if connection.vendor != "postgresql":
            raise CommandError("仅适用于 PostgreSQL。")
        try:
            sql = roles_sql(database=connection.settings_dict["NAME"], owner=owner, app=app)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        if not apply:
            self.stdout.write(sql)
            return
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
        self.stdout.write(self.style.SUCCESS(f"已设置：{owner} 拥有全部表，{app} 对审计表只能查询和追加。"))
