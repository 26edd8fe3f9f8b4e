"""责令限期改正通知书: numbering per brigade per year (gapless, duplicate-free under concurrency), issuing a
notice for a unit or adding a hazard to the unit's open notice, closing it when every hazard on it is done,
and the Word document rendered from a template an administrator can replace.

《消防监督检查规定》第十九条: one notice per supervision inspection, made and served within three working days
of it. A served notice is never changed: adding a hazard or moving its deadline after service issues a new
notice that amends it (``amends``), and the served one keeps its text."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from flameblue.core import audit
from flameblue.core.documents import DocumentKind, register_kind, render_document
from flameblue.core.errors import DomainError
from flameblue.hazards import order120
from flameblue.hazards.choices import OPEN_STATUSES, NoticeStatus
from flameblue.hazards.models import Notice, NoticeCounter

__all__ = [
    "DOCUMENT_CODE",
    "notice_attach",
    "notice_close_if_done",
    "notice_current",
    "notice_context",
    "notice_docx",
    "notice_issue",
    "notice_number",
    "notice_prefix",
    "notice_rules",
    "notice_serve",
    "notice_series_number",
]

RULES = Path(__file__).resolve().parent / "rules" / "notice-prefixes.yaml"
DOCUMENT_CODE = "hazards.notice"


@lru_cache(maxsize=1)
def notice_rules() -> dict[str, Any]:
    data = yaml.safe_load(RULES.read_text(encoding="utf-8"))
    data["prefixes"] = {str(code): str(prefix) for code, prefix in data["prefixes"].items()}
    data["major_prefixes"] = {str(code): str(p) for code, p in (data.get("major_prefixes") or {}).items()}
    return data


def notice_prefix(brigade, *, kind: str = "limit") -> str:
    """The brigade's document prefix (文书字号), keyed by its region code in the rule file."""
    table = "major_prefixes" if kind == "major" else "prefixes"
    prefix = notice_rules()[table].get(brigade.region_id)
    if not prefix:
        raise DomainError(
            _("未配置“%(org)s”（区划 %(code)s）的通知书文书字号，请管理员在 notice-prefixes.yaml 中补充。")
            % {"org": brigade.name, "code": brigade.region_id}
        )
    return prefix


def notice_number(prefix: str, year: int, serial: int) -> str:
    return notice_rules()["number_format"].format(prefix=prefix, year=year, serial=serial)


def _next_serial(brigade, year: int, prefix: str, kind: str = "limit") -> int:
    """Take the next serial under a row lock held until the issuing transaction ends: a rolled-back issue
    gives its number back, two issuers wait for each other, so numbers have no gaps and no duplicates."""
    counters = NoticeCounter.objects.select_for_update()
    counter = counters.filter(brigade=brigade, year=year, kind=kind).first()
    if counter is None:
        try:
            with transaction.atomic():  # savepoint: a concurrent first issue of the year may win the insert
                NoticeCounter.objects.create(brigade=brigade, year=year, prefix=prefix, kind=kind)
        except IntegrityError:
            pass
        counter = counters.get(brigade=brigade, year=year, kind=kind)
    counter.last_serial += 1
    counter.save(update_fields=["last_serial"])
    return counter.last_serial


def notice_series_number(brigade, *, kind: str, at: dt.datetime) -> str:
    """The next number of a document series of ``brigade`` in the year of ``at`` (inside the transaction)."""
    year = timezone.localtime(at).year
    prefix = notice_prefix(brigade, kind=kind)
    return notice_number(prefix, year, _next_serial(brigade, year, prefix, kind))


def notice_issue(
    *,
    unit,
    brigade,
    deadline: dt.date,
    by: Any,
    issued_at: dt.datetime | None = None,
    inspection: Any = None,
    amends: Notice | None = None,
) -> Notice:
    """Number and save a new notice for ``unit`` — for ``inspection`` when it comes from a supervision
    inspection, amending ``amends`` when that one was already served. Called inside the confirming
    transaction."""
    if brigade is None:
        raise DomainError(_("该单位所在县（区）没有消防救援大队，无法签发整改通知书。"))
    issued_at = issued_at or timezone.now()
    year = timezone.localtime(issued_at).year
    prefix = notice_prefix(brigade)
    serial = _next_serial(brigade, year, prefix)
    actor = by if getattr(by, "pk", None) else None
    notice = Notice.objects.create(
        created_at=issued_at,
        updated_at=issued_at,
        brigade=brigade,
        unit=unit,
        region_id=unit.region_id,
        industry_id=unit.industry_id,
        year=year,
        serial=serial,
        number=notice_number(prefix, year, serial),
        issued_at=issued_at,
        issued_by=actor,
        deadline=deadline,
        inspection=inspection,
        amends=amends,
        created_by=actor,
        updated_by=actor,
    )
    changes = {"number": [None, notice.number]}
    if amends is not None:
        changes["amends"] = [None, amends.number]
    audit.record(audit.AuditAction.CREATE, by=by, obj=notice, changes=changes)
    return notice


def served_message(notice: Notice) -> str:
    return _("通知书 %(number)s 已于 %(at)s 送达，依法不得更改；请另行签发新的通知书（补充原通知书）。") % {
        "number": notice.number,
        "at": timezone.localtime(notice.served_at).strftime("%Y-%m-%d %H:%M"),
    }


