"""Issue 15: no silent loss, no empty success, no crash on a clerk's profile, bounded memory on a lying zip,
legacy batches that convert every file, and re-runs after a crash that neither leave temp files nor write
silent "(2)" copies. Inputs are generated here."""
from __future__ import annotations

import io
import json
import os
import shutil
import signal
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path

import pytest
from qg_paths import QINGGAO_CLI, needs_soffice

from core.api import clean_file
from core.batch import run_batch
from core.errors import QingGaoError
from core.export.atomic import TMP_PREFIX, TMP_SUFFIX

TITLE = "关于开展安全生产大检查的通知"
BODY = ["各乡镇人民政府，县直各单位：", "为切实做好安全生产工作，确保人民群众生命财产安全，现就有关事项通知如下。",
        "一、检查范围", "全县各类生产经营单位，重点是危险化学品、建筑施工和人员密集场所。"]
DRAFT = "\n".join([TITLE, *BODY]) + "\n"


def _refused(path: Path) -> QingGaoError:
    with pytest.raises(QingGaoError) as e:
        clean_file(path)
    assert e.value.path == str(path)
    return e.value


# --- encodings -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("enc", ["utf-32", "utf-32-le", "utf-32-be"])
def test_utf32_with_and_without_bom_decodes(tmp_path, enc):
    f = tmp_path / f"{enc}.txt"
    f.write_bytes(DRAFT.encode(enc))  # "utf-32" writes a BOM, the others none
    doc = clean_file(f)
    assert [b.text for b in doc.blocks][:2] == [TITLE, BODY[0]]
    assert not any("\x00" in b.text for b in doc.blocks)


# --- empty results fail, with the reason ---------------------------------------------------------------------------

@pytest.mark.parametrize("content", [b"   \t\t  \r\n", "\u3000\u3000\n\u00a0\n".encode(), "\u200b\u200b\n".encode(),
                                     b"\f\n\f", b"\xef\xbb\xbf", b"\xff\xfe", b"\xef\xbb\xbf \n\n"],
                         ids=["spaces-tabs", "ideographic-nbsp", "zwsp", "form-feed", "bom8", "bom16", "bom-blank"])
def test_a_blank_file_fails_saying_it_is_blank(tmp_path, content):
    f = tmp_path / "空白.txt"
    f.write_bytes(content)
    e = _refused(f)
    assert "空白文件" in e.zh and "blank file" in e.en


def _docx_with_only_a_picture(path: Path) -> None:
    import docx
    from docx.shared import Cm
    png = tmp_png()
    d = docx.Document()
    d.add_picture(io.BytesIO(png), width=Cm(3))
    d.save(path)


def tmp_png() -> bytes:
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 4 for _ in range(4))
    chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))  # noqa: E731
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_a_docx_holding_only_pictures_fails_saying_so(tmp_path):
    f = tmp_path / "扫描件.docx"
    _docx_with_only_a_picture(f)
    e = _refused(f)
    assert "只有图片" in e.zh and "only pictures" in e.en


def test_a_page_whose_every_line_is_noise_fails_with_the_count(tmp_path):
    f = tmp_path / "导航.txt"
    f.write_text("首页 > 范文大全 > 工作总结\n上一篇：2023年工作总结\n下一篇：2024年工作计划\n"
                 "版权所有 © 2024 范文网 All Rights Reserved\n扫码关注微信公众号\n", encoding="utf-8")
    e = _refused(f)
    assert "没有剩下正文" in e.zh and "nothing is left" in e.en and "5 行" in e.zh
    doc = clean_file(f, allow_empty=True)  # the app's review: every line shown, restorable, and a warning
    assert not doc.blocks and len(doc.removed) == 5 and [w.code for w in doc.warnings] == ["empty"]


def test_random_bytes_named_doc_are_not_a_word_file_and_text_named_doc_is_read(tmp_path):
    junk = tmp_path / "下载.doc"
    junk.write_bytes(bytes(range(256)) * 64)
    e = _refused(junk)
    assert "不是 Word/WPS 文件" in e.zh and "not a Word/WPS file" in e.en
    text = tmp_path / "其实是文本.doc"
    text.write_bytes(DRAFT.encode("gbk"))
    doc = clean_file(text)
    assert doc.blocks[0].text == TITLE and any(w.code == "format" for w in doc.warnings)


