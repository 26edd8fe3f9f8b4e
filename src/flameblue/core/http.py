"""The one way to send a file: Word and Excel documents, exports, stored uploads, QR codes.

:func:`attachment_response` sets ``Content-Disposition`` with an RFC 5987 ``filename*`` so Chinese file
names (``挂牌督办通知书-亳消督〔2026〕第001号.docx``) arrive intact, with an ASCII fallback for old clients, and
``X-Content-Type-Options: nosniff`` so a browser never second-guesses the declared type."""

from __future__ import annotations

from typing import IO

from django.http import FileResponse, HttpResponse
from django.utils.http import content_disposition_header

__all__ = ["DOCX_CONTENT_TYPE", "XLSX_CONTENT_TYPE", "attachment_response"]

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def attachment_response(
    content: bytes | str | IO[bytes],
    filename: str,
    content_type: str,
    *,
    inline: bool = False,
    cache_control: str | None = None,
) -> HttpResponse:
    """``content`` (bytes, text, or an open binary file streamed from disk) as a download named ``filename``;
    ``inline`` lets the browser show it in place (images, QR codes) under the same name."""
    if isinstance(content, bytes | str):
        response: HttpResponse = HttpResponse(content, content_type=content_type)
    else:
        response = FileResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=not inline, filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    if cache_control:
        response["Cache-Control"] = cache_control
    return response
