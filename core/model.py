"""The document model every stage takes and returns (see ../shared/corpus/README.md)."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

BLOCK_KINDS = (
    "title", "subtitle", "byline", "salutation", "heading", "paragraph",
    "gap", "signature", "date", "docbreak",
)


@dataclass(slots=True)  # (no __dict__: a 10 MB draft makes a million of these)
class Line:
    """One source line as a reader saw it, with hints later stages may use."""

    text: str
    lineno: int  # 1-based line number in the source (or paragraph number for DOCX/HTML)
    bold: bool = False
    align: str | None = None  # "center", "right", ...
    style: str | None = None  # DOCX style name or HTML tag
    blank_before: int = 0  # blank lines that preceded this line in the source
    indent: int = 0  # leading white space the source had (PDF-preview and hand indents)
    # set by strip_noise: a truncation banner ("gap") or an appended document ("docbreak")
    mark: str | None = None
    omitted_chars: int | None = None
    # HTML/DOCX: index of the source paragraph element; lines split by <br> inside one element share it,
    # so reflow can tell a real paragraph end from a hard line break
    para: int | None = None
    after_break: bool = False  # set by strip_noise: a page break (counter, page number, running header) came before
    cut: bool = False  # set by split_collapsed: a lost line break came before (a new block starts here)
    # PDF: the page's geometry says this line is page furniture (a rule id of resources/rules/pdf.toml: page
    # number, running head, watermark); the page_furniture stage removes it and records why
    furniture: str | None = None


@dataclass(slots=True)
class Block:
    kind: str
    text: str
    level: int | None = None
    body: str | None = None
    omitted_chars: int | None = None
    lines: list[int] = field(default_factory=list)  # source line numbers this block came from
    bold: bool = False
    align: str | None = None
    style: str | None = None  # the first source line's style: "tr" marks a table row (cells joined by tabs)
    # a part of the official document (GB/T 9704) this block is, found by stages/official_parts: "issuer_mark",
    # "doc_number", "signer" (版头), "attachment" (附件说明), "note" (附注), "cc", "distribute", "imprint",
    # "copies" (版记), "attendance" (a 纪要's 出席/请假/列席 lists); the kind stays
    part: str | None = None

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {"kind": self.kind, "text": self.text}
        if self.kind == "heading":
            d["level"] = self.level
        if self.body:
            d["body"] = self.body
        if self.kind == "gap":
            d["omitted_chars"] = self.omitted_chars
        if self.part:
            d["part"] = self.part
        return d


@dataclass(slots=True)
class Removed:
    """A source line (or part of one) that cleaning took out, and why."""

    text: str
    line: int
    rule: str
    note: str = ""


@dataclass(slots=True)
class Change:
    """A rewrite: join, split, renumber, normalize. `lines` points back to the source."""

    kind: str
    detail: str
    lines: list[int] = field(default_factory=list)
    before: str = ""
    after: str = ""


@dataclass
class Warning:
    code: str  # "gap", "placeholder", "encoding", ...
    message: str
    line: int | None = None


@dataclass
class Overrides:
    """Edits a clerk made in the review; stages honour them so a re-run reproduces the edit."""

    keep_lines: set[int] = field(default_factory=set)  # restore lines strip_noise removed
    drop_lines: set[int] = field(default_factory=set)  # remove lines strip_noise kept
    disabled_rules: set[str] = field(default_factory=set)  # rule ids (resources/rules/*.toml) switched off
    simplify: bool = False  # 繁體 -> 简体 (stages/simplify.py, OpenCC t2s): the clerk's option, off by default


INFO_KEYS = ("copy_no", "secret", "urgency", "issuer_mark", "doc_number", "signer", "addressee", "cc", "printer",
             "print_date")


@dataclass
class DocInfo:
    """What the clerk gives for the 版头, 主送 and 版记 (--info FILE.json, the 公文信息 panel); empty = not given.
    Document.official() lays these over what the draft itself carries (blocks with a `part`)."""

    copy_no: str = ""  # 份号
    secret: str = ""  # 密级和保密期限 ("机密★1年")
    urgency: str = ""  # 紧急程度 ("特急")
    issuer_mark: str = ""  # 发文机关标志 ("××市教育局文件")
    doc_number: str = ""  # 发文字号 ("×教发〔2024〕5号")
    signer: str = ""  # 签发人 (上行文)
    addressee: str = ""  # 主送机关
    cc: str = ""  # 抄送机关
    printer: str = ""  # 印发机关
    print_date: str = ""  # 印发日期


@dataclass
class Document:
    source: str
    format: str = "txt"
    encoding: str | None = None
    encoding_confidence: float | None = None
    title_hint: str | None = None  # e.g. an HTML <title>
    lines: list[Line] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    overrides: Overrides = field(default_factory=Overrides)
    info: DocInfo = field(default_factory=DocInfo)

    def official(self) -> dict[str, Any]:
        """The official-document parts: the clerk's values over the draft's own (core/official.py); empty left out."""
        from .official import official_parts

        return official_parts(self)

    def to_json(self) -> dict[str, Any]:
        return {k: list(v) if isinstance(v, Iterator) else v for k, v in self.json_items().items()}

    def json_items(self) -> dict[str, Any]:
        """to_json with its long lists as iterators: core/export/json_out.py writes them an item at a time
        (450,000 recorded joins made as dicts at once take 150 MB)."""
        d = {
            "source": self.source,
            "format": self.format,
            "encoding": self.encoding,
            "encoding_confidence": self.encoding_confidence,
            "blocks": (b.to_json() for b in self.blocks),
            "removed": (asdict(r) for r in self.removed),
            "changes": (asdict(c) for c in self.changes),
            "warnings": [asdict(w) for w in self.warnings],
        }
        info = self.official()
        if info:  # (a draft without any of these parts writes the JSON it always did)
            d["info"] = info
        return d

    def text(self) -> str:
        """The clean text, one paragraph per line (what `--to txt` writes)."""
        out = []
        for b in self.blocks:
            if b.kind == "gap":
                n = b.omitted_chars
                out.append(f"【此处原文缺失{n}字】" if n else "【此处原文缺失】")
            elif b.kind == "docbreak":
                out.append("\f")  # a page break in plain text (Word starts a new page): read back as a docbreak
            else:
                out.append(b.text + (b.body or ""))
        return "\n".join(out) + "\n"
