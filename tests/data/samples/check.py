"""Well-formedness checks for the sample set: gold format, gold text style, nothing invented.

    python tests/data/samples/check.py          # report every problem, exit 1 if any

Used by tests/test_samples_wellformed.py. Each NAME.gold.json sits beside exactly one input NAME.txt/.html/.docx.
"""
from __future__ import annotations

import io
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = {"title", "subtitle", "byline", "salutation", "heading", "paragraph", "gap", "signature", "date", "docbreak"}
INPUT_EXT = (".txt", ".html", ".docx")
QUOTES = str.maketrans({c: '"' for c in "“”„‟\"'‘’「」『』"})  # as in eval/score.py
CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"  # CJK symbols, ideographs, full-width forms
CN = "一二三四五六七八九十"
# the four standard markers (and "第一，" which keeps its own style); the level each one implies
STD_MARKERS = [
    (re.compile(rf"^([{CN}]+)、"), 1),
    (re.compile(rf"^（([{CN}]+)）"), 2),
    (re.compile(r"^(\d+)\.(?!\d)"), 3),
    (re.compile(r"^（(\d+)）"), 4),
]
ORDINAL_MARKER = re.compile(rf"^第[{CN}]+[，、]")
VARIANT_MARKER = re.compile(rf"^([{CN}]+[.．]|\([{CN}]+\)|\d+、|\d+\)|\(\d+\)|\d+）)")
STRIP_MARKER = re.compile(rf"^(（[{CN}]+）|（\d+）|[{CN}]+、|\d+\.(?!\d))")
LOOSE_STRIP_MARKER = re.compile(rf"^(\([{CN}]+\)|\(\d+\)|[{CN}]+[、.]|\d+[.、)](?!\d))")


def cn_num(s: str) -> int:
    if s.isdigit():
        return int(s)
    vals = {c: i + 1 for i, c in enumerate(CN)}
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + vals[s[1]]
    if "十" in s:
        a, _, b = s.partition("十")
        return vals[a] * 10 + (vals[b] if b else 0)
    return vals[s]


