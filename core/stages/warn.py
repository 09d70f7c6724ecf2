"""Stage: warn. Tell the clerk what still needs a human: text missing at a gap, placeholders to fill."""
from __future__ import annotations

import re

from ..model import Document, Warning

# ×, XX, ××, __ runs; a lone Latin X only when it stands between Chinese characters ("X教育", "X市")
PLACEHOLDER = re.compile(r"[×✕]+|_{1,}|＿+|(?<![A-Za-z])X{1,3}(?![A-Za-z])|○{2,}")


def run(doc: Document) -> Document:
    for b in doc.blocks:
        if b.kind == "gap":
            n = f"{b.omitted_chars}字" if b.omitted_chars else "若干字"
            doc.warnings.append(Warning("gap", f"原网页在此处省略了{n}，需要找到完整原文补齐。", b.lines[0] if b.lines else None))
    count = sum(len(PLACEHOLDER.findall(b.text + (b.body or ""))) for b in doc.blocks)
    if count:
        doc.warnings.append(Warning("placeholder", f"文中有{count}处占位符（×、X、_ 等）需要填写实际内容。"))
    return doc
