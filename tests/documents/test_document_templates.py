import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document

from flameblue.core import documents
from flameblue.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def _docx(text: str) -> bytes:
    doc = Document()
    doc.add_paragraph(text)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _text(data: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)


@pytest.fixture
def kind(tmp_path):
    builtin = tmp_path / "builtin.docx"
    builtin.write_bytes(_docx("通知书：{{ unit_name }}"))
    kind = documents.register_kind(
        documents.DocumentKind("test.notice", "测试通知书", builtin, sample_context={"unit_name": "示例单位"})
    )
    yield kind
    documents.KINDS.pop("test.notice", None)


def test_builtin_template_renders_context(kind):
    assert "通知书：亳州万达广场" in _text(
        documents.render_document("test.notice", {"unit_name": "亳州万达广场"})
    )


def test_replacement_template_is_used_and_audited(kind, people):
    upload = SimpleUploadedFile("new.docx", _docx("新版通知书 {{ unit_name }}"))
    template = documents.template_replace("test.notice", upload, by=people.detachment)
    assert template.version == 1
    assert "新版通知书 某单位" in _text(documents.render_document("test.notice", {"unit_name": "某单位"}))
    assert AuditEvent.objects.filter(object_type="core.documenttemplate", object_id=str(template.pk)).exists()


def test_broken_template_is_refused_and_old_one_kept(kind, people):
    broken = SimpleUploadedFile("bad.docx", _docx("{% if unit_name %}未闭合"))
    with pytest.raises(ValidationError) as err:
        documents.template_replace("test.notice", broken, by=people.detachment)
    assert "模板无法套用" in err.value.messages[0]
    assert "通知书：甲" in _text(documents.render_document("test.notice", {"unit_name": "甲"}))


def test_non_docx_upload_is_refused(kind, people):
    with pytest.raises(ValidationError):
        documents.template_replace(
            "test.notice", SimpleUploadedFile("x.docx", b"<html></html>"), by=people.detachment
        )
