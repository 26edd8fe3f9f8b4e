"""Every download goes through ``core.http.attachment_response``: Chinese names survive, nothing is sniffed."""

from __future__ import annotations

import io

from flameblue.core.http import DOCX_CONTENT_TYPE, attachment_response


def test_a_chinese_file_name_is_sent_as_rfc_5987_with_nosniff():
    response = attachment_response(b"PK", "挂牌督办通知书-亳消督〔2026〕第001号.docx", DOCX_CONTENT_TYPE)
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment; filename*=utf-8''") and "%E6%8C%82" in disposition
    assert response["X-Content-Type-Options"] == "nosniff" and response["Content-Type"] == DOCX_CONTENT_TYPE


def test_an_open_file_is_streamed_and_an_image_may_be_shown_inline():
    response = attachment_response(io.BytesIO(b"\x89PNG"), "unit-1.png", "image/png", inline=True)
    assert response.streaming and response["Content-Disposition"] == 'inline; filename="unit-1.png"'
    assert response["X-Content-Type-Options"] == "nosniff"
