"""Stage: cut end. A document whose text stops mid-sentence at the end of the input (a preview that stopped, a page
cut short, a copy that broke off) ends with a `gap` whose count is unknown: the clerk must see that it is
incomplete, whatever cut it (corpus README, "The end")."""
from __future__ import annotations

import re

from ..model import Block, Document
from ..rules import word_list
from ..text import cjk_count, ends_sentence, has_sentence_punct

# a last line that is complete without closing punctuation: a letter's or notice's closing formula, an
# attachment or distribution line, a 附注, a signing role
COMPLETE = re.compile(r"^(此致|敬礼|特此|谢谢|附件|附[：:]|抄送|印发)|(此致|敬礼|谢谢大家|谢谢|印发)[！!]?$"
                      r"|^[（(【\[][^（）()【】\[\]]*[)）】\]]$")  # (a line in brackets: a 附注, a stage direction, a credit)
OPEN_END = ("，", ",", "、", "“", "‘", "（", "(", "《")  # a text that stops on these was cut, however short
CREDIT = re.compile(r"(?<!\s)\s*+[（(【\[][^（）()【】\[\]]{1,30}[)）】\]]$")  # "…的城！（评论员罗博）": a news item's credit
# a date that got to its end ("2023年5月4日", "2023年5月", "2018.06.15", "二〇一九年一月八日")
# a sentence ended and another began and broke off ("科学筹划，周密安排。统"): cut, however short the line (a
# label after a full stop, "…。联系人：张三", reads as whole)
BEGUN_AGAIN = re.compile(r"[。！？!?；;][”’」』]*[^。！？!?；;：:”’」』]+$")
WHOLE_DATE = re.compile(r"(日|月|号|\d{4}[./-]\d{1,2}[./-]\d{1,2})\s*[)）]?$")


def _stops_short(b: Block) -> bool:
    text = (b.body or b.text).strip()
    if b.kind == "date":
        return WHOLE_DATE.search(text) is None  # "20xx年x月x": the date itself was cut
    if b.kind in ("signature", "title", "subtitle", "byline") or b.style == "tr" or COMPLETE.search(text):
        return False
    if b.kind == "heading" and not b.body and (b.level or 1) <= 2 and not ends_sentence(text):
        return True  # a section head with nothing under it: its text was cut away (a one-sentence item is whole)
    if b.kind == "salutation":
        return True  # an addressee with no text after it
    if b.kind == "paragraph" and not text.endswith(OPEN_END) and not BEGUN_AGAIN.search(text) and (cjk_count(text) < 15 or (not has_sentence_punct(text) and (
            text.endswith(word_list("org", "suffixes")) or re.search(r"\d\s*年?$", text)))):
        return False  # a label, an issuing body, a year in a table, a page's line: nothing says a sentence was under way
    return not ends_sentence(CREDIT.sub("", text) if ends_sentence(CREDIT.sub("", text)) else text)


def run(doc: Document) -> Document:
    last = next((b for b in reversed(doc.blocks) if b.kind != "docbreak"), None)
    if last is None or last.kind == "gap" or not _stops_short(last) or set(last.lines) & doc.overrides.keep_lines:
        return doc  # (a line the clerk restored ends the text as the clerk wants it)
    at = last.lines[-1:] if last.lines else []
    while doc.blocks and doc.blocks[-1].kind == "docbreak":
        doc.blocks.pop()  # (a break with nothing after it separates nothing)
    doc.blocks.append(Block("gap", "", omitted_chars=None, lines=at))  # (warn tells the clerk of every gap)
    return doc
