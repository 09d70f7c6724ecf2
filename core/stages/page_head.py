"""Lines of a page's head that the copy ran together, cut apart before the collapsed text is split: the shared file's
name glued to its text, a title and its dashed subtitle or 发文字号 on one line, the headline written again with
the salutation glued on. Each cut is recorded; the pieces start new blocks (`cut`)."""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Change, Document, Line, Removed
from ..rules import word_list
from ..text import cjk_count

HEAD_LINES = 12  # how far down the page a head line is looked for

# a doc-share page's notice names the file: "《2023年乡镇双拥工作总结参考.docx》由会员分享,可在线阅读…"
SHARED_FILE = re.compile(r"《(?P<name>[^《》]{4,60}?)\.(docx?|wps|pdf|txt|pptx?)》")
FILE_FIELD = re.compile(r"^文档名称\s*[:：]?\s*$")
FILE_VALUE = re.compile(r"^(?P<name>[^\s，。；！？]{4,50}?)\.(docx?|wps|pdf|txt)$", re.I)
# a title and its dashed subtitle set on one line: "复旦启智 助我成长 ---汉中市政协系统能力提升培训班学习心得"
TITLE_AND_SUB = re.compile(r"^(?P<t>[^，。；！？,;!?]{4,40}?)\s+(?P<s>(——|──|---|--)\s*[^，。；！？,;!?—\-]{4,60})$")
# a title and its 发文字号 in brackets: "…的通知（岳办发〔2017〕2号）"
TITLE_AND_NUMBER = re.compile(r"^(?P<t>[^，。；！？,;!?]{6,80}?)\s*(?P<s>[（(][^（）()\s]{1,12}〔\s*\d{4}\s*〕\s*\d{1,4}\s*号[)）])$")


def split_head_lines(doc: Document) -> None:
    _named_file(doc)
    _shared_file_name(doc)
    _title_and_sub(doc)
    _headline_again(doc)


def _cut(doc: Document, ln: Line, at: int, detail: str) -> list[Line]:
    """`ln` as two lines, cut at `at`; the second starts a new block."""
    first, rest = ln.text[:at].strip(), ln.text[at:].strip()
    doc.changes.append(Change("split", detail, [ln.lineno], ln.text[:60], first))
    return [replace(ln, text=first), replace(ln, text=rest, blank_before=0, indent=0, cut=True)]


def _named_file(doc: Document) -> None:
    """"文档名称:" over "社区服务活动总结.doc", and a text with no title line of its own: the file's name, without
    its extension, is the title (the name's other copies on the page stay the page's lines)."""
    for k, ln in enumerate(doc.lines[:HEAD_LINES]):
        if FILE_FIELD.match(ln.text) and k + 1 < len(doc.lines) and (m := FILE_VALUE.match(doc.lines[k + 1].text)):
            name = m.group("name")
            if any(x.text.strip() == name for x in doc.lines):
                return  # the text has its title: the file's name is only the page's
            value = doc.lines[k + 1]
            doc.removed.append(Removed(value.text[len(name):], value.lineno, "docshare-filename", "the file's extension"))
            value.text = name
            return


def _shared_file_name(doc: Document) -> None:
    """The text of a shared file opens with its name, glued to its first sentence ("2023年乡镇双拥工作总结参考_2023_
    年，我镇…"): the name the page's notice gives is the title, cut off the text it runs into."""
    names = {n for ln in doc.lines[:5] for m in SHARED_FILE.finditer(ln.text) if cjk_count(n := m.group("name").strip()) >= 4}
    if not names:
        return
    out: list[Line] = []
    for ln in doc.lines:
        name = next((n for n in names if ln.text.startswith(n) and len(ln.text) >= len(n) + 10
                     and not SHARED_FILE.search(ln.text)), None)
        if name is None:
            out.append(ln)
            continue
        out += _cut(doc, ln, len(name), "the shared file's name, the title, glued to its text")
        names.discard(name)
    doc.lines = out


def _title_and_sub(doc: Document) -> None:
    """A title and its dashed subtitle, or its 发文字号 in brackets, set on one line."""
    out: list[Line] = []
    for k, ln in enumerate(doc.lines):
        m = (TITLE_AND_SUB.match(ln.text) or TITLE_AND_NUMBER.match(ln.text)) if k < HEAD_LINES else None
        if m is None or not m.group("s" if m.re is TITLE_AND_SUB else "t").endswith(word_list("title", "endings")):
            out.append(ln)
            continue
        out += _cut(doc, ln, m.start("s"), "a title and its subtitle or 发文字号 set on one line")
    doc.lines = out


def _headline_again(doc: Document) -> None:
    """"…校长讲话:在时光深处,为教育留一盏灯!" over the same words with the salutation glued on ("…一盏灯!各位老
    师:"): the page's headline, then the document's own title line running into what follows it."""
    out: list[Line] = []
    for k, ln in enumerate(doc.lines):
        prev = out[-1].text.strip() if out else ""
        if k < HEAD_LINES + 3 and len(prev) >= 8 and ln.text.startswith(prev) and cjk_count(ln.text[len(prev):]) >= 2:
            out += _cut(doc, ln, len(prev), "the title again, with what follows it glued on")
            continue
        out.append(ln)
    doc.lines = out
