"""The official-document parts (GB/T 9704-2012 版头, 主送, 附件说明, 附注, 版记): the rules that find them in a draft
(resources/rules/official.toml), their values, and the clerk's own values (--info FILE.json, the 公文信息 panel)."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import QingGaoError
from .model import INFO_KEYS, DocInfo
from .rules import load_toml

if TYPE_CHECKING:
    from .model import Block, Document


@dataclass(frozen=True)
class PartRule:
    id: str
    part: str
    where: str  # "head" (near the title), "body" (after the body), "tail" (after the date)
    regex: re.Pattern[str]
    item: re.Pattern[str] | None
    comment: str


@cache
def part_rules() -> tuple[PartRule, ...]:
    return tuple(PartRule(r["id"], r["part"], r["where"], re.compile(r["pattern"]),
                          re.compile(r["item_pattern"]) if r.get("item_pattern") else None, r.get("comment", ""))
                 for r in load_toml("official.toml")["part"])


@cache
def window() -> dict[str, int]:
    return dict(load_toml("official.toml")["window"])


@cache
def minutes_rules() -> tuple[re.Pattern[str], re.Pattern[str], int]:
    """(title pattern, trailer-line pattern, tail window) for a 纪要's 出席/请假/列席 lists ([minutes])."""
    m = load_toml("official.toml")["minutes"]
    return re.compile(m["title_pattern"]), re.compile(m["trailer_pattern"]), int(m["tail"])


BANJI_PARTS = ("cc", "distribute", "imprint", "copies")  # the 版记's lines a draft may end with


@cache
def _joint() -> tuple[re.Pattern[str], tuple[str, ...]]:
    j = load_toml("official.toml")["joint"]
    return re.compile(f"[{re.escape(j['separators'])}]"), tuple(sorted(j["suffixes"], key=len, reverse=True))


def issuer_bodies(mark: str) -> tuple[list[str], str]:
    """联合行文 (7.2.4): '中共××市委、××市人民政府文件' -> (['中共××市委', '××市人民政府'], '文件'); one body a line works
    the same. A single body gives ([mark], '') unchanged: its 标志 is laid out as one line."""
    sep, suffixes = _joint()
    items = [x.strip() for x in sep.split(mark) if x.strip()]
    if len(items) < 2:
        return [mark.strip()] if mark.strip() else [], ""
    last = items[-1]
    for sfx in suffixes:
        if last == sfx:
            items.pop()
            return (items, sfx) if len(items) > 1 else ([items[0] + sfx], "")
        if last.endswith(sfx):
            return [*items[:-1], last[:-len(sfx)]], sfx
    return items, ""


def rule_for(part: str) -> PartRule:
    return next(r for r in part_rules() if r.part == part)


def doc_number(text: str) -> str | None:
    """'×教发[2024]05号' -> '×教发〔2024〕5号' (7.2.5: the year in 〔〕, no 第, no leading zeros); None if no 发文字号."""
    m = rule_for("doc_number").regex.match(text.strip())
    if not m:
        return None
    no = m.group("no")
    return f"{m.group('org')}〔{m.group('year')}〕{int(no) if no.isdigit() else no}号"  # ("X号": a template's blank)


def _plain_date(text: str) -> str:
    from .export.closing import arabic_date  # (pure Python: the date writing the export uses)

    return arabic_date(re.sub(r"\s+", "", text))


_GREETING = re.compile(r"(们|同志|朋友|来宾|嘉宾|代表)[：:]$|^(尊敬|亲爱|敬爱)的")


