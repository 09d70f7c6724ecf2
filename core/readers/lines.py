"""Turn decoded text into `Line`s: one per non-blank source line, remembering blanks and indents."""
from __future__ import annotations

from ..model import Line

# white space a scraped page leaves: ideographic space, nbsp, en/em spaces, zero-width marks
_WS = " \t\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff"


def split_lines(text: str) -> list[Line]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    lines: list[Line] = []
    blanks = 0
    for i, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip(_WS + "\f\v")
        if not stripped and "\f" in raw and lines:
            stripped = "\f"  # a page break alone on its line: noise rules decide (QingGao's TXT puts one between documents)
        if not stripped:
            blanks += 1
            continue
        indent = len(raw) - len(raw.lstrip(_WS))
        lines.append(Line(text=stripped, lineno=i, blank_before=blanks, indent=indent))
        blanks = 0
    return lines