def loose(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").translate(QUOTES)
    return "".join(text.split())


# ---------------------------------------------------------------- inputs

def input_text(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".docx":
        import docx
        from docx.oxml.ns import qn

        d = docx.Document(io.BytesIO(data))
        parts = []
        for s in d.sections:
            parts += [p.text for p in s.header.paragraphs]
        for el in d.element.body.iterchildren():
            if el.tag == qn("w:p"):
                parts.append("".join(t.text or "" for t in el.iter(qn("w:t"))))
            elif el.tag == qn("w:tbl"):
                for tc in el.iter(qn("w:tc")):
                    parts.append("".join(t.text or "" for t in tc.iter(qn("w:t"))))
        for s in d.sections:
            parts += [p.text for p in s.footer.paragraphs]
        return "\n".join(parts)
    if path.suffix == ".html":
        from bs4 import BeautifulSoup

        return BeautifulSoup(data, "lxml").get_text("\n")
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16")):
        if data.startswith(bom):
            return data.decode(enc)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def encoding_of(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix != ".txt":
        return path.suffix[1:]
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith(b"\xff\xfe"):
        return "utf-16-le-bom"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        data.decode("gbk")
        return "gbk"
    except UnicodeDecodeError:
        return "gb18030"  # characters outside GBK (4-byte sequences, e.g. 䶮)


# ---------------------------------------------------------------- checks

def check_format(gold: dict, input_name: str) -> list[str]:
    errs = []
    if gold.get("source") != input_name:
        errs.append(f"source is {gold.get('source')!r}, input is {input_name!r}")
    notes = gold.get("notes")
    if not isinstance(notes, list) or not notes or not all(isinstance(n, str) and n for n in notes):
        errs.append("notes must be a non-empty list of strings")
    blocks = gold.get("blocks")
    if not isinstance(blocks, list) or not blocks:
        return errs + ["blocks must be a non-empty list"]
    for i, b in enumerate(blocks):
        k = b.get("kind")
        where = f"block {i} ({k})"
        if k not in KINDS:
            errs.append(f"{where}: unknown kind")
            continue
        allowed = {"kind", "text"} | ({"level", "body"} if k == "heading" else set()) | (
            {"omitted_chars"} if k == "gap" else set())
        if set(b) - allowed:
            errs.append(f"{where}: unexpected keys {sorted(set(b) - allowed)}")
        if not isinstance(b.get("text"), str):
            errs.append(f"{where}: text must be a string")
        elif k in ("gap", "docbreak"):
            if b["text"]:
                errs.append(f"{where}: text must be empty")
        elif not b["text"].strip():
            errs.append(f"{where}: empty text")
        if k == "heading":
            if b.get("level") not in (1, 2, 3, 4):
                errs.append(f"{where}: level must be 1-4")
            if "body" in b and not (isinstance(b["body"], str) and b["body"].strip()):
                errs.append(f"{where}: body must be non-empty text when present")
        if k == "gap":
            n = b.get("omitted_chars", "missing")
            if not (n is None or (isinstance(n, int) and not isinstance(n, bool) and n > 0)):
                errs.append(f"{where}: omitted_chars must be a positive int or null, not {n!r}")
    # one title per document (docbreak starts a new document); subtitle right under the title
    seg_titles = 0
    for i, b in enumerate(blocks):
        if b["kind"] == "docbreak":
            seg_titles = 0
        elif b["kind"] == "title":
            seg_titles += 1
            if seg_titles > 1:
                errs.append(f"block {i}: second title in one document (missing docbreak?)")
        elif b["kind"] == "subtitle" and (i == 0 or blocks[i - 1]["kind"] != "title"):
            errs.append(f"block {i}: subtitle not right under the title")
    if blocks[0]["kind"] == "docbreak" or blocks[-1]["kind"] == "docbreak":
        errs.append("docbreak at the start or end")
    return errs


def check_style(blocks: list[dict]) -> list[str]:
    """The gold text rules of corpus/README.md that can be checked mechanically."""
    errs = []
    for i, b in enumerate(blocks):
        for field in ("text", "body"):
            t = b.get(field)
            if not t:
                continue
            where = f"block {i} {field} {t[:24]!r}"
            if t != t.strip():
                errs.append(f"{where}: leading/trailing white space")
            if re.search(r"[\"']", t):
                errs.append(f"{where}: straight quote")
            m = re.search(rf"[{CJK}]\s*[,:;()?!]|[,:;()?!]\s*[{CJK}]", t)
            if m:
                errs.append(f"{where}: ASCII punctuation in Chinese text {m.group(0)!r}")
            # (a tab is allowed: it separates the cells of a table row)
            m = re.search(rf"[{CJK}][^\S\t]+\S|\S[^\S\t]+[{CJK}]", t)
            # a byline (and an author signature) separates office and name with a space (README: "市教育局局长 赵青山")
            if m and b["kind"] not in ("byline", "signature"):
                errs.append(f"{where}: space next to Chinese text {m.group(0)!r}")
            if b["kind"] == "heading" and field == "text" and VARIANT_MARKER.match(t):
                errs.append(f"{where}: heading marker not normalized")
    return errs


def std_marker(text: str) -> tuple[re.Match, int] | None:
    """The standard marker at the start of a heading and the level it implies."""
    for rx, lvl in STD_MARKERS:
        m = rx.match(text)
        if m:
            return m, lvl
    return None


def check_numbering(blocks: list[dict]) -> list[str]:
    """Sibling numbers go on by one unless a gap lies between (README: repeats and skips are fixed)."""
    errs = []
    last: dict[int, int] = {}  # level -> last number seen among current siblings
    ran: dict[int, int] = {}  # level -> last number before the siblings were reset (run-on numbering)
    gap_since = {1: False, 2: False, 3: False, 4: False}
    for i, b in enumerate(blocks):
        if b["kind"] == "docbreak":
            last, ran = {}, {}
            continue
        if b["kind"] == "gap":
            gap_since = dict.fromkeys(gap_since, True)
            continue
        if b["kind"] != "heading":
            continue
        found = std_marker(b["text"])
        if found is None:  # 第一章, 第一部分, an unnumbered head: the levels below it start again
            for deeper in range(b["level"] + 1, 5):
                if deeper in last:
                    ran[deeper] = last.pop(deeper)
            continue
        m, lvl = found
        if lvl != b["level"]:
            errs.append(f"block {i} {b['text'][:20]!r}: marker implies level {lvl}, gold says {b['level']}")
        n = cn_num(m.group(1))
        prev = last.get(lvl)
        ok = (n == prev + 1) if prev is not None else n in (1, ran.get(lvl, 0) + 1)
        if not ok and not gap_since[lvl]:
            errs.append(f"block {i} {b['text'][:20]!r}: number {n} after {prev if prev is not None else 'start'}")
        last[lvl] = n
        gap_since[lvl] = False
        for deeper in range(lvl + 1, 5):
            if deeper in last:
                ran[deeper] = last.pop(deeper)
    return errs


def _find_pieces(g: str, s: str, pos: int, window: int = 600) -> int | None:
    """Match g inside s from pos as a few in-order pieces (noise lines may sit between them); new pos or None."""
    i, first = 0, True
    while i < len(g):
        lo, hi, best, at = 1, len(g) - i, 0, -1
        limit = len(s) if first else min(len(s), pos + window)
        while lo <= hi:  # longest prefix of g[i:] found in s[pos:limit]
            mid = (lo + hi) // 2
            j = s.find(g[i:i + mid], pos, limit)
            if j >= 0:
                best, at = mid, j
                lo = mid + 1
            else:
                hi = mid - 1
        if best == 0 or (best < 4 and not first and at != pos):
            return None
        pos, i, first = at + best, i + best, False
    return pos


def check_contained(blocks: list[dict], source: str) -> list[str]:
    """Every block's loose text occurs, in order, in the loose input (heading markers aside)."""
    s = loose(source)
    errs, pos = [], 0
    for i, b in enumerate(blocks):
        for field in ("text", "body"):
            t = b.get(field)
            if not t:
                continue
            if b["kind"] == "heading" and field == "text":
                t = STRIP_MARKER.sub("", t)
            g = loose(t)
            new = _find_pieces(g, s, pos)
            if new is None:
                errs.append(f"block {i} {field} {t[:30]!r}: not found in order in the input")
            else:
                pos = new
    return errs


def samples(folder: Path = HERE) -> list[tuple[Path, Path | None]]:
    out = []
    for gold in sorted(folder.glob("*.gold.json")):
        name = gold.name[: -len(".gold.json")]
        inputs = [p for p in folder.glob(name + ".*") if p.suffix in INPUT_EXT]
        out.append((gold, inputs[0] if len(inputs) == 1 else None))
    return out


def check_sample(gold_path: Path, input_path: Path | None) -> list[str]:
    if input_path is None:
        return ["expected exactly one input (.txt/.html/.docx) beside the gold file"]
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    errs = check_format(gold, input_path.name)
    if errs:
        return errs
    blocks = gold["blocks"]
    return check_style(blocks) + check_numbering(blocks) + check_contained(blocks, input_text(input_path))


def main() -> int:
    bad = 0
    for gold, inp in samples():
        errs = check_sample(gold, inp)
        enc = encoding_of(inp) if inp else "?"
        print(f"{gold.name[:-10]:40s} {enc:14s} {'OK' if not errs else f'{len(errs)} problem(s)'}")
        for e in errs:
            print("   ", e)
        bad += bool(errs)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