def notice_current(inspection: Any) -> Notice | None:
    """The inspection's notice in force: the original, or its latest amendment (第十九条: one per inspection)."""
    return Notice.objects.filter(inspection=inspection).order_by("-issued_at", "-pk").first()


def notice_attach(*, notice: Notice, unit, deadline: dt.date) -> Notice:
    """Check that a hazard of ``unit`` may join ``notice`` and extend the notice's deadline if needed. A
    served notice is never changed (the caller issues a new one that amends it)."""
    locked = Notice.objects.select_for_update().get(pk=notice.pk)
    if locked.unit_id != unit.pk:
        raise DomainError(_("只能并入同一单位的整改通知书。"), field="notice")
    if locked.status != NoticeStatus.OPEN:
        raise DomainError(
            _("通知书 %(number)s 已办结，不能再并入隐患。") % {"number": locked.number}, field="notice"
        )
    if locked.served_at is not None:
        raise DomainError(served_message(locked), field="notice")
    if deadline > locked.deadline:
        locked.deadline = deadline
        locked.version += 1
        locked.updated_at = timezone.now()
        locked.save(update_fields=["deadline", "version", "updated_at"])
    return locked


def notice_serve(notice: Notice | None, *, by: Any, at: dt.datetime | None = None) -> Notice | None:
    """Record that the notice was served (送达); from then on its content is fixed. Serving twice keeps the
    first time."""
    if notice is None:
        return None
    locked = Notice.objects.select_for_update().get(pk=notice.pk)
    if locked.served_at is None:
        locked.served_at = at or timezone.now()
        locked.version += 1
        locked.updated_at = locked.served_at
        locked.save(update_fields=["served_at", "version", "updated_at"])
        audit.record(
            audit.AuditAction.UPDATE, by=by, obj=locked, changes={"served_at": [None, str(locked.served_at)]}
        )
    return locked


def notice_close_if_done(notice_id: int | None, *, by: Any, at: dt.datetime | None = None) -> None:
    """Close the notice once no hazard on it is still open (all closed, withdrawn or dismissed)."""
    if notice_id is None:
        return
    notice = Notice.objects.select_for_update().get(pk=notice_id)
    if notice.status == NoticeStatus.OPEN and not notice.hazards.filter(status__in=OPEN_STATUSES).exists():
        notice.status = NoticeStatus.CLOSED
        notice.version += 1
        notice.updated_at = at or timezone.now()
        notice.updated_by = by if getattr(by, "pk", None) else None
        notice.save(update_fields=["status", "version", "updated_at", "updated_by"])
        audit.record(
            audit.AuditAction.TRANSITION,
            by=by,
            obj=notice,
            changes={"status": [NoticeStatus.OPEN, notice.status]},
        )


def _date(value: dt.date | dt.datetime) -> str:
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date()
    return f"{value.year}年{value.month}月{value.day}日"


def notice_context(notice: Notice) -> dict[str, Any]:
    """What the Word template receives: the number, the unit, the hazards with locations, deadlines and the
    article of the 消防法 each breaches, the procedural basis (第十九条/第二十条), the issuing brigade, the date
    and the notice it amends."""
    rules = notice_rules()
    basis = order120.notice_basis()
    hazards = [
        {
            "index": i,
            "location": h.location or _("（未注明部位）"),
            "description": h.description,
            "deadline": _date(h.deadline) if h.deadline else "",
            "basis": order120.hazard_articles(h),
        }
        for i, h in enumerate(
            notice.hazards.select_related("checklist_item").order_by("found_at", "pk"), start=1
        )
    ]
    unit = notice.unit
    return {
        "number": notice.number,
        "unit_name": unit.name,
        "unit_address": unit.address,
        "hazards": hazards,
        "deadline": _date(notice.deadline),
        "legal_basis": "、".join(basis["procedure"]),
        "order_basis": basis["order"],
        "amends": notice.amends.number if notice.amends_id else "",
        "appeal": rules.get("appeal", ""),
        "brigade_name": notice.brigade.name,
        "issued_on": _date(notice.issued_at),
    }


SAMPLE_CONTEXT = {
    "number": "亳谯消限字〔2026〕第0001号",
    "unit_name": "示例单位",
    "unit_address": "示例地址",
    "hazards": [
        {
            "index": 1,
            "location": "一层",
            "description": "安全出口锁闭",
            "deadline": "2026年1月31日",
            "basis": "《中华人民共和国消防法》第二十八条",
        }
    ],
    "deadline": "2026年1月31日",
    "legal_basis": "《中华人民共和国消防法》第五十三条、《消防监督检查规定》第十九条、第二十条",
    "order_basis": "《中华人民共和国消防法》第六十条",
    "amends": "",
    "appeal": "",
    "brigade_name": "谯城区消防救援大队",
    "issued_on": "2026年1月1日",
}

register_kind(
    DocumentKind(
        code=DOCUMENT_CODE,
        title=gettext_lazy("责令限期改正通知书"),
        builtin=Path(__file__).resolve().parent / "documents" / "notice.docx",
        sample_context=SAMPLE_CONTEXT,
    )
)


def notice_docx(notice: Notice, *, by: Any) -> bytes:
    """The notice as Word; the download is audited as an export."""
    data = render_document(DOCUMENT_CODE, notice_context(notice))
    audit.record(audit.AuditAction.EXPORT, by=by, obj=notice, reason=_("下载整改通知书"))
    return data
