"""The working-day calendar page: a year's holidays and make-up working days, with an edit form."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import generic

from flameblue.core.service_errors import run_service
from flameblue.core.views import ScopedMixin
from flameblue.workdays import services
from flameblue.workdays.forms import WorkingDayForm, YearForm
from flameblue.workdays.models import WorkingDay
from flameblue.workdays.selectors import special_days

__all__ = ["CalendarView", "YearCreateView"]


def _calendar_url(year: int) -> str:
    return f"{reverse('workdays:calendar')}?year={year}"


class CalendarView(ScopedMixin, generic.FormView):
    model = WorkingDay
    action = "change"
    form_class = WorkingDayForm
    template_name = "workdays/calendar.html"

    def get_year(self) -> int:
        try:
            year = int(self.request.GET.get("year", ""))
        except ValueError:
            return timezone.localdate().year
        return year if 1900 <= year <= 2200 else timezone.localdate().year

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        return kwargs

    def get_context_data(self, **kwargs) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        year = self.get_year()
        known = sorted(services.known_years())
        context.update(
            year=year,
            days=special_days(year),
            known_span=f"{known[0]}–{known[-1]}" if known else "",
            year_known=year in known,
            next_year_known=(timezone.localdate().year + 1) in known,
            next_year=timezone.localdate().year + 1,
            year_form=YearForm(initial={"year": year}),
        )
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        _day, status = run_service(
            self.request,
            lambda: services.working_day_set(
                date=data["date"], is_working=data["is_working"], note=data["note"], reason=data["reason"],
                by=self.request.user,
            ),
            form=form,
        )  # fmt: skip
        if status is not None:
            return self.form_invalid(form)
        messages.success(self.request, _("已修改 %(date)s。") % {"date": data["date"].isoformat()})
        return HttpResponseRedirect(_calendar_url(data["date"].year))


class YearCreateView(ScopedMixin, generic.FormView):
    """Creates the missing days of a year (Monday–Friday) so its holidays can then be marked."""

    model = WorkingDay
    action = "change"
    form_class = YearForm
    template_name = "workdays/calendar.html"
    http_method_names = ["post"]

    def form_valid(self, form):
        year = form.cleaned_data["year"]
        created = services.calendar_year_create(year=year, by=self.request.user)
        messages.success(
            self.request,
            _("%(year)s 年已补齐 %(n)s 天，请逐日标注节假日和调休上班日。") % {"year": year, "n": created},
        )
        return HttpResponseRedirect(_calendar_url(year))

    def form_invalid(self, form):
        messages.error(self.request, _("年份须为 1900–2200 之间的整数。"))
        return HttpResponseRedirect(reverse("workdays:calendar"))
