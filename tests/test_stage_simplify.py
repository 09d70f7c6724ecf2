"""繁體 -> 简体 (issue 14, optional): a notice copied from a Traditional-character mirror, cleaned with the option on,
is the Simplified notice; each converted run is a recorded change; URLs, Latin text and Simplified drafts are left
alone; off by default. The expected Simplified text was written by hand, not taken from the program."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

from qg_paths import CORPUS, DATA, QINGGAO_CLI, needs_corpus

from core import edits
from core.api import clean_document, clean_file
from core.model import Document, Overrides
from core.readers.lines import split_lines
from core.stages import simplify

FANTI = DATA / "traditional" / "anquan_jiancha_fanti.txt"  # the notice as a Traditional mirror serves it
JIANTI = DATA / "traditional" / "anquan_jiancha_jianti.txt"  # the same notice in Simplified, written by hand
ON = Overrides(simplify=True)


def _lines(p: Path) -> list[str]:
    return p.read_text(encoding="utf-8").splitlines()


def _runs(trad: str, simp: str) -> list[tuple[str, str]]:
    """The runs of differing characters between two hand-written lines of the same length."""
    out, cur = [], None
    for a, b in zip(trad, simp):
        if a != b:
            cur = (cur[0] + a, cur[1] + b) if cur else (a, b)
        elif cur:
            out.append(cur)
            cur = None
    return out + ([cur] if cur else [])


def _clean(text: str, overrides: Overrides | None = None) -> Document:
    doc = Document(source="t.txt", lines=split_lines(text), overrides=overrides or Overrides())
    return clean_document(doc)


def test_a_traditional_notice_becomes_the_simplified_notice_with_every_conversion_recorded():
    doc = clean_file(FANTI, overrides=ON)
    want = clean_file(JIANTI)
    assert doc.text() == want.text()
    assert [(b.kind, b.level) for b in doc.blocks] == [(b.kind, b.level) for b in want.blocks]
    assert [b.kind for b in doc.blocks][:2] == ["title", "salutation"]

    trad, simp = _lines(FANTI), _lines(JIANTI)
    expected = [(n, run) for n, (t, s) in enumerate(zip(trad, simp), 1) for run in _runs(t, s)]
    changes = [c for c in doc.changes if c.kind == "simplify"]
    assert [(c.lines, (c.before, c.after)) for c in changes] == [([n], run) for n, run in expected]
    converted = sum(a != b for t, s in zip(trad, simp) for a, b in zip(t, s))
    assert sum(len(c.before) for c in changes) == converted == 75
    assert all(c.before in trad[c.lines[0] - 1] and c.after in simp[c.lines[0] - 1] for c in changes)


def test_off_by_default_the_traditional_text_stays_as_it_is():
    doc = clean_file(FANTI)
    assert not doc.overrides.simplify
    assert not [c for c in doc.changes if c.kind == "simplify"]
    assert doc.blocks[0].text == "關於開展校園安全隱患排查整治工作的通知"
    assert "整改臺賬" in doc.text()


def test_a_big5_file_from_a_mirror_is_read_and_simplified(tmp_path):
    p = tmp_path / "關於開展安全檢查的通知.txt"
    p.write_bytes(FANTI.read_text(encoding="utf-8").encode("big5"))
    assert clean_file(p, overrides=ON).text() == clean_file(JIANTI).text()


def test_urls_latin_text_and_mail_addresses_are_never_converted():
    url = "http://www.example.gov.cn/資料/關於開展檢查的通知.html"
    draft = (f"關於做好網絡安全檢查工作的通知\n各單位：\n請登錄{url}下載附件，用Microsoft Word或WPS打開後填寫，"
             "發送至wangluo@example.gov.cn。\n聯繫電話：0571-12345678。\n")
    doc = _clean(draft, ON)
    text = doc.text()
    assert url in text  # the path keeps its Traditional characters: the server knows it by them
    assert "请登录" + url + "下载附件，用Microsoft Word或WPS打开后填写，发送至wangluo@example.gov.cn。" in text
    assert text.startswith("关于做好网络安全检查工作的通知\n各单位：\n")
    line, runs = simplify.convert_line(f"見{url}。")
    assert line == f"见{url}。" and runs == [("見", "见")]


def test_an_already_simplified_draft_is_left_alone_with_the_option_on():
    # names and places t2s would "fix": 於潜 (a town in Zhejiang), 魏其濛 (a person), a quoted 繁體 link text
    draft = ("关于表彰2023年度优秀教师的通知\n各学校：\n於潜中学魏其濛老师等10名同志被评为优秀教师。\n"
             "附：魏其濛　李　明　王　磊\n"  # a line of names: nothing in it says Simplified, the draft does
             "网站底部有“繁體”链接，请勿点击。\n临安区教育局\n2023年9月1日\n")
    assert _clean(draft, ON).text() == _clean(draft).text()
    doc = _clean(draft, ON)
    assert "於潜中学魏其濛" in doc.text() and not [c for c in doc.changes if c.kind == "simplify"]


@needs_corpus
def test_a_real_simplified_draft_with_a_traditional_place_name_is_unchanged():
    path = CORPUS / "003_fecf85ec079d2e15.txt"  # a real page naming 於潜中学 and 於潜二中
    assert "於潜" in path.read_text(encoding="utf-8")
    on, off = clean_file(path, overrides=ON), clean_file(path)
    assert on.text() == off.text() and "於潜" in on.text()
    assert not [c for c in on.changes if c.kind == "simplify"]


def test_a_simplified_line_inside_a_traditional_draft_is_left_as_it_is():
    doc = Document(source="t.txt", overrides=ON, lines=split_lines(
        "關於開展校園安全檢查的通知\n各學校：\n為進一步加強學校安全管理，現將有關事項通知如下。\n来源：於潜镇人民政府网站\n"))
    doc = simplify.run(doc)
    assert [ln.text for ln in doc.lines] == ["关于开展校园安全检查的通知", "各学校：", "为进一步加强学校安全管理，现将有关事项通知如下。",
                                             "来源：於潜镇人民政府网站"]  # the mirror's own Simplified line: 於潜 stays
    assert 4 not in {n for c in doc.changes for n in c.lines}


def test_the_clerks_edits_replay_on_a_simplified_reclean():
    doc = clean_file(FANTI, overrides=ON)
    i = next(k for k, b in enumerate(doc.blocks) if b.text.startswith("各学校要于10月20日前"))
    e, _ = edits.edit(doc, "set_text", i, doc.blocks[i].text.replace("10月20日", "10月25日"))
    again = edits.clean_with_edits(FANTI, [e], base=ON)
    assert not again.skipped and "各学校要于10月25日前将自查报告（含整改台账）" in again.doc.text()
    assert again.doc.overrides.simplify  # the re-clean keeps the option
    off = edits.clean_with_edits(FANTI, [], base=Overrides())
    assert "關於開展" in off.doc.text()  # switching the option off undoes every conversion


def test_the_cli_flag(tmp_path):
    help_text = subprocess.run([str(QINGGAO_CLI), "clean", "--help"], capture_output=True, text=True).stdout
    assert "--simplified" in help_text and "繁体字" in help_text and "Traditional" in help_text

    r = subprocess.run([str(QINGGAO_CLI), "clean", "--simplified", str(FANTI), "--to", "json", "--stdout"],
                       capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 0, r.stderr
    got = json.loads(r.stdout)
    want = clean_file(JIANTI)
    assert [b["text"] for b in got["blocks"]] == [b.text + (b.body or "") for b in want.blocks]
    assert sum(len(c["before"]) for c in got["changes"] if c["kind"] == "simplify") == 75

    plain = subprocess.run([str(QINGGAO_CLI), "clean", str(FANTI), "--to", "json", "--stdout"],
                           capture_output=True, text=True, encoding="utf-8")
    assert json.loads(plain.stdout)["blocks"][0]["text"].startswith("關於開展")

    out = tmp_path / "out"
    r = subprocess.run([str(QINGGAO_CLI), "clean", "--simplified", str(FANTI), "-o", str(out), "--to", "txt"],
                       capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 0, r.stderr
    (txt,) = out.glob("*.txt")
    assert txt.read_text(encoding="utf-8-sig") == want.text()
