"""Why the `settle` stage stays (docs/bench.md): how many plain-text documents one pass leaves unstable (cleaning its
own TXT output changes the blocks), and what the second pass does to the scores.

    .venv/bin/python bench/settle_evidence.py ../shared/corpus/dev ../shared/corpus/real tests/data/samples tests/data/real/round*
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "shared" / "eval"))

from score import average, score  # noqa: E402

import core.pipeline as pipeline  # noqa: E402
from core.api import clean_file, clean_text, render  # noqa: E402
from core.model import Document  # noqa: E402


def shape(doc: Document) -> list[tuple[str, str, int | None]]:
    return [(b.kind, b.text + (b.body or ""), b.level) for b in doc.blocks]


def main(dirs: list[str]) -> None:
    full = list(pipeline.STAGES)
    one = [(n, s) for n, s in full if n != "settle"]
    for d in dirs:
        unstable = txt = 0
        rows_one, rows_full = [], []
        for gold_path in sorted(Path(d).glob("*.gold.json")):
            name = gold_path.name[: -len(".gold.json")]
            src = next(p for p in gold_path.parent.glob(name + ".*") if not p.name.endswith(".gold.json"))
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            pipeline.STAGES[:] = one
            try:
                first = clean_file(src)
                if first.format == "txt":
                    txt += 1
                    unstable += shape(first) != shape(clean_text(first.text()))
                rows_one.append(score(gold, json.loads(render(first, "json"))))
            finally:
                pipeline.STAGES[:] = full
            rows_full.append(score(gold, json.loads(render(clean_file(src), "json"))))

        def fmt(rows: list[dict]) -> str:
            return " ".join(f"{k}={v:.3f}" for k, v in average(rows).items() if isinstance(v, float))

        print(f"{Path(d).name}: one pass leaves {unstable} of {txt} TXT unstable\n  one pass:    {fmt(rows_one)}\n"
              f"  with settle: {fmt(rows_full)}")


if __name__ == "__main__":
    main(sys.argv[1:])