def test_an_empty_result_is_a_failure_in_the_cli_summary(tmp_path):
    (tmp_path / "空白.txt").write_bytes(b" \n\t\n")
    (tmp_path / "通知.txt").write_text(DRAFT, encoding="utf-8")
    r = subprocess.run([str(QINGGAO_CLI), "clean", str(tmp_path), "-o", str(tmp_path / "out")], capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 1 and "1 done, 1 failed" in r.stderr and "空白文件" in r.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["通知.docx"]


# --- a clerk's profile ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("profile,key,zh_type", [
    ([1, 2], "（整个文件）", "对象"),
    ({"page": {"width_mm": "宽"}}, "page.width_mm", "数字"),
    ({"fonts": 3}, "fonts", "对象"),
    ({"styles": {"title": {"size_pt": True}}}, "styles.title.size_pt", "数字"),
    ({"fonts": {"body": 16}}, "fonts.body", "文字"),
])
def test_a_profile_of_wrong_types_names_the_key_and_the_batch_goes_on(tmp_path, profile, key, zh_type):
    prof = tmp_path / "我的样式.json"
    prof.write_text(json.dumps(profile, ensure_ascii=False), encoding="utf-8")
    drafts = []
    for i in range(2):
        drafts.append(tmp_path / f"稿{i}.txt")
        drafts[-1].write_text(DRAFT, encoding="utf-8")
    results = run_batch(drafts, "docx", tmp_path / "out", workers=1, profile=prof)
    assert len(results) == 2
    for r in results:
        assert r.error and f"“{key}”" in r.error and zh_type in r.error and "must be" in r.error
    r = subprocess.run([str(QINGGAO_CLI), "clean", *map(str, drafts), "--profile", str(prof)], capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 2 and f"“{key}”" in r.stderr and "意外错误" not in r.stderr and "Traceback" not in r.stderr


# --- a zip whose directory lies about sizes ------------------------------------------------------------------------

def _lying_docx(path: Path, mib: int) -> None:
    """A DOCX whose document.xml inflates to `mib` MiB while its directory (local and central) says 5000 bytes."""
    row = b"<w:p><w:r><w:t>" + b"A" * 1000 + b"</w:t></w:r></w:p>"
    head = (b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
            b'main"><w:body>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
        with z.open("word/document.xml", "w", force_zip64=False) as w:
            w.write(head)
            block = row * 1024
            for _ in range(mib * 1024 * 1024 // len(block)):
                w.write(block)
            w.write(b"</w:body></w:document>")
    data = bytearray(path.read_bytes())
    name = b"word/document.xml"
    at = data.find(name)
    while at >= 0:
        if data[at - 30:at - 26] == b"PK\x03\x04":
            struct.pack_into("<I", data, at - 30 + 22, 5000)
        elif data[at - 46:at - 42] == b"PK\x01\x02":
            struct.pack_into("<I", data, at - 46 + 24, 5000)
        at = data.find(name, at + 1)
    path.write_bytes(bytes(data))


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the peak from /proc (Linux)")
@pytest.mark.parametrize("mib", [400, 2047])
def test_a_zip_bomb_that_lies_about_sizes_is_refused_in_little_memory(tmp_path, mib):
    bomb = tmp_path / "炸弹.docx"
    _lying_docx(bomb, mib)
    # VmHWM, the child's own peak: ru_maxrss would carry over the parent's peak through fork and exec
    code = ("import sys\nfrom core.readers import read\nfrom core.errors import QingGaoError\n"
            "try:\n    read(sys.argv[1])\nexcept QingGaoError as e:\n    print(e.zh)\n"
            "print(next(ln.split()[1] for ln in open('/proc/self/status') if ln.startswith('VmHWM')))\n")
    r = subprocess.run([sys.executable, "-c", code, str(bomb)], capture_output=True, text=True, timeout=300)
    msg, peak_kb = r.stdout.strip().splitlines()
    assert "大得异常" in msg and "不符" in msg
    assert int(peak_kb) < 250 * 1024


# --- legacy batches --------------------------------------------------------------------------------------------------

@needs_soffice
def test_ten_legacy_doc_files_in_one_parallel_batch_all_convert(tmp_path):
    import docx
    src = tmp_path / "src.docx"
    d = docx.Document()
    d.add_paragraph(TITLE)
    for line in BODY:
        d.add_paragraph(line)
    d.save(src)
    subprocess.run([shutil.which("soffice") or "soffice", "--headless", "--convert-to", "doc", "--outdir",
                    str(tmp_path), str(src)], check=True, capture_output=True, timeout=180)
    batch = tmp_path / "旧文件"
    batch.mkdir()
    for i in range(10):
        shutil.copy(tmp_path / "src.doc", batch / f"通知{i}.doc")
    results = run_batch([batch], "txt", tmp_path / "out", workers=3)
    assert [r.error for r in results] == [None] * 10
    assert all(TITLE in p.read_text(encoding="utf-8-sig") for p in (tmp_path / "out").iterdir())


# --- re-running after a crash --------------------------------------------------------------------------------------

def _many(folder: Path, n: int) -> list[Path]:
    folder.mkdir()
    out = []
    for i in range(n):
        out.append(folder / f"稿子{i:02d}.txt")
        out[-1].write_text(DRAFT.replace("安全生产", f"第{i}次安全生产"), encoding="utf-8")
    return out


def test_after_kill_9_a_rerun_removes_stale_temp_files_and_never_writes_silent_copies(tmp_path):
    src_dir = tmp_path / "稿子"
    drafts = _many(src_dir, 40)
    out = tmp_path / "out"
    p = subprocess.Popen([str(QINGGAO_CLI), "clean", str(src_dir), "-o", str(out), "--to", "txt"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(out.glob("*.txt")) if out.is_dir() else []) < 3:
        time.sleep(0.02)
    os.killpg(p.pid, signal.SIGKILL)
    p.wait()
    done = {f.name for f in out.glob("*.txt")}
    assert 3 <= len(done) < 40, "killed mid-batch"
    # what a kill during a write leaves: the dead batch's temp file
    (out / f"{TMP_PREFIX}{p.pid}-abc123{TMP_SUFFIX}").write_bytes(b"half a file")
    live = out / f"{TMP_PREFIX}{os.getpid()}-live{TMP_SUFFIX}"  # a run still writing: left alone
    live.write_bytes(b"being written")
    r = subprocess.run([str(QINGGAO_CLI), "clean", str(src_dir), "-o", str(out), "--to", "txt", "--skip-existing"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    names = sorted(f.name for f in out.iterdir())
    assert names == sorted([d.with_suffix(".txt").name for d in drafts] + [live.name])  # no "(2)", no stale temp
    assert f"{len(done)} skipped" in r.stderr and "临时文件" in r.stderr
    # without a flag the new results get other names, and the clerk is told why and what to add
    r = subprocess.run([str(QINGGAO_CLI), "clean", str(drafts[0]), "-o", str(out), "--to", "txt"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and "稿子00 (2).txt" in r.stderr and "--skip-existing" in r.stderr
    r = subprocess.run([str(QINGGAO_CLI), "clean", str(drafts[1]), "-o", str(out), "--to", "txt", "--overwrite"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and not (out / "稿子01 (2).txt").exists()
    r = subprocess.run([str(QINGGAO_CLI), "clean", str(drafts[1]), "--overwrite", "--skip-existing"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 2  # one or the other



# --- HTML: the draft is kept, or the clerk is told what was left out -----------------------------------------------

_SPREAD = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>关于做好开学工作的通知</title></head><body>
<div class="header"><a href="/">首页</a> | <a href="/news">新闻中心</a></div>
<div class="content"><h2>关于做好开学工作的通知</h2><p>各中小学校：</p>
<p>为确保秋季学期开学工作平稳有序，现就有关事项通知如下。</p></div>
<table><tr><td>一、做好校园安全排查。各校要在开学前对校舍、消防设施、食堂等开展一次全面排查，发现隐患立即整改。</td></tr>
<tr><td>二、做好教材发放工作。各校要确保开学第一天课前每位学生拿到全部教材，不得出现“课前无书”的情况。</td></tr></table>
<p>三、做好学生返校管理。各校要提前摸排学生返校情况，对未按时返校的学生逐一联系核实，做好记录。</p>
<p>四、做好值班值守工作。开学期间，各校要严格执行领导带班和24小时值班制度，确保信息畅通。</p>
<p>县教育局</p><p>2024年8月20日</p>
<div class="footer">版权所有：某某县教育局</div></body></html>"""

_LINES = ["各中小学校：", "为确保秋季学期开学工作平稳有序，现就有关事项通知如下。", "一、做好校园安全排查",
          "各校要在开学前对校舍、消防设施、食堂等开展一次全面排查，发现隐患立即整改。", "二、做好教材发放工作",
          "各校要确保开学第一天课前每位学生拿到全部教材，不得出现“课前无书”的情况。"]


def _page(inner: str) -> str:
    return ("<html><head><meta charset='utf-8'><title>通知</title></head><body><div class='article'>"
            f"<h1>关于做好开学工作的通知</h1>{inner}</div></body></html>")


def _text(doc) -> str:
    return "".join(b.text + (b.body or "") for b in doc.blocks)


def test_a_draft_spread_over_a_div_a_table_and_loose_paragraphs_is_read_whole(tmp_path):
    f = tmp_path / "通知.html"
    f.write_text(_SPREAD, encoding="utf-8")
    doc = clean_file(f)
    kinds = [b.kind for b in doc.blocks]
    assert kinds == ["title", "salutation", "paragraph", "heading", "heading", "heading", "heading", "signature", "date"]
    assert "版权所有" not in _text(doc)


@pytest.mark.parametrize("case", ["unclosed", "misnested", "stray", "unclosed-div"])
def test_malformed_tags_lose_no_heading_nor_what_follows(tmp_path, case):
    b = _LINES
    inner = {
        "unclosed": "".join(f"<p>{t}" for t in b),
        "misnested": (f"<p>{b[0]}</p><p><b>{b[1]}</p></b><p><b>{b[2]}</b></p><p><i>{b[3]}</b></i></p><p>{b[4]}</p>"
                      f"<p>{b[5]}</p>"),
        "stray": f"<p>{b[0]}</p><p>{b[1]} <<>> </p><p>{b[2]}</p><<p>{b[3]}</p><p>{b[4]}</p>>><p>{b[5]}</p>",
        "unclosed-div": f"<div><p>{b[0]}</p><p>{b[1]}</p><div><p>{b[2]}</p><p>{b[3]}<div><p>{b[4]}</p><p>{b[5]}</p>",
    }[case]
    f = tmp_path / f"{case}.html"
    f.write_text(_page(inner), encoding="utf-8")
    doc = clean_file(f)
    text = _text(doc)
    assert all(t in text for t in b), [t for t in b if t not in text]
    heads = [x.text for x in doc.blocks if x.kind == "heading"]
    assert b[2] in heads and b[4] in heads  # (a bold sentence may read as a heading too: nothing is lost)


def test_an_unclosed_comment_hides_nothing_and_says_so(tmp_path):
    b = _LINES
    f = tmp_path / "注释.html"
    f.write_text(_page(f"<p>{b[0]}</p><p>{b[1]}</p><!-- 旧版 " + "".join(f"<p>{t}</p>" for t in b[2:])), encoding="utf-8")
    doc = clean_file(f)
    assert all(t in _text(doc) for t in b)
    (w,) = [w for w in doc.warnings if w.code == "left-out"]
    assert "<!--" in w.message and "字" in w.message


def test_draft_paragraphs_in_another_part_of_the_layout_are_reported_with_count_and_start(tmp_path):
    body = "".join(f"<p>{t}</p>" for t in _LINES[:2])
    other = ("<p>三、做好学生返校管理。各校要提前摸排学生返校情况，对未按时返校的学生逐一联系核实，做好记录。</p>"
             "<p>四、做好值班值守工作。开学期间，各校要严格执行领导带班和24小时值班制度，确保信息畅通。</p>")
    page = ("<html><head><meta charset='utf-8'><title>通知</title></head><body>"
            f"<div class='main'><div class='article'><h1>关于做好开学工作的通知</h1>{body}"
            + "".join(f"<p>{t}</p>" for t in _LINES[2:]) + "</div></div>"
            f"<div class='col2'><div class='box'>{other}</div></div></body></html>")
    f = tmp_path / "两栏.html"
    f.write_text(page, encoding="utf-8")
    doc = clean_file(f)
    assert "三、做好学生返校管理" not in _text(doc)  # another column: not taken as the draft's…
    (w,) = [w for w in doc.warnings if w.code == "left-out"]
    assert "2 段" in w.message and "三、做好学生返校管理" in w.message  # …but said, with how much and where
    assert json.loads(render_json(doc))["warnings"]  # the warning travels with the document (review, JSON)


def render_json(doc) -> bytes:
    from core.api import render
    return render(doc, "json")
