from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from flameblue.core.scoping import ScopedManager, ScopeSpec
from flameblue.geo.choices import RegionLevel

__all__ = ["Region"]


class Region(models.Model):
    """行政区划: a province, city, county/district or township/street with its GB/T 2260 code. The code is
    the primary key and every code extends its parent's, so a code prefix is a jurisdiction subtree and
    any record carrying a region code can be scoped with a range comparison on that column."""

    code = models.CharField(_("区划代码"), max_length=12, primary_key=True)
    name = models.CharField(_("名称"), max_length=60)
    level = models.CharField(_("级别"), max_length=10, choices=RegionLevel.choices, db_index=True)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("上级"),
    )

    objects = ScopedManager()
    scope_spec = ScopeSpec(region="code")

    class Meta:
        ordering = ["code"]
        verbose_name = _("行政区划")
        verbose_name_plural = _("行政区划")

    def __str__(self) -> str:
        return self.name

    @property
    def full_name(self) -> str:
        names = []
        node: Region | None = self
        while node is not None:
            names.append(node.name)
            node = node.parent
        return "".join(reversed(names))

    def ancestors(self) -> list[Region]:
        chain: list[Region] = []
        node = self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return list(reversed(chain))
