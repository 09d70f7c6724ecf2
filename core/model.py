"""The document model every stage takes and returns (see ../shared/corpus/README.md)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

BLOCK_KINDS = (
    "title", "subtitle", "byline", "salutation", "heading", "paragraph",
    "gap", "signature", "date", "docbreak",
)


@dataclass
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


@dataclass
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

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {"kind": self.kind, "text": self.text}
        if self.kind == "heading":
            d["level"] = self.level
        if self.body:
            d["body"] = self.body
        if self.kind == "gap":
            d["omitted_chars"] = self.omitted_chars
        return d


@dataclass
class Removed:
    """A source line (or part of one) that cleaning took out, and why."""

    text: str
    line: int
    rule: str
    note: str = ""


@dataclass
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

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "format": self.format,
            "encoding": self.encoding,
            "encoding_confidence": self.encoding_confidence,
            "blocks": [b.to_json() for b in self.blocks],
            "removed": [asdict(r) for r in self.removed],
            "changes": [asdict(c) for c in self.changes],
            "warnings": [asdict(w) for w in self.warnings],
        }

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
