"""Major-event fire security (重大活动消防安保): an event with its venues, the pre-event inspections of each venue
(inspections of the inspections app tagged ``events.venue``/venue pk), risk acceptances of hazards found
there, duty posts with crews, vehicles and a daily roster of shifts, daily situation reports, incidents
during the event and the close-out summary. Readiness is not typed in: it is counted from these records
(see ``selectors.readiness``)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from flameblue.core.models import TrackedModel, TransitionRecord
from flameblue.core.scoping import ScopedManager, ScopedQuerySet, ScopeSpec
from flameblue.events.choices import EventLevel, EventStatus, IncidentKind

__all__ = [
    "DailyReport",
    "DutyPost",
    "Event",
    "EventTransition",
    "HazardAcceptance",
    "Incident",
    "RosterShift",
    "Venue",
]


class EventQuerySet(ScopedQuerySet):
    def visible_to(self, user, action: str = "view") -> ScopedQuerySet:
        """Seen by everyone in the event's region and by whoever's jurisdiction holds one of its venues (a
        township sees a city event held in its streets). Acting on it stays with the event's region."""
        own = super().visible_to(user, action)
        if action != "view":
            return own
        venues = Venue.objects.visible_to(user, "view").values("event_id")
        return self.filter(models.Q(pk__in=own.values("pk")) | models.Q(pk__in=venues))


class Event(TrackedModel):
    """重大活动: one major event the fire service secures — its name, level, dates, organiser and region. It is
    prepared (筹备: venues checked, hazards closed or accepted, posts staffed), secured (安保中: daily reports,
    incidents) and ended with a close-out summary (已结束/总结). The status moves only through the services."""

    name = models.CharField(_("活动名称"), max_length=200)
    level = models.CharField(_("级别"), max_length=10, choices=EventLevel.choices)
    organiser = models.ForeignKey(
        "org.Organization", on_delete=models.PROTECT, related_name="events", verbose_name=_("主办单位")
    )
    region = models.ForeignKey(
        "geo.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("所在区划")
    )
    starts_on = models.DateField(_("开始日期"))
    ends_on = models.DateField(_("结束日期"))
    description = models.TextField(_("安保要求"), blank=True)
    status = models.CharField(
        _("状态"), max_length=10, choices=EventStatus.choices, default=EventStatus.PREPARING, db_index=True
    )
    summary = models.TextField(_("安保总结"), blank=True)

    objects = ScopedManager.from_queryset(EventQuerySet)()
    scope_spec = ScopeSpec(region="region_id")

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("重大活动")
        verbose_name_plural = _("重大活动")
        indexes = [models.Index(fields=["region", "starts_on"])]

    def __str__(self) -> str:
        return self.name

    @property
    def days(self) -> list[dt.date]:
        count = (self.ends_on - self.starts_on).days + 1
        return [self.starts_on + dt.timedelta(days=i) for i in range(max(count, 0))]


class Venue(models.Model):
    """活动场所: where the event is held — a registered unit (its inspections and hazards count), or an ad-hoc
    place (临时场所) with an address and a map point, checked on site. Scoped by its own region."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="venues")
    name = models.CharField(_("场所名称"), max_length=200)
    unit = models.ForeignKey(
        "units.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="event_venues",
        verbose_name=_("登记单位"),
    )  # fmt: skip
    region = models.ForeignKey(
        "geo.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("所在乡镇")
    )
    address = models.CharField(_("地址"), max_length=200, blank=True)
    latitude = models.DecimalField(_("纬度"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("经度"), max_digits=9, decimal_places=6, null=True, blank=True)
    site_checked_on = models.DateField(_("现场检查日期"), null=True, blank=True)
    site_check_note = models.TextField(_("现场检查情况"), blank=True)
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now)

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="region_id")

    class Meta:
        ordering = ["event", "id"]
        verbose_name = _("活动场所")
        verbose_name_plural = _("活动场所")
        constraints = [models.UniqueConstraint(fields=["event", "name"], name="event_venue_name_once")]

    def __str__(self) -> str:
        return self.name

    @property
    def is_ad_hoc(self) -> bool:
        return self.unit_id is None


class HazardAcceptance(models.Model):
    """风险接受: the commander's decision to open a venue with a hazard still being rectified, with the reason
    (audited). The hazard stays open in the hazards app; it no longer blocks the venue's readiness."""

    venue = models.ForeignKey(Venue, on_delete=models.CASCADE, related_name="acceptances")
    hazard = models.ForeignKey(
        "hazards.Hazard", on_delete=models.PROTECT, related_name="+", verbose_name=_("隐患")
    )
    reason = models.TextField(_("接受理由"))
    accepted_at = models.DateTimeField(_("接受时间"), default=timezone.now)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="venue__region_id")

    class Meta:
        ordering = ["venue", "id"]
        verbose_name = _("风险接受")
        verbose_name_plural = _("风险接受")
        constraints = [models.UniqueConstraint(fields=["venue", "hazard"], name="event_hazard_accepted_once")]

    def __str__(self) -> str:
        return f"{self.venue} · {self.hazard_id}"


