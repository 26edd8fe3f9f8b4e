"""Building tips for tests: through the real service, at a chosen moment, with a form token old enough."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from django.utils import timezone

from flameblue.hazards.models import Tip
from flameblue.hazards.tips import services as tips
from flameblue.hazards.tips.guard import form_token

HUAXILOU = "341602001"  # 花戏楼街道, 谯城区
GUJING = "341602100"  # 古井镇, 谯城区


def at(day: dt.date, hour: int = 10, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def old_token(seconds: int = 60) -> str:
    return form_token(now=time.time() - seconds)


def make_tip(*, now: dt.datetime | None = None, ip: str | None = None, **kw: Any) -> Tip:
    kw.setdefault("category", "other")
    kw.setdefault("description", "商场二楼疏散通道堆满纸箱")
    kw.setdefault("region", HUAXILOU)
    kw.setdefault("address", "谯城区人民路88号")
    return tips.tip_submit(now=now, ip=ip, **kw)


def form_data(**kw: Any) -> dict[str, Any]:
    data = {
        "category": "blocked_exit",
        "description": "万达广场二楼东侧安全出口被铁链锁住",
        "region": HUAXILOU,
        "address": "谯城区人民路88号",
        "place_name": "万达广场",
        "phone": "",
        "website": "",
        "token": old_token(),
    }
    data.update(kw)
    return data
