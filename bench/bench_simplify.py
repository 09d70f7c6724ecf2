"""繁体 -> 简体 benchmark (issue 14, stages/simplify.py): what a Traditional mirror does to a mainland draft, undone.

Run from the repo root:  .venv/bin/python bench/bench_simplify.py
Each real draft of ../shared/corpus/real and dev (Simplified) is turned into its Traditional mirror with OpenCC s2t,
the way mirror sites do, and cleaned with `simplify` on. Reported: how many characters of the clean text differ
from cleaning the original (the round trip's losses: one-to-many characters t2s cannot tell apart), which those are,
and the time the stage adds. Also the cost of the option on an already Simplified draft (the fast path and the
Simplified check)."""
from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

from opencc import OpenCC

from core.api import clean_document
from core.model import Document, Overrides
from core.readers.lines import split_lines
from core.stages import simplify

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def _doc(text: str, on: bool) -> Document:
    return Document(source="t.txt", lines=split_lines(text), overrides=Overrides(simplify=on))


def main() -> None:
    s2t = OpenCC("s2t")
    files = sorted((CORPUS / "real").glob("*.txt")) + sorted((CORPUS / "dev").glob("*.txt"))
    chars = differ = 0
    stage_s = simp_stage_s = 0.0
    lost: Counter = Counter()
    for f in files:
        text = f.read_text(encoding="utf-8", errors="replace")
        mirror = s2t.convert(text)
        want = clean_document(_doc(text, False)).text()
        got = clean_document(_doc(mirror, True)).text()
        chars += len(want)
        if len(got) == len(want):
            pairs = [(a, b) for a, b in zip(got, want) if a != b]
            differ += len(pairs)
            lost.update(f"{b}->{a}" for a, b in pairs)
        else:
            differ += abs(len(got) - len(want))
            lost[f"{f.name}: length differs"] += 1
        t = time.perf_counter()
        simplify.run(_doc(mirror, True))
        stage_s += time.perf_counter() - t
        t = time.perf_counter()
        simplify.run(_doc(text, True))
        simp_stage_s += time.perf_counter() - t
    print(f"{len(files)} drafts, {chars} characters of clean text")
    print(f"mirror (s2t) cleaned with simplify: {differ} characters differ from the original ({differ / chars:.4%})")
    print("  most common:", ", ".join(f"{k} x{v}" for k, v in lost.most_common(12)))
    print(f"stage time on the mirrors: {stage_s * 1000:.0f} ms in all, {stage_s / len(files) * 1000:.1f} ms a draft")
    print(f"stage time on the Simplified originals (option on, nothing to do): {simp_stage_s * 1000:.0f} ms in all")


if __name__ == "__main__":
    main()