def _draft_values(blocks: list[Block]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    items: list[str] = []
    for b in blocks:
        if b.kind == "docbreak":
            break  # (the 版头 and 主送 are the first document's)
        if b.kind == "salutation" and "addressee" not in out and not _GREETING.search(b.text):
            out["addressee"] = re.sub(r"[：:]$", "", b.text)
    for b in blocks:
        if not b.part or b.part == "attendance":  # (a 纪要's lists stay body text where they stand)
            continue
        if b.part == "doc_number":
            out.setdefault("doc_number", doc_number(b.text) or b.text)
        elif b.part == "imprint":
            m = rule_for("imprint").regex.match(b.text)
            if m:
                out["printer"], out["print_date"] = m.group("printer").strip(), _plain_date(m.group("date"))
        elif b.part == "attachment":
            rule = rule_for("attachment")
            m = rule.regex.match(b.text)
            text = m.group("v") if m else b.text
            n = rule.item.match(text) if rule.item else None
            items.append(n.group("v") if n else text)
        else:
            m = rule_for(b.part).regex.match(b.text)
            out[b.part] = m.group("v").strip() if m else b.text
    if items:
        out["attachment_note"] = items
    return out


def official_parts(doc: Document) -> dict[str, Any]:
    """The document's official parts, the clerk's values (doc.info) over the draft's; empty ones left out.
    Keys: INFO_KEYS, plus attachment_note (the 附件 names, in order), note (附注, without its brackets), and the
    版记's distribute (分送) and copies (共印N份: N)."""
    out = _draft_values(doc.blocks)
    for k in INFO_KEYS:
        v = getattr(doc.info, k)
        if v:
            out[k] = v
    order = [*INFO_KEYS, "attachment_note", "note", "distribute", "copies"]
    return {k: out[k] for k in order if out.get(k)}


# --- the clerk's values -------------------------------------------------------------------------------------------

LISTS = ("cc", "addressee")  # may be given as a list of bodies: joined with the 顿号/逗号 the standard uses


def info_from_dict(data: Any, source: str = "") -> DocInfo:
    """A DocInfo from parsed JSON. Unknown keys and wrong types are a QingGaoError naming them."""
    if not isinstance(data, dict):
        raise QingGaoError(source, "公文信息文件应是一个 JSON 对象（{…}）。",
                           "the document-info file must hold one JSON object ({…}).")
    unknown = [k for k in data if k not in INFO_KEYS]
    if unknown:
        names = "、".join(unknown)
        allowed = ", ".join(INFO_KEYS)
        raise QingGaoError(source, f"公文信息文件中有不认识的项：{names}。可用的项：{allowed}。",
                           f"unknown keys in the document-info file: {', '.join(unknown)}. Allowed: {allowed}.")
    values: dict[str, str] = {}
    bad: list[str] = []
    for k, v in data.items():
        if v is None:
            continue
        if isinstance(v, str):
            values[k] = v.strip()
        elif k in LISTS and isinstance(v, list) and all(isinstance(x, str) for x in v):
            values[k] = "，".join(x.strip() for x in v if x.strip())
        elif k == "issuer_mark" and isinstance(v, list) and all(isinstance(x, str) for x in v):
            values[k] = _joint_text([x.strip() for x in v if x.strip()])  # 联合行文: the bodies, 主办机关 first
        elif k == "copy_no" and isinstance(v, int) and not isinstance(v, bool) and v >= 0:
            values[k] = f"{v:06d}"  # 7.2.1: 份号 in six digits
        else:
            bad.append(k)
    if bad:
        names = ", ".join(bad)
        raise QingGaoError(source, f"公文信息文件中这些项的值类型不对：{names}。每项应是文字（cc、addressee 也可以是文字列表，"
                                   f"issuer_mark 也可以是联合发文机关的列表，copy_no 也可以是整数）。",
                           f"wrong value type for: {names}. Each value must be a string (cc and addressee may be a list "
                           f"of strings, issuer_mark a list of joint issuers, copy_no an integer).")
    return DocInfo(**values)


def _joint_text(items: list[str]) -> str:
    """['中共××市委', '××市人民政府', '文件'] -> '中共××市委、××市人民政府文件' (the form the 公文信息 panel shows)."""
    if len(items) > 1 and items[-1] in _joint()[1]:
        return "、".join(items[:-1]) + items[-1]
    return "、".join(items)


def load_info(path: str | Path) -> DocInfo:
    """--info FILE.json (UTF-8, BOM allowed)."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8-sig"))
    except OSError as e:
        raise QingGaoError(str(p), f"公文信息文件无法读取（{e.strerror or e}）。请检查路径。",
                           f"the document-info file cannot be read ({e.strerror or e}); check the path.") from e
    except UnicodeDecodeError as e:
        raise QingGaoError(str(p), "公文信息文件不是 UTF-8 编码。请用记事本“另存为 UTF-8”后再试。",
                           "the document-info file is not UTF-8; save it as UTF-8 and try again.") from e
    except ValueError as e:
        raise QingGaoError(str(p), f"公文信息文件不是有效的 JSON（{e}）。",
                           f"the document-info file is not valid JSON ({e}).") from e
    return info_from_dict(data, str(p))


def merged_info(base: DocInfo, top: DocInfo) -> DocInfo:
    """`top`'s non-empty values over `base`."""
    return DocInfo(**{f.name: getattr(top, f.name) or getattr(base, f.name) for f in fields(DocInfo)})
