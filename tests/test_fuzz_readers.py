"""Issue 15: readers under random input. Whatever the bytes, a file either cleans or fails with a clerk-facing
QingGaoError; no other exception escapes, and no output carries a control character. Bounded (CI runs it):
a fixed number of examples per reader, derandomized so a failure reproduces."""
from __future__ import annotations

import io
import re
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.api import clean_file, render
from core.errors import QingGaoError

CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
CJK = "关于开展安全检查的通知各单位要高度重视认真组织一二三、。，：；（）“”《》年月日第条款\u3000\u200b\ufeff"
FUZZ = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def _check(path) -> None:
    try:
        doc = clean_file(path)
    except QingGaoError as e:
        assert e.zh and e.en
        return
    txt = render(doc, "txt")
    assert not CONTROL.search(txt), txt[:200]
    with zipfile.ZipFile(io.BytesIO(render(doc, "docx"))) as z:
        for name in z.namelist():
            if name.endswith(".xml"):
                assert not CONTROL.search(z.read(name)), name


text_like = st.text(alphabet=st.sampled_from(list(CJK) + list("abc12 \t\n\r\f\x1b\x01\x08\x7f<>&;!-/=\"'")), max_size=400)


@FUZZ
@given(data=st.one_of(st.binary(max_size=600), text_like.map(lambda t: t.encode("utf-8")),
                      text_like.map(lambda t: t.encode("gb18030")), text_like.map(lambda t: t.encode("utf-16"))))
def test_txt_bytes(tmp_path_factory, data):
    f = tmp_path_factory.mktemp("fz") / "稿.txt"
    f.write_bytes(data)
    _check(f)


tags = st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<table><tr><td>", "</td></tr></table>", "<b>", "</i>",
                        "<!--", "-->", "<<>>", "<br>", "<h1>", "</h2>", "<td>", "<script>", "<meta charset='idna'>"])


@FUZZ
@given(parts=st.lists(st.one_of(tags, text_like), max_size=30))
def test_html_text(tmp_path_factory, parts):
    f = tmp_path_factory.mktemp("fz") / "页.html"
    f.write_text("<html><body>" + "".join(parts), encoding="utf-8")
    _check(f)


def _docx(document_xml: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                   'wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                   'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", document_xml)
    return buf.getvalue()


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
runs = st.lists(st.one_of(text_like.map(lambda t: f"<w:p><w:r><w:t>{_xml_escape(t)}</w:t></w:r></w:p>"),
                          st.sampled_from(["<w:p/>", "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>表</w:t></w:r></w:p></w:tc>"
                                           "</w:tr></w:tbl>", "<w:p><w:pPr><w:jc w:val='center'/></w:pPr></w:p>",
                                           "<w:bogus/>", "<w:p><w:r><w:br/></w:r></w:p>", "<", "&amp;"])), max_size=20)


def _xml_escape(t: str) -> str:
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@FUZZ
@given(body=runs, garble=st.binary(max_size=40))
def test_docx_members(tmp_path_factory, body, garble):
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{"".join(body)}</w:body></w:document>'
    data = _docx(xml.encode("utf-8") + garble)
    f = tmp_path_factory.mktemp("fz") / "文.docx"
    f.write_bytes(data)
    _check(f)
