"""Keeping the public tip form usable by people and tiresome for robots, without third-party services:
rate limits per IP and per phone (counted from stored tips, plus a cache counter of every attempt), a
honeypot field, a signed timestamp that proves the form was open for a few seconds, and a cap on links and
length. All numbers come from ``hazards/rules/tips.yaml``."""

from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from django.core import signing
from django.core.cache import cache
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from flameblue.core.errors import DomainError

__all__ = [
    "RateLimited",
    "TipRules",
    "check_attempts",
    "check_content",
    "check_form_token",
    "check_rate_limits",
    "check_track_attempts",
    "form_token",
    "phone_digest",
    "rules",
]

RULES = Path(__file__).resolve().parent.parent / "rules" / "tips.yaml"
TOKEN_SALT = "flameblue.hazards.tip-form"
LINK = re.compile(r"https?://|www\.|\b[a-z0-9-]+\.(?:com|cn|net|org|top|xyz|info)\b", re.IGNORECASE)


class RateLimited(DomainError):
    """Too many tips or attempts from one address or phone: answered with 429."""


@dataclass(frozen=True)
class Limit:
    count: int
    seconds: int


@dataclass(frozen=True)
class TipRules:
    version: str
    urgent_hours: int
    normal_amount: int
    normal_unit: str
    region_prefix: str
    per_ip: Limit
    per_phone: Limit
    attempts_per_ip: Limit
    track_per_ip: Limit
    min_fill_seconds: int
    max_form_age_seconds: int
    max_links: int
    max_description_length: int
    min_description_length: int
    max_photos: int
    code_length: int
    code_alphabet: str


def _limit(raw: dict[str, Any]) -> Limit:
    return Limit(int(raw["count"]), int(raw["seconds"]))


@lru_cache(maxsize=1)
def rules() -> TipRules:
    data = yaml.safe_load(RULES.read_text(encoding="utf-8"))
    limits, spam, code = data["rate_limits"], data["spam"], data["tracking_code"]
    return TipRules(
        version=str(data["version"]),
        urgent_hours=int(data["check"]["urgent_hours"]),
        normal_amount=int(data["check"]["normal"]["amount"]),
        normal_unit=str(data["check"]["normal"]["unit"]),
        region_prefix=str(data["region_prefix"]),
        per_ip=_limit(limits["per_ip"]),
        per_phone=_limit(limits["per_phone"]),
        attempts_per_ip=_limit(limits["attempts_per_ip"]),
        track_per_ip=_limit(limits["track_per_ip"]),
        min_fill_seconds=int(spam["min_fill_seconds"]),
        max_form_age_seconds=int(spam["max_form_age_seconds"]),
        max_links=int(spam["max_links"]),
        max_description_length=int(spam["max_description_length"]),
        min_description_length=int(spam["min_description_length"]),
        max_photos=int(data["photos"]["max_count"]),
        code_length=int(code["length"]),
        code_alphabet=str(code["alphabet"]),
    )


def phone_digest(phone: str) -> str:
    """A keyed digest of the normalised phone, so limits can count a phone without an index on it."""
    return salted_hmac("flameblue.tip-phone", phone, algorithm="sha256").hexdigest() if phone else ""


# ------------------------------------------------------------------------------------------- form token


def form_token(now: float | None = None) -> str:
    """A signed timestamp put in the form when it is shown."""
    return signing.dumps({"t": now if now is not None else time.time()}, salt=TOKEN_SALT, compress=True)


def check_form_token(token: str, honeypot: str = "", now: float | None = None) -> None:
    """Refuse a filled honeypot, a missing or forged token, a stale form and a form sent too fast."""
    if honeypot:
        raise DomainError(_("提交未通过校验，请刷新页面后重新填写。"))
    config = rules()
    now = now if now is not None else time.time()
    try:
        issued = float(signing.loads(token or "", salt=TOKEN_SALT)["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError) as exc:
        raise DomainError(_("表单已失效，请刷新页面后重新填写。")) from exc
    if now - issued > config.max_form_age_seconds:
        raise DomainError(_("表单已过期，请刷新页面后重新填写。"))
    if now - issued < config.min_fill_seconds:
        raise DomainError(
            _("提交过快，请确认填写内容后再提交（打开页面至少 %(n)d 秒后）。")
            % {"n": config.min_fill_seconds}
        )


def check_content(description: str) -> None:
    config = rules()
    if len(description) > config.max_description_length:
        raise DomainError(
            _("举报内容不能超过 %(n)d 个字。") % {"n": config.max_description_length}, field="description"
        )
    if len(LINK.findall(description)) > config.max_links:
        raise DomainError(
            _("举报内容中的网址过多（最多 %(n)d 个），请直接描述隐患情况。") % {"n": config.max_links},
            field="description",
        )


# ------------------------------------------------------------------------------------------- rate limits


def _bump(key: str, limit: Limit) -> int:
    """Count one attempt in the cache window that starts with the first attempt."""
    if cache.add(key, 1, timeout=limit.seconds):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=limit.seconds)
        return 1


def check_attempts(ip: str | None) -> None:
    """Every submission (accepted or refused) counts here, so a robot cannot retry without end."""
    if not ip:
        return
    limit = rules().attempts_per_ip
    if _bump(f"flameblue:tips:attempts:{ip}", limit) > limit.count:
        raise RateLimited(_("提交过于频繁，请稍后再试。如遇紧急火情请拨打 119。"))


def check_track_attempts(ip: str | None) -> None:
    if not ip:
        return
    limit = rules().track_per_ip
    if _bump(f"flameblue:tips:track:{ip}", limit) > limit.count:
        raise RateLimited(_("查询过于频繁，请一小时后再试。"))


def check_rate_limits(*, ip: str | None, digest: str, now: dt.datetime | None = None) -> None:
    """Accepted tips per IP per hour and per phone per day, counted from the stored tips."""
    from flameblue.hazards.models import Tip

    config, now = rules(), now or timezone.now()
    if ip:
        since = now - dt.timedelta(seconds=config.per_ip.seconds)
        if Tip.objects.filter(ip=ip, received_at__gte=since).count() >= config.per_ip.count:
            raise RateLimited(
                _("同一网络每小时最多提交 %(n)d 件举报，请稍后再试。如遇紧急火情请拨打 119。")
                % {"n": config.per_ip.count}
            )
    if digest:
        since = now - dt.timedelta(seconds=config.per_phone.seconds)
        if Tip.objects.filter(phone_digest=digest, received_at__gte=since).count() >= config.per_phone.count:
            raise RateLimited(
                _("同一手机号每天最多提交 %(n)d 件举报，请明天再试。") % {"n": config.per_phone.count},
                field="phone",
            )
