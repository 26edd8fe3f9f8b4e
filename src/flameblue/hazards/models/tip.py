from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from flameblue.core.models import TransitionRecord
from flameblue.core.scoping import ScopedManager, ScopeSpec
from flameblue.hazards.choices import EscalationKind, TipCategory, TipStatus

__all__ = ["Escalation", "Tip", "TipTransition"]


class Tip(models.Model):
    """举报投诉: a hazard reported by the public through the portal (no login). The tipster gets a tracking
    code to follow progress without any personal data being shown. It must be checked within 24 hours
    when it concerns blocked/locked exits or disabled fire systems, otherwise within 3 working days, and
    becomes a hazard or is dismissed with a reason."""

    tracking_code = models.CharField(_("查询码"), max_length=16, unique=True)
    category = models.CharField(
        _("类别"), max_length=30, choices=TipCategory.choices, default=TipCategory.OTHER
    )
    description = models.TextField(_("举报内容"))
    region = models.ForeignKey(
        "geo.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("所在乡镇")
    )
    address = models.CharField(_("地址"), max_length=200)
    place_name = models.CharField(_("场所名称"), max_length=120, blank=True)
    phone = models.CharField(_("联系电话"), max_length=20, blank=True)
    phone_digest = models.CharField(max_length=64, blank=True, db_index=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    received_at = models.DateTimeField(_("受理时间"), default=timezone.now, db_index=True)
    check_due_at = models.DateTimeField(_("核查期限"), db_index=True)
    status = models.CharField(
        _("状态"), max_length=12, choices=TipStatus.choices, default=TipStatus.RECEIVED, db_index=True
    )
    checked_at = models.DateTimeField(_("核查时间"), null=True, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    unit = models.ForeignKey(
        "units.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="tips"
    )
    dismissal_reason = models.TextField(_("不属实理由"), blank=True)
    public_reply = models.TextField(_("对外答复"), blank=True)
    version = models.PositiveIntegerField(default=1)

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="region_id", unit="unit__organization_id")

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("举报投诉")
        verbose_name_plural = _("举报投诉")
        indexes = [models.Index(fields=["status", "check_due_at"])]

    def __str__(self) -> str:
        return self.tracking_code


class TipTransition(TransitionRecord):
    """举报流转记录: one move of a tip (taken up for checking, converted into a hazard, dismissed) — who,
    when, why. Append-only; the tip's timeline."""

    tip = models.ForeignKey(Tip, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(_("原状态"), max_length=20, choices=TipStatus.choices, blank=True)
    to_status = models.CharField(_("新状态"), max_length=20, choices=TipStatus.choices)

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="tip__region_id", unit="tip__unit__organization_id")

    class Meta(TransitionRecord.Meta):
        verbose_name = _("举报流转记录")
        verbose_name_plural = _("举报流转记录")


class Escalation(models.Model):
    """督促升级记录: one reminder or escalation the sweep sent for one overdue thing at one level. The
    unique key (kind, object, level) is what makes the sweep safe to run twice or on two workers at once."""

    kind = models.CharField(_("事项"), max_length=30, choices=EscalationKind.choices)
    object_type = models.CharField(max_length=80)
    object_id = models.CharField(max_length=64)
    level = models.PositiveSmallIntegerField(_("层级"), default=0)
    # A plain index only: the ledger is scoped by code range (core.scoping), never by LIKE, so the
    # pattern-ops twin Django adds to a text foreign key would only slow the sweep's claims.
    region = models.ForeignKey("geo.Region", on_delete=models.PROTECT, related_name="+", db_index=False)
    due_on = models.DateField(_("到期日"))
    sent_at = models.DateTimeField(_("发送时间"), default=timezone.now)
    recipients = models.JSONField(_("接收人"), default=list)

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="region_id")

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("督促升级记录")
        verbose_name_plural = _("督促升级记录")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_type", "object_id", "level"], name="escalation_once"
            )
        ]
        indexes = [models.Index(fields=["region"], name="escalation_region")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.object_type}#{self.object_id} L{self.level}"
