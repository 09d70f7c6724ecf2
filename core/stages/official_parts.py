"""Stage: official parts. Lines a draft already has become the parts of an official document (GB/T 9704-2012):
a 发文机关标志 ("××市教育局文件") and a 发文字号 near the title (版头), "附件：1.…" after the body (附件说明), a bracketed
line after the date (附注), "抄送：…" and "××办公室 2024年3月5日印发" at the end (版记).

A found block keeps its kind and text (what the corpus scores) and gets `part`; the values (Document.official())
and the DOCX layout come from it. A 发文字号 written with [] or () is printed with 〔〕 in the 版头: recorded as a
change. Rules: resources/rules/official.toml. A draft without these lines leaves the stage untouched.
"""
from __future__ import annotations

from ..model import Block, Change, Document
from ..official import doc_number, part_rules, window
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
    blocks = doc.blocks
    start = max((i for i, b in enumerate(blocks) if b.kind == "docbreak"), default=-1) + 1
    found = False
    for b in reversed(blocks[max(start, len(blocks) - window()["tail"]):]):
        if b.kind != "paragraph":
            break
        if rules["imprint"].regex.match(b.text.strip()):
            b.part, found = "imprint", True
        elif rules["cc"].regex.match(b.text.strip()):
            b.part, found = "cc", True
        else:
            break
    seg = [b for b in blocks[start:] if b.part not in ("cc", "imprint")]
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


def run(doc: Document) -> Document:
    if doc.blocks:
        _head(doc)
        _attachments(doc)
        _tail_parts(doc)
    return doc
