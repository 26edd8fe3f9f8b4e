"""``flameblue duty``: the operator's procedure for the three administrator duties (三员分立).

The first security administrator, and any change the security administrator cannot make (their own
duty, an account that must be made afresh), are done by the operator on the server with this command;
every change is audited as made by "operator" and goes through the same services and checks (no two duty
groups for one person, no duty for an account made by another duty holder)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from flameblue.core import audit
from flameblue.core.errors import DomainError
from flameblue.org import services
from flameblue.org.models import Membership, Organization, Role, User


class Command(BaseCommand):
    help = "三员（系统管理员、安全管理员、审计管理员）任免：list | assign USER ROLE [--organization ID] | revoke USER ROLE"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="verb", required=True)
        sub.add_parser("list", help="列出当前三员任职")
        assign = sub.add_parser("assign", help="任命：为账号所属人员新增三员任职")
        assign.add_argument("username")
        assign.add_argument("role", help="system_admin | security_admin | auditor")
        assign.add_argument("--organization", type=int, help="任职组织编号（默认为该人员所属组织）")
        revoke = sub.add_parser("revoke", help="免去：停用该账号的此项三员任职")
        revoke.add_argument("username")
        revoke.add_argument("role")

    def handle(self, *args, verb: str, **options):
        if verb == "list":
            return self._list()
        user = User.objects.select_related("person").filter(username=options["username"]).first()
        if user is None or user.person is None:
            raise CommandError(f"找不到账号 {options['username']}，或该账号未关联人员。")
        role = Role.objects.filter(code=options["role"]).exclude(duty_group="").first()
        if role is None:
            raise CommandError(f"{options['role']} 不是三员角色（system_admin、security_admin、auditor）。")
        try:
            with transaction.atomic():
                if verb == "assign":
                    self._assign(user, role, options.get("organization"))
                else:
                    self._revoke(user, role)
                audit.record(
                    audit.AuditAction.SECURITY,
                    actor_name="operator",
                    obj=user,
                    changes={"duty": role.code, "verb": verb},
                    reason="运维人员按部署流程操作（flameblue duty）",
                )
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        return None

    def _list(self) -> None:
        rows = Membership.objects.current().exclude(role__duty_group="").select_related("person", "role")
        for m in rows.order_by("role__code"):
            account = User.objects.filter(person=m.person).values_list("username", flat=True).first() or "—"
            self.stdout.write(f"{m.role.code}\t{account}\t{m.person.name}\t{m.organization_id}")

    def _assign(self, user: User, role: Role, organization_id: int | None) -> None:
        org = Organization.objects.get(pk=organization_id) if organization_id else user.person.organization
        existing = Membership.objects.filter(person=user.person, organization=org, role=role).first()
        if existing is not None:
            services.membership_update(existing, by=None, data={"is_active": True, "end_date": None})
        else:
            services.membership_create(
                by=None, data={"person": user.person, "organization": org, "role": role}
            )
        self.stdout.write(self.style.SUCCESS(f"已任命 {user.username} 为{role.name}。"))

    def _revoke(self, user: User, role: Role) -> None:
        rows = Membership.objects.filter(person=user.person, role=role, is_active=True)
        if not rows.exists():
            raise CommandError(f"{user.username} 没有有效的{role.name}任职。")
        for m in rows:
            services.membership_update(m, by=None, data={"is_active": False})
        self.stdout.write(self.style.SUCCESS(f"已免去 {user.username} 的{role.name}任职。"))
