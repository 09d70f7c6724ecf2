"""Cost by input shape (issue 15): hostile and big inputs, each at several sizes, to show that time and memory
grow linearly with the input.

Run from the repo root:
    .venv/bin/python bench/shapes.py                       # every shape at 1, 2, 5, 10 MB
    .venv/bin/python bench/shapes.py --sizes 1,2 --shapes short_lines,gbk_drafts
    .venv/bin/python bench/shapes.py --write DIR --sizes 10  # only write the inputs (to profile one by hand)

Each input goes through the installed CLI twice, `qinggao clean FILE --to docx --stdout` and `--to json --stdout`
(one file in process: no batch budget to stop it), each in a fresh child process whose CPU time (user + sys: the
2 cores are shared with other work, so wall time is noisy) and peak RSS (ru_maxrss) are reported, with seconds per
MB. Targets: each shape within 60 s and 400 MB at 10 MB, time per MB roughly constant from 1 to 10 MB.
"""
from __future__ import annotations

import argparse
import io
import os
import random
import re
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
MB = 1024 * 1024
TIME_TARGET_S = 60.0
MEMORY_TARGET_MB = 400.0

# --- real text to build inputs from ---------------------------------------------------------------------------


def real_drafts() -> list[str]:
    """The real drafts at hand: ../shared/corpus/real and dev, and the TXT samples and rounds of tests/data
    (decoded the way the TXT reader does), one string each."""
    sys.path.insert(0, str(ROOT))
    from core.readers.txt import decode

    paths = sorted((SHARED / "real").glob("*.txt")) + sorted((SHARED / "dev").glob("*.txt"))
    paths += sorted((ROOT / "tests" / "data" / "samples").glob("*.txt"))
    paths += sorted((ROOT / "tests" / "data" / "real").glob("round*/*.txt"))
    texts = [decode(p.read_bytes())[0] for p in paths]
    return [t for t in texts if t.strip()]


@lru_cache(maxsize=1)
def clean_paragraphs() -> list[str]:
    """The body paragraphs of the same drafts as their gold files give them (no site noise in them: a shape
    made of these is cleaned, not cut out as a site's banner)."""
    import json

    golds = sorted((SHARED / "real").glob("*.gold.json")) + sorted((SHARED / "dev").glob("*.gold.json"))
    golds += sorted((ROOT / "tests" / "data" / "samples").glob("*.gold.json"))
    golds += sorted((ROOT / "tests" / "data" / "real").glob("round*/*.gold.json"))
    return [b["text"] for g in golds for b in json.loads(g.read_text(encoding="utf-8"))["blocks"]
            if b["kind"] == "paragraph" and len(b["text"]) >= 20]


_NOT_HAN = re.compile(r"[^\u4e00-\u9fff]+")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _fill(parts: Callable[[], str], size: int, encoding: str = "utf-8") -> bytes:
    """Concatenate parts() until the encoded text has `size` bytes (cut at the last whole line)."""
    out: list[bytes] = []
    n = 0
    while n < size:
        b = parts().encode(encoding, errors="replace")
        out.append(b)
        n += len(b)
    data = b"".join(out)[:size]
    return data.rsplit(b"\n", 1)[0] + b"\n" if b"\n" in data else data


# --- the shapes -----------------------------------------------------------------------------------------------


def short_lines(size: int, drafts: list[str], rng: random.Random) -> tuple[str, bytes]:
    """Real text broken into lines of 5-9 characters (a narrow column copied out of a PDF): ~450,000 lines in 9 MB."""
    text = "".join(clean_paragraphs())
    pos = 0

    def parts() -> str:
        nonlocal pos
        lines = []
        for _ in range(1000):
            k = rng.randint(5, 9)
            if pos + k > len(text):
                pos = 0
            lines.append(text[pos:pos + k])
            pos += k
        return "\n".join(lines) + "\n"

    return "txt", _fill(parts, size)


