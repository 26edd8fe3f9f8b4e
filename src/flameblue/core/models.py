"""Core records shared by every app: the append-only audit trail and the base of every tracked record."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from flameblue.core.scoping import ScopedManager, ScopedQuerySet, ScopeSpec

__all__ = ["AuditAction", "AuditEvent", "TrackedModel", "TransitionRecord"]


class TrackedModel(models.Model):
    """Base of every business record: who created and last changed it, when, and a version number that
    guards against two people overwriting each other's edits (optimistic concurrency)."""

    created_at = models.DateTimeField(_("创建时间"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("更新时间"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    version = models.PositiveIntegerField(_("版本"), default=1, editable=False)

    objects = ScopedManager()

    class Meta:
        abstract = True


class TransitionRecord(models.Model):
    """流转记录: the base of every workflow's transition row — one move of a record from one status to another,
    who made it, when, why, and the data of the move. Append-only, written only by ``core.workflow``. Each
    stateful model has its own concrete subclass with a foreign key named after it and
    ``related_name="transitions"``, so a record's timeline is an indexed lookup with referential integrity."""

    from_status = models.CharField(_("原状态"), max_length=20, blank=True)
    to_status = models.CharField(_("新状态"), max_length=20)
    at = models.DateTimeField(_("时间"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(_("说明"), blank=True)
    data = models.JSONField(_("数据"), default=dict, blank=True)

    class Meta:
        abstract = True
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"


class AuditAction(models.TextChoices):
    CREATE = "create", _("新增")
    UPDATE = "update", _("修改")
    DELETE = "delete", _("删除")
    TRANSITION = "transition", _("流转")
    IMPORT = "import", _("导入")
    EXPORT = "export", _("导出")
    REVEAL = "reveal", _("查看个人信息")
    LOGIN = "login", _("登录")
    LOGIN_FAILED = "login_failed", _("登录失败")
    LOCKOUT = "lockout", _("账号锁定")
    LOGOUT = "logout", _("退出")
    DENIED = "denied", _("越权拒绝")
    PURGE = "purge", _("审计清理")
    SECURITY = "security", _("安全设置")


class AuditEventQuerySet(ScopedQuerySet):
    def update(self, **kwargs):  # noqa: D401 - append-only
        raise PermissionError("审计日志只能追加，不能修改")

    def delete(self):  # only core.audit.purge_older_than deletes, through a plain QuerySet
        raise PermissionError("审计日志只能追加，不能删除；过期记录由清理任务处理")


class AuditEvent(models.Model):
    """审计日志: one append-only row per write, login, failed login, lockout, logout, permission denial,
    export and reveal of personal data — who, when, from where, what, and the field changes (old → new).
    Rows are never updated; only the retention purge deletes rows older than the retention period."""

    at = models.DateTimeField(_("时间"), default=timezone.now, db_index=True)
    # Indexes: an import appends tens of thousands of rows and maintains each one per row, so only those
    # a query uses — (actor, at) and (object_type, object_id) lead with actor and object_type, and
    # action has a plain index (no LIKE twin: the filter compares it whole).
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,
    )
    actor_name = models.CharField(_("操作人"), max_length=150, blank=True)
    ip = models.GenericIPAddressField(_("IP 地址"), null=True, blank=True)
    user_agent = models.CharField(_("客户端"), max_length=300, blank=True)
    action = models.CharField(_("操作"), max_length=20, choices=AuditAction.choices)
    object_type = models.CharField(_("对象类型"), max_length=80, blank=True)
    object_id = models.CharField(_("对象编号"), max_length=64, blank=True)
    object_repr = models.CharField(_("对象"), max_length=300, blank=True)
    changes = models.JSONField(_("变更"), default=dict, blank=True)
    reason = models.TextField(_("事由"), blank=True)

    objects = ScopedManager.from_queryset(AuditEventQuerySet)()
    scope_spec = ScopeSpec(global_=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("审计事件")
        verbose_name_plural = _("审计事件")
        indexes = [
            models.Index(fields=["object_type", "object_id"]),
            models.Index(fields=["actor", "at"]),
            models.Index(fields=["action"], name="core_audit_action_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.get_action_display()} {self.object_repr}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.pop("_purge", False):
            raise PermissionError("审计日志只能追加，不能修改")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("审计日志只能追加，不能删除；过期记录由清理任务处理")


from flameblue.core.notify_models import (  # noqa: E402
    DocumentTemplate,
    Notification,
    StoredFile,
    UndeliveredNotification,
)

__all__ += ["DocumentTemplate", "Notification", "StoredFile", "UndeliveredNotification"]
