"""Split a Document at its docbreaks, for writing an appended document to a file of its own."""
from __future__ import annotations

import copy

from ..model import Block, Document


def block_groups(blocks: list[Block]) -> list[list[Block]]:
    """The runs of blocks between docbreaks; empty runs (a leading, trailing or doubled docbreak) are dropped."""
    groups: list[list[Block]] = [[]]
    for b in blocks:
        if b.kind == "docbreak":
            groups.append([])
        else:
            groups[-1].append(b)
    return [g for g in groups if g]


def split_at_docbreaks(doc: Document) -> list[Document]:
    """One Document per part. Source lines, removals, changes and warnings go with the part whose source lines
    they fall in (a part starts at its first block's first source line); parts are numbered in `source` only
    through their position in the returned list, so callers choose the output names."""
    groups = block_groups(doc.blocks)
    if len(groups) <= 1:
        part = copy.deepcopy(doc)
        part.blocks = [b for b in part.blocks if b.kind != "docbreak"]
        return [part]
    starts = [min((ln for b in g for ln in b.lines), default=None) for g in groups]
    # parts without line numbers (built by hand) start where the previous one did
    for i in range(len(starts)):
        if starts[i] is None:
            starts[i] = starts[i - 1] if i else 0

    def part_of(line: int | None) -> int:
        if line is None:
            return 0
        idx = 0
        for i, s in enumerate(starts):
            if s is not None and line >= s:
                idx = i
        return idx

    parts: list[Document] = []
    for i, g in enumerate(groups):
        parts.append(Document(
            source=doc.source, format=doc.format, encoding=doc.encoding,
            encoding_confidence=doc.encoding_confidence,
            title_hint=doc.title_hint if i == 0 else None,
            lines=[copy.deepcopy(x) for x in doc.lines if part_of(x.lineno) == i],
            blocks=[copy.deepcopy(b) for b in g],
            removed=[copy.deepcopy(r) for r in doc.removed if part_of(r.line) == i],
            changes=[copy.deepcopy(c) for c in doc.changes if part_of(min(c.lines, default=None)) == i],
            warnings=[copy.deepcopy(w) for w in doc.warnings if part_of(w.line) == i],
            overrides=copy.deepcopy(doc.overrides),
        ))
    return parts