class DutyPost(models.Model):
    """执勤岗位: one duty post at a venue (e.g. 主会场前置执勤点) with its task, standing crew (people in
    FlameBlue) and vehicles (plate and type, as written on the duty sheet)."""

    venue = models.ForeignKey(Venue, on_delete=models.CASCADE, related_name="posts")
    name = models.CharField(_("岗位名称"), max_length=100)
    duty = models.CharField(_("岗位职责"), max_length=300, blank=True)
    vehicles = models.CharField(
        _("执勤车辆"), max_length=300, blank=True, help_text=_("车牌号及车型，如“皖S·1234 水罐消防车”")
    )
    crew = models.ManyToManyField("org.Person", blank=True, related_name="+", verbose_name=_("执勤力量"))

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="venue__region_id")

    class Meta:
        ordering = ["venue", "id"]
        verbose_name = _("执勤岗位")
        verbose_name_plural = _("执勤岗位")
        constraints = [models.UniqueConstraint(fields=["venue", "name"], name="event_post_name_once")]

    def __str__(self) -> str:
        return f"{self.venue} · {self.name}"


class RosterShift(models.Model):
    """排班: who is on a duty post on one day of the event, from when to when."""

    post = models.ForeignKey(DutyPost, on_delete=models.CASCADE, related_name="shifts")
    date = models.DateField(_("日期"))
    starts_at = models.TimeField(_("开始时间"))
    ends_at = models.TimeField(_("结束时间"))
    people = models.ManyToManyField("org.Person", related_name="+", verbose_name=_("执勤人员"))

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="post__venue__region_id")

    class Meta:
        ordering = ["post", "date", "starts_at"]
        verbose_name = _("排班")
        verbose_name_plural = _("排班")
        constraints = [models.UniqueConstraint(fields=["post", "date", "starts_at"], name="event_shift_once")]

    def __str__(self) -> str:
        return f"{self.post} {self.date} {self.starts_at:%H:%M}—{self.ends_at:%H:%M}"


class DailyReport(models.Model):
    """安保日报: the day's situation report — a summary and the figures (staff and vehicles on duty, checks
    made, hazards found, incidents)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="daily_reports")
    date = models.DateField(_("日期"))
    summary = models.TextField(_("当日情况"))
    staff_on_duty = models.PositiveIntegerField(_("执勤人员（人次）"), default=0)
    vehicles_on_duty = models.PositiveIntegerField(_("执勤车辆（车次）"), default=0)
    checks = models.PositiveIntegerField(_("检查场所（处）"), default=0)
    hazards_found = models.PositiveIntegerField(_("发现隐患（处）"), default=0)
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="event__region_id")

    class Meta:
        ordering = ["event", "date"]
        verbose_name = _("安保日报")
        verbose_name_plural = _("安保日报")
        constraints = [models.UniqueConstraint(fields=["event", "date"], name="event_report_once_a_day")]

    def __str__(self) -> str:
        return f"{self.event} {self.date}"


class Incident(models.Model):
    """安保期间警情: something that happened during the event — when, at which venue, what kind, what happened,
    and whether (and how) it was handled."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="incidents")
    venue = models.ForeignKey(
        Venue,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="incidents",
        verbose_name=_("场所"),
    )
    occurred_at = models.DateTimeField(_("发生时间"))
    kind = models.CharField(_("类型"), max_length=10, choices=IncidentKind.choices)
    description = models.TextField(_("情况描述"))
    handled = models.BooleanField(_("已处置"), default=False)
    handling = models.TextField(_("处置情况"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="event__region_id")

    class Meta:
        ordering = ["event", "-occurred_at"]
        verbose_name = _("安保警情")
        verbose_name_plural = _("安保警情")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.occurred_at:%Y-%m-%d %H:%M}"


class EventTransition(TransitionRecord):
    """消防安保流转记录: start of security duty and the end of the event (with its summary)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="transitions")

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="event__region_id")

    class Meta(TransitionRecord.Meta):
        verbose_name = _("消防安保流转记录")
        verbose_name_plural = _("消防安保流转记录")
