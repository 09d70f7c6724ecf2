"""`--selftest`: prove an install (or a frozen bundle) can import everything, load jieba and write a DOCX."""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path


def run_selftest() -> int:
    from .api import clean_text, render
    from .segment import tokenizer

    tokenizer()
    doc = clean_text("关于做好2021年教育工作的通知\n各县(市、区)教育局:\n现将有关事项通知如下。\n")
    data = render(doc, "docx")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "selftest.docx"
        out.write_bytes(data)
        ok = out.stat().st_size > 1000
    print("selftest ok" if ok else "selftest FAILED", file=sys.stderr if sys.stderr else None)
    return 0 if ok else 1