def long_paragraph(size: int, drafts: list[str], rng: random.Random) -> tuple[str, bytes]:
    """One paragraph, one line, with no punctuation at all: real text with everything but its Chinese characters
    taken out (digits, Latin letters, symbols and spaces too), so that it is one unbroken run of word characters."""
    text = _NOT_HAN.sub("", "".join(clean_paragraphs()))
    data = (text * (size // len(text.encode()) + 1)).encode()[:size]
    return "txt", data.decode(errors="ignore").encode() + b"\n"


def rule_lines(size: int, drafts: list[str], rng: random.Random) -> tuple[str, bytes]:
    """Lines made to trip the rules' patterns, in the proportions the hostile test used (100k "1.1.1.1",
    200k "。", a 100 KB URL, 50k "（", ~1.5 MB), plus a title written over and over and a gap of 50k spaces, scaled
    to `size`, between two real paragraphs."""
    para = clean_paragraphs()

    def lines(k: float) -> list[str]:
        return [
            para[0],
            "1.1.1.1 " * int(50_000 * k),  # section numbers, apart
            "1.1.1.1" * int(50_000 * k),  # and run together
            "。" * int(200_000 * k),
            "https://www.example.com/" + "a/b" * int(100_000 * k / 3) + "?x=1",
            "（" * int(50_000 * k),
            "(" * int(50_000 * k),
            "第一章" + "1.1.1.1" * int(1000 * k) + "。",  # a heading marker run on
            "工作总结" * int(10_000 * k),  # a title written twice, and again, and again
            "目录" + " " * int(50_000 * k) + "一、总则",  # a gap of spaces where a copy lost its columns
            para[1],
        ]

    unit = len("\n".join(lines(1.0)).encode())
    return "txt", ("\n".join(lines(size / unit)) + "\n").encode()


def wide_table(size: int, drafts: list[str], rng: random.Random) -> tuple[str, bytes]:
    """Two table rows of many cells each (50,000 at ~1 MB), cells set apart by tabs, then the same two rows
    with aligned columns of spaces (a table copied out of a PDF)."""
    words = [w for w in re.split(r"[^\u4e00-\u9fff]+", "".join(clean_paragraphs()[:200])) if 1 < len(w) <= 6]
    n = max(2, int(size / 2 / 2 / 12))  # cells per row: half the bytes in each form, ~12 bytes a cell
    head = [words[i % len(words)][:4] for i in range(n)]
    body = [str(rng.randint(1, 99999)) for _ in range(n)]
    tabbed = "\t".join(head) + "\n" + "\t".join(body) + "\n"
    width = [max(len(h) * 2, len(b)) + 2 for h, b in zip(head, body)]
    spaced = ("".join(h + " " * (w - 2 * len(h)) for h, w in zip(head, width)).rstrip() + "\n"
              + "".join(b.ljust(w) for b, w in zip(body, width)).rstrip() + "\n")
    return "txt", ("表1 统计表\n" + tabbed + "\n" + spaced).encode()


def gbk_drafts(size: int, drafts: list[str], rng: random.Random) -> tuple[str, bytes]:
    """A big GBK file of ordinary drafts: the real drafts one after another, shuffled, each starting on a new line,
    as a clerk's 'all the 2024 summaries' file would be; numbers varied and one Chinese character of each longer
    line swapped for another of the draft, so that no two copies of a draft are the same text."""
    order = list(range(len(drafts)))

    def vary(line: str, pool: str) -> str:
        spots = [m.start() for m in _HAN.finditer(line)]
        if len(spots) < 20 or not pool:
            return line
        k = rng.choice(spots)
        return line[:k] + rng.choice(pool) + line[k + 1:]

    def parts() -> str:
        rng.shuffle(order)
        out = []
        for i in order[:10]:
            d = re.sub(r"\d+", lambda m: str(rng.randint(1, 10 ** len(m.group(0)))), drafts[i])
            pool = "".join(_HAN.findall(d))
            out.append("\n".join(vary(ln, pool) for ln in d.strip().split("\n")) + "\n\n")
        return "".join(out)

    return "txt", _fill(parts, size, "gbk")


_HTML_HEAD = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} - 范文网</title>
<style>body{{font:14px/1.8 SimSun}} .nav a{{margin:0 4px}} .content p{{text-indent:2em}}</style>
<script>var _hmt=_hmt||[];(function(){{var hm=document.createElement("script");}})();</script></head><body>
<div class="header"><div class="nav">{nav}</div></div>
<div class="main"><div class="left"><h1 class="title">{title}</h1><div class="info">来源：范文网 时间：2024-05-06</div>
<div class="content" id="article">
"""
_HTML_TAIL = """</div><div class="share">分享到：<a href="#">微信</a><a href="#">微博</a></div></div>
<div class="right"><ul class="related">{related}</ul></div></div>
<div class="footer">Copyright 范文网 备案号：京ICP备00000000号</div></body></html>
"""


def big_html(size: int, drafts: list[str], rng: random.Random) -> tuple[str, bytes]:
    """A saved article page: site chrome around one article of real paragraphs, headings in <h2>/<strong>, a
    table every so often, inline spans; the article grows with `size`."""
    para = clean_paragraphs()
    nav = "".join(f'<a href="/c{i}.html">栏目{i}</a>' for i in range(30))
    related = "".join(f'<li><a href="/a{i}.html">{para[i % len(para)][:20]}</a></li>' for i in range(40))
    head = _HTML_HEAD.format(title=para[0][:30], nav=nav).encode()
    tail = _HTML_TAIL.format(related=related).encode()
    pos = 0

    def parts() -> str:
        nonlocal pos
        out = []
        for _ in range(200):
            p = para[pos % len(para)]
            pos += 1
            r = rng.random()
            if r < 0.05:
                out.append(f"<h2>{p[:20]}</h2>")
            elif r < 0.1:
                out.append(f'<p><strong>{p[:15]}</strong>{p[15:]}</p>')
            elif r < 0.12:
                cells = "".join(f"<td>{w}</td>" for w in p[:40:5])
                out.append(f'<table border="1"><tr>{cells}</tr><tr>{cells}</tr></table>')
            else:
                out.append(f'<p style="text-indent:2em"><span style="font-size:16px">{p}</span></p>')
        return "\n".join(out) + "\n"

    body = _fill(parts, max(0, size - len(head) - len(tail)))
    return "html", head + body + tail


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_RPR = ('<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:hAnsi="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hint="eastAsia"/>'
        '<w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr>')


def big_docx(size: int, drafts: list[str], rng: random.Random) -> tuple[str, bytes]:
    """A DOCX whose word/document.xml has `size` bytes: real paragraphs as Word writes them (rsids, run
    properties, a paragraph split into several runs), a heading style now and then, a small table sometimes."""
    para = clean_paragraphs()
    pos = 0

    def run(t: str) -> str:
        return f'<w:r w:rsidRPr="00A1B2C3">{_RPR}<w:t xml:space="preserve">{_esc(t)}</w:t></w:r>'

    def parts() -> str:
        nonlocal pos
        out = []
        for _ in range(100):
            p = para[pos % len(para)]
            pos += 1
            r = rng.random()
            if r < 0.05:
                out.append(f'<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr>{run(p[:20])}</w:p>')
            elif r < 0.07:
                row = "<w:tr>" + "".join(f"<w:tc><w:p>{run(w)}</w:p></w:tc>" for w in p[:30:6]) + "</w:tr>"
                out.append(f"<w:tbl>{row}{row}</w:tbl>")
            else:
                cuts = sorted(rng.sample(range(1, max(2, len(p))), min(3, max(1, len(p) - 1))))
                pieces = [p[a:b] for a, b in zip([0, *cuts], [*cuts, len(p)])]
                out.append('<w:p w:rsidR="00B2C3D4" w:rsidRDefault="00B2C3D4"><w:pPr><w:ind w:firstLine="640"/>'
                           f'<w:jc w:val="both"/></w:pPr>{"".join(run(x) for x in pieces if x)}</w:p>')
        return "".join(out)

    head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_W}><w:body>'.encode()
    tail = b"<w:sectPr/></w:body></w:document>"
    body = _fill(parts, max(0, size - len(head) - len(tail)))
    body = body[: body.rfind(b"</w:p>") + 6] if b"</w:p>" in body else b""
    body = _whole_blocks(body)
    return "docx", _docx_package(head + body + tail)


def _esc(t: str) -> str:
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _whole_blocks(body: bytes) -> bytes:
    """Cut after the last top-level paragraph or table (the filler may stop inside a table's cell)."""
    end = max(body.rfind(b"</w:tbl>") + 8, body.rfind(b"</w:p><w:p ") + 6, body.rfind(b"</w:p><w:tbl>") + 6,
              body.rfind(b"</w:p><w:p>") + 6)
    cut = body[:end]
    while cut.count(b"<w:tbl>") > cut.count(b"</w:tbl>"):  # inside a table: back to before it
        cut = cut[: cut.rfind(b"<w:tbl>")]
    return cut


def _docx_package(document_xml: bytes) -> bytes:
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/'
          'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
          'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override '
          'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
          'wordprocessingml.document.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", document_xml)
    return buf.getvalue()


Shape = Callable[[int, list[str], random.Random], tuple[str, bytes]]
SHAPES: dict[str, Shape] = {
    "short_lines": short_lines,
    "long_paragraph": long_paragraph,
    "rule_lines": rule_lines,
    "wide_table": wide_table,
    "gbk_drafts": gbk_drafts,
    "big_html": big_html,
    "big_docx": big_docx,
}


def write_shape(name: str, size_mb: float, dest: Path, drafts: list[str] | None = None) -> Path:
    """Write shape `name` of about `size_mb` MB (for big_docx: of XML) to `dest`/NAME-SIZEmb.EXT."""
    ext, data = SHAPES[name](int(size_mb * MB), drafts or real_drafts(), random.Random(15))
    path = dest / f"{name}-{size_mb:g}mb.{ext}"
    path.write_bytes(data)
    return path


# --- measuring ------------------------------------------------------------------------------------------------

QINGGAO = Path(sys.executable).parent / "qinggao"


def run_cli(path: Path, fmt: str) -> dict[str, float | str]:
    """`qinggao clean FILE --to FMT --stdout` (in process: no batch budget) in a child: its CPU seconds (user +
    sys) and peak RSS in MB, or the last line of its error."""
    proc = subprocess.Popen([str(QINGGAO), "clean", str(path), "--to", fmt, "--stdout"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        return {"error": (err.strip().splitlines() or [f"exit {proc.returncode}"])[-1]}
    return {"cpu": usage.ru_utime + usage.ru_stime, "rss": usage.ru_maxrss / 1024}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1,2,5,10", help="sizes in MB, comma-separated (default 1,2,5,10)")
    ap.add_argument("--shapes", default=",".join(SHAPES), help="shapes, comma-separated (default: all)")
    ap.add_argument("--write", metavar="DIR", help="only write the inputs to DIR")
    args = ap.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    names = [s for s in args.shapes.split(",") if s]
    unknown = [n for n in names if n not in SHAPES]
    if unknown:
        ap.error(f"unknown shape(s) {unknown}; known: {', '.join(SHAPES)}")
    drafts = real_drafts()
    if args.write:
        dest = Path(args.write)
        dest.mkdir(parents=True, exist_ok=True)
        for n in names:
            for s in sizes:
                print(write_shape(n, s, dest, drafts))
        return 0
    misses: list[str] = []
    print("| shape | size | file | `--to docx`: CPU s | s/MB | peak MB | `--to json`: CPU s | peak MB |")
    print("|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="qinggao-shapes-") as tmp:
        for n in names:
            for s in sizes:
                path = write_shape(n, s, Path(tmp), drafts)
                mb = path.stat().st_size / MB
                cells = [n, f"{s:g} MB", f"{mb:.1f} MB"]
                for fmt in ("docx", "json"):
                    r = run_cli(path, fmt)
                    if "error" in r:
                        cells += [f"failed: {r['error']}", "", ""] if fmt == "docx" else [f"failed: {r['error']}", ""]
                        misses.append(f"{n} {s:g} MB --to {fmt} failed: {r['error']}")
                        continue
                    cpu, rss = float(r["cpu"]), float(r["rss"])
                    cells += [f"{cpu:.1f}", f"{cpu / s:.1f}", f"{rss:.0f}"] if fmt == "docx" else [f"{cpu:.1f}", f"{rss:.0f}"]
                    if s >= 10 and cpu > TIME_TARGET_S:
                        misses.append(f"{n} {s:g} MB --to {fmt}: {cpu:.1f} s CPU > {TIME_TARGET_S:.0f} s")
                    if s >= 10 and rss > MEMORY_TARGET_MB:
                        misses.append(f"{n} {s:g} MB --to {fmt}: {rss:.0f} MB > {MEMORY_TARGET_MB:.0f} MB")
                path.unlink()
                print("| " + " | ".join(cells) + " |", flush=True)
    print("\nMissed targets: " + ("; ".join(misses) if misses else "none"))
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
