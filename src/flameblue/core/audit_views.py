"""The audit log for auditors: a filtered, paginated list, one event, and an Excel export of the list."""

from __future__ import annotations

import json

from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from flameblue.core import audit
from flameblue.core.audit_display import change_rows
from flameblue.core.exports import xlsx_response
from flameblue.core.filters import AuditEventFilter
from flameblue.core.models import AuditEvent
from flameblue.core.views import ScopedDetailView, ScopedListView, ScopedMixin

__all__ = ["AuditDetailView", "AuditExportView", "AuditListView"]

#: An export larger than this is refused in favour of a narrower filter (a year of a city is far below it).
EXPORT_MAX_ROWS = 100_000


class AuditListView(ScopedListView):
    model = AuditEvent
    filterset_class = AuditEventFilter
    template_name = "core/audit_list.html"
    partial_template_name = "core/_audit_table.html"

    def get_queryset(self):
        return super().get_queryset().select_related("actor__person")


class AuditDetailView(ScopedDetailView):
    model = AuditEvent
    template_name = "core/audit_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        changes = self.object.changes or {}
        context["change_rows"] = change_rows(self.object)
        context["changes_json"] = json.dumps(changes, ensure_ascii=False, indent=2)
        return context


class AuditExportView(ScopedMixin, View):
    """Excel of the list as filtered on screen; the export itself is an audit event."""

    model = AuditEvent
    action = "export"

    def get(self, request, *args, **kwargs):
        queryset = self.scoped_queryset("export").select_related("actor__person")
        filterset = AuditEventFilter(request.GET or None, queryset=queryset, request=request)
        events = list(filterset.qs[: EXPORT_MAX_ROWS + 1])
        truncated = len(events) > EXPORT_MAX_ROWS
        events = events[:EXPORT_MAX_ROWS]
        filters = {k: v for k, v in request.GET.items() if v}
        audit.record(
            audit.AuditAction.EXPORT,
            by=request.user,
            object_type="core.auditevent",
            object_repr=_("审计日志导出"),
            changes={"filters": filters, "rows": len(events), "truncated": truncated},
        )
        headers = [
            _("时间"),
            _("操作人"),
            _("IP 地址"),
            _("操作"),
            _("对象类型"),
            _("对象编号"),
            _("对象"),
            _("变更"),
            _("事由"),
        ]
        rows = (
            [
                e.at,
                e.actor_name,
                e.ip or "",
                e.get_action_display(),
                e.object_type,
                e.object_id,
                e.object_repr,
                json.dumps(e.changes, ensure_ascii=False) if e.changes else "",
                e.reason,
            ]
            for e in events
        )
        filename = f"audit-{timezone.localtime():%Y%m%d-%H%M}.xlsx"
        return xlsx_response(filename, headers, rows, title=_("审计日志"))
