"""Pagination that stays cheap on province-scale lists (1 M units, 5 M hazards).

An exact ``COUNT(*)`` over millions of rows costs more than the page itself, so :class:`CappedPaginator`
counts at most ``cap + 1`` rows (``SELECT COUNT(*) FROM (… LIMIT cap + 1)``): below the cap the count is
exact, above it the list says "10,000+" and offers pages up to the cap. The true last page (``?page=last``)
is read with the list's order reversed, which an index serves backwards, instead of an OFFSET past every
row: below the cap it is the exact last page, above it the last ``per_page`` rows of the list.
"""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.utils.formats import number_format
from django.utils.functional import cached_property

__all__ = ["COUNT_CAP", "CappedPaginator"]

#: Rows counted exactly; above this the list shows "10,000+".
COUNT_CAP = 10_000


class CappedPaginator(Paginator):
    cap = COUNT_CAP

    @cached_property
    def count(self) -> int:
        qs = self.object_list
        if isinstance(qs, QuerySet):
            # Only the ids, in no particular order: annotations a row shows (finding counts …) and the sort
            # are left out of the count, so the planner may use whichever index finds cap + 1 rows first.
            if qs.query.combinator:  # union/intersection: count the rows as they are
                return qs[: self.cap + 1].count()
            return qs.order_by().values("pk")[: self.cap + 1].count()
        return min(len(qs), self.cap + 1)

    @property
    def count_is_capped(self) -> bool:
        return self.count > self.cap

    @property
    def count_display(self) -> str:
        """The row count as shown: exact below the cap, "10,000+" above it."""
        if self.count_is_capped:
            return f"{number_format(self.cap, force_grouping=True)}+"
        return number_format(self.count, force_grouping=True)

    @cached_property
    def num_pages(self) -> int:
        if self.count_is_capped:
            return -(-self.cap // self.per_page)
        return super().num_pages

    def last_page(self) -> Page:
        """The last page read in reversed list order (the ordering's index walked backwards, no OFFSET): the
        exact last page below the cap, the last ``per_page`` rows of the whole list above it."""
        qs = self.object_list
        if not isinstance(qs, QuerySet) or not qs.ordered or self.orphans or self.count == 0:
            return self.page(self.num_pages)
        if self.count_is_capped:
            rows = list(qs.reverse()[: self.per_page])
            rows.reverse()
            return LastPage(rows, self.num_pages + 1, self)
        number = self.num_pages
        rows = list(qs.reverse()[: self.count - (number - 1) * self.per_page])
        rows.reverse()
        return Page(rows, number, self)


class LastPage(Page):
    """The true last page of a list whose count is capped: no next page, the previous is the last counted."""

    is_true_last = True

    def has_next(self) -> bool:
        return False

    def previous_page_number(self) -> int:
        return self.paginator.num_pages
