"""Stage: official parts. Lines a draft already has become the parts of an official document (GB/T 9704-2012):
a 发文机关标志 ("××市教育局文件") and a 发文字号 near the title (版头), "附件：1.…" after the body (附件说明), a bracketed
line after the date (附注), "抄送：…", "分送：…", "××办公室 2024年3月5日印发" and "共印2份" at the end (版记), and a
纪要's "出席：…"/"请假：…"/"列席：…" lists after its body (10.3).

A found block keeps its kind and text (what the corpus scores) and gets `part`; the values (Document.official())
and the DOCX layout come from it. A 发文字号 written with [] or () is printed with 〔〕 in the 版头: recorded as a
change. Rules: resources/rules/official.toml. A draft without these lines leaves the stage untouched.
"""
from __future__ import annotations

from ..model import Block, Change, Document
from ..official import BANJI_PARTS, doc_number, minutes_rules, part_rules, window
from .structure import _tail

HEAD_KINDS = ("byline", "paragraph", "subtitle")


def _first_part(blocks: list[Block]) -> list[Block]:
    end = next((i for i, b in enumerate(blocks) if b.kind == "docbreak"), len(blocks))
    return blocks[:end]


def _head(doc: Document) -> None:
    first = _first_part(doc.blocks)
    title = next((i for i, b in enumerate(first) if b.kind == "title"), None)
    w = window()
    lo, hi = (max(0, title - w["before_title"]), title + w["after_title"]) if title is not None else (0, w["before_title"] - 1)
    for i in range(lo, min(hi, len(first) - 1) + 1):
        b = first[i]
        if b.kind not in HEAD_KINDS or b.part:
            continue
        for r in part_rules():
            if r.where != "head" or (r.part == "issuer_mark" and (title is None or i > title)):
                continue
            if r.regex.match(b.text.strip()):
                b.part = r.part
                if r.part == "doc_number":
                    fixed = doc_number(b.text)
                    if fixed and fixed != b.text.strip():
                        doc.changes.append(Change("normalize", f"发文字号 in the 版头 written {fixed} ({r.id})",
                                                  list(b.lines), b.text, fixed))
                break


def _attachments(doc: Document) -> None:
    rule = next(r for r in part_rules() if r.part == "attachment")
    first = _first_part(doc.blocks)
    for i, b in enumerate(first):
        if i < 2 or b.kind != "paragraph" or not rule.regex.match(b.text):
            continue
        b.part = "attachment"
        j = i + 1
        while j < len(first) and first[j].kind == "paragraph" and rule.item and rule.item.match(first[j].text):
            first[j].part = "attachment"
            j += 1
        return


def _tail_parts(doc: Document) -> None:
    rules = {r.part: r for r in part_rules() if r.where == "tail"}
    banji_rules = [rules[k] for k in BANJI_PARTS]
    blocks = doc.blocks
    start = max((i for i, b in enumerate(blocks) if b.kind == "docbreak"), default=-1) + 1
    hits: list[Block] = []
    for b in reversed(blocks[max(start, len(blocks) - window()["tail"]):]):
        if b.kind != "paragraph":
            break
        rule = next((r for r in banji_rules if r.regex.match(b.text.strip())), None)
        if rule is None:
            break
        b.part = rule.part
        hits.append(b)
    found = any(b.part != "copies" for b in hits)
    if not found:  # a lone 共印N份 (a 简报's, under its 报/送/发 lines) makes no 版记
        for b in hits:
            b.part = None
    seg = [b for b in blocks[start:] if b.part not in BANJI_PARTS]
    if found and not any(b.kind == "date" for b in seg):
        _tail(seg)  # the date and the signature, which the 版记 lines under them hid from the structure stage
    date = max((i for i, b in enumerate(blocks) if b.kind == "date" and i >= start), default=None)
    if date is None:
        return
    for b in blocks[date + 1:]:
        if b.kind == "paragraph" and not b.part and rules["note"].regex.match(b.text.strip()):
            b.part = "note"
        else:
            break


def _attendance(doc: Document) -> None:
    """A 纪要's 出席/请假/列席 lines after its body (10.3), where the standard puts them: only what the end of the
    document may hold follows them (more such lines, trailer lines like '记录：', the closing, the 版记)."""
    rule = next(r for r in part_rules() if r.part == "attendance")
    title_re, trailer_re, tail = minutes_rules()
    first = _first_part(doc.blocks)
    title = next((b for b in first if b.kind == "title"), None)
    if title is None or not title_re.search(title.text):
        return
    found: list[Block] = []
    for b in reversed(first[max(0, len(first) - tail):]):
        text = b.text.strip()
        if b.kind == "paragraph" and not b.part and rule.regex.match(text):
            found.append(b)
        elif not (b.kind in ("signature", "date") or b.part or (b.kind == "paragraph" and trailer_re.match(text))):
            break
    for b in found:
        b.part = "attendance"


def run(doc: Document) -> Document:
    if doc.blocks:
        _head(doc)
        _attachments(doc)
        _tail_parts(doc)
        _attendance(doc)
    return doc
