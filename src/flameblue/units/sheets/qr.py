"""QR codes (二维码) pointing at a unit's page in FlameBlue, for the plate on the unit's wall; the
self-inspection flow starts from scanning it."""

from __future__ import annotations

import io

import segno
from django.urls import reverse

from flameblue.units.models import Unit

__all__ = ["qr_png", "qr_svg", "qr_svg_inline", "unit_url"]


def unit_url(request, unit: Unit) -> str:
    """The absolute address of the unit's detail page, as the phone that scans the code will open it."""
    return request.build_absolute_uri(reverse("units:unit-detail", kwargs={"pk": unit.pk}))


def _code(url: str) -> segno.QRCode:
    # Level M survives a scuffed or partly dirty printed plate.
    return segno.make(url, error="m", micro=False)


def qr_png(url: str, *, scale: int = 8) -> bytes:
    buffer = io.BytesIO()
    _code(url).save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()


def qr_svg(url: str, *, scale: int = 8) -> bytes:
    buffer = io.BytesIO()
    _code(url).save(buffer, kind="svg", scale=scale, border=2, xmldecl=True, title=url)
    return buffer.getvalue()


def qr_svg_inline(url: str, *, scale: int = 4) -> str:
    """An ``<svg>`` element to put straight into a page (no external image, prints sharply)."""
    return _code(url).svg_inline(scale=scale, border=2, omitsize=False)
