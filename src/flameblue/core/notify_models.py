"""In-app inbox (站内通知) and stored uploads. Imported by core.models."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from flameblue.core.scoping import ScopedManager, ScopeSpec

__all__ = ["DocumentTemplate", "Notification", "StoredFile", "UndeliveredNotification"]


class Notification(models.Model):
    """站内通知: one message in one user's inbox — a deadline reached, an escalation, a decision due.
    ``dedupe_key`` makes sending idempotent: the same event never lands twice in one inbox."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("接收人"),
        db_index=False,  # (recipient, read_at) below serves every lookup by recipient
    )
    created_at = models.DateTimeField(_("时间"), default=timezone.now, db_index=True)
    subject = models.CharField(_("标题"), max_length=200)
    body = models.TextField(_("内容"), blank=True)
    link = models.CharField(_("链接"), max_length=300, blank=True)
    level = models.CharField(_("级别"), max_length=10, default="info")
    read_at = models.DateTimeField(_("已读时间"), null=True, blank=True)
    dedupe_key = models.CharField(max_length=200, blank=True)

    objects = ScopedManager()
    # Inboxes are personal: the scoping hook limits rows to the recipient (see notify.inbox_for).
    scope_spec = ScopeSpec(global_=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("站内通知")
        verbose_name_plural = _("站内通知")
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "dedupe_key"],
                condition=~models.Q(dedupe_key=""),
                name="notification_dedupe",
            )
        ]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self) -> str:
        return self.subject


class UndeliveredNotification(models.Model):
    """未送达通知: a message that found nobody to receive it — an escalation whose organizations have no
    account holding the listed roles, a notice for a unit without a manager account. Nobody hearing about
    overdue work is a fault in the set-up (missing accounts or role grants), so it is kept here and shown to
    the detachment and system administrators until someone marks it resolved."""

    created_at = models.DateTimeField(_("时间"), default=timezone.now, db_index=True)
    subject = models.CharField(_("标题"), max_length=200)
    link = models.CharField(_("链接"), max_length=300, blank=True)
    event = models.CharField(_("事件"), max_length=200, blank=True)
    resolved_at = models.DateTimeField(_("处理时间"), null=True, blank=True)

    objects = ScopedManager()
    scope_spec = ScopeSpec(global_=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("未送达通知")
        verbose_name_plural = _("未送达通知")
        indexes = [models.Index(fields=["resolved_at", "created_at"])]

    def __str__(self) -> str:
        return self.subject


class StoredFile(models.Model):
    """上传文件: a photo or document that passed the upload checks (type by content, size, pixel limits,
    re-encoded without EXIF) stored under a random name. It belongs to one record (``owner_type`` +
    ``owner_id``) and is served only to users who can see that record."""

    owner_type = models.CharField(_("所属对象类型"), max_length=80, db_index=True)
    owner_id = models.CharField(_("所属对象编号"), max_length=64, db_index=True)
    purpose = models.CharField(_("用途"), max_length=40, blank=True)
    original_name = models.CharField(_("原文件名"), max_length=200)
    storage_name = models.CharField(max_length=120, unique=True)
    content_type = models.CharField(_("类型"), max_length=60)
    size = models.PositiveIntegerField(_("大小（字节）"))
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(_("上传时间"), default=timezone.now)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ScopedManager()
    scope_spec = ScopeSpec(global_=True)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("上传文件")
        verbose_name_plural = _("上传文件")

    def __str__(self) -> str:
        return self.original_name


class DocumentTemplate(models.Model):
    """文书模板: an administrator's replacement for a built-in Word template (notices, records). The newest
    active version is used; older versions are kept so past documents can be explained."""

    code = models.CharField(_("文书类型"), max_length=80, db_index=True)
    version = models.PositiveIntegerField(_("版本"))
    storage_name = models.CharField(max_length=160, unique=True)
    sha256 = models.CharField(max_length=64)
    is_active = models.BooleanField(_("启用"), default=True)
    uploaded_at = models.DateTimeField(_("上传时间"), default=timezone.now)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ScopedManager()
    scope_spec = ScopeSpec(global_=True)

    class Meta:
        ordering = ["code", "-version"]
        verbose_name = _("文书模板")
        verbose_name_plural = _("文书模板")
        constraints = [models.UniqueConstraint(fields=["code", "version"], name="document_template_version")]

    def __str__(self) -> str:
        return f"{self.code} v{self.version}"
