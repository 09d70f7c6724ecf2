"""The realistic sample set in tests/data/samples is well-formed: gold format, gold text rules, nothing invented.

The checks themselves live in tests/data/samples/check.py (also a command-line tool); these tests run them on
every sample and prove that they catch the mistakes they are meant to catch.
"""
from __future__ import annotations

import copy
import importlib.util
import json
from collections import Counter
from pathlib import Path

import pytest
from qg_paths import SCORER as SCORE
from qg_paths import needs_scorer

SAMPLES = Path(__file__).resolve().parent / "data" / "samples"


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


check = _load("samples_check", SAMPLES / "check.py")
PAIRS = check.samples()


def _gold(stem: str) -> dict:
    return json.loads((SAMPLES / f"{stem}.gold.json").read_text(encoding="utf-8"))


def test_set_covers_the_input_formats():
    assert len(PAIRS) >= 14
    assert all(inp is not None for _, inp in PAIRS)
    enc = Counter(check.encoding_of(inp) for _, inp in PAIRS)
    assert enc["gbk"] >= 3 and enc["gb18030"] >= 1 and enc["utf-16-le-bom"] >= 2 and enc["utf-8-sig"] >= 1
    assert enc["html"] >= 1 and enc["docx"] >= 1
    kinds = Counter(b["kind"] for g, _ in PAIRS for b in json.loads(g.read_text(encoding="utf-8"))["blocks"])
    for k in check.KINDS:
        assert kinds[k] > 0, f"no sample has a {k} block"


@pytest.mark.parametrize(("gold", "inp"), PAIRS, ids=[g.name[: -len(".gold.json")] for g, _ in PAIRS])
def test_sample_is_wellformed(gold: Path, inp: Path):
    assert check.check_sample(gold, inp) == []


def test_gbk_samples_are_really_not_utf8():
    gbk = [inp for _, inp in PAIRS if check.encoding_of(inp) == "gbk"]
    for inp in gbk:
        data = inp.read_bytes()
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
        assert "的" in data.decode("gbk")  # strict GBK (what an older Windows editor writes), not only GB18030


def test_checker_flags_invented_text():
    gold_path, inp = next((g, i) for g, i in PAIRS if i.suffix == ".txt")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    source = check.input_text(inp)
    assert check.check_contained(gold["blocks"], source) == []
    bad = copy.deepcopy(gold["blocks"])
    i = next(n for n, b in enumerate(bad) if b["kind"] == "paragraph" and len(b["text"]) > 20)
    bad[i]["text"] = bad[i]["text"][:10] + "坚决贯彻落实" + bad[i]["text"][10:]
    assert any(f"block {i} " in e for e in check.check_contained(bad, source))
    # blocks out of document order are caught too
    swapped = copy.deepcopy(gold["blocks"])
    paras = [n for n, b in enumerate(swapped) if b["kind"] == "paragraph"]
    a, b = paras[0], paras[-1]
    swapped[a], swapped[b] = swapped[b], swapped[a]
    assert check.check_contained(swapped, source)


def test_checker_flags_unnormalized_gold_text():
    blocks = [
        {"kind": "paragraph", "text": "今天,我们召开会议。"},
        {"kind": "paragraph", "text": "坚持\"人民至上\"。"},
        {"kind": "paragraph", "text": "2021 年是开局之年。"},
        {"kind": "heading", "level": 2, "text": "(一)加强领导。"},
        {"kind": "paragraph", "text": "时间：2023年5月12日上午9:00，增长1.5%。"},
        {"kind": "byline", "text": "市教育局局长 赵青山"},
    ]
    errs = check.check_style(blocks)
    for i in range(4):
        assert any(e.startswith(f"block {i} ") for e in errs), i
    assert not any(e.startswith(("block 4 ", "block 5 ")) for e in errs), errs


def test_checker_flags_broken_numbering_but_not_gaps_or_runon():
    h = lambda lvl, t: {"kind": "heading", "level": lvl, "text": t}  # noqa: E731
    ok = [h(1, "一、甲"), h(3, "1.子"), h(3, "2.子"), h(1, "二、乙"), h(3, "3.子"),  # run-on across 一、二、
          h(2, "（一）丙"), {"kind": "gap", "text": "", "omitted_chars": None}, h(2, "（四）丁")]
    assert check.check_numbering(ok) == []
    assert check.check_numbering([h(1, "一、甲"), h(1, "三、乙")])
    assert check.check_numbering([h(2, "（一）甲"), h(2, "（一）乙")])
    assert check.check_numbering([h(3, "一、甲")])  # level contradicts the marker


def test_checker_flags_format_errors():
    good = _gold(PAIRS[0][0].name[: -len(".gold.json")])
    name = PAIRS[0][1].name
    assert check.check_format(good, name) == []
    for mutate in (
        lambda d: d["blocks"].append({"kind": "footnote", "text": "x"}),
        lambda d: d["blocks"].append({"kind": "heading", "level": 5, "text": "x"}),
        lambda d: d["blocks"].append({"kind": "gap", "text": "", "omitted_chars": "1200"}),
        lambda d: d["blocks"].insert(1, {"kind": "title", "text": "第二个标题"}),
        lambda d: d.update(notes=[]),
        lambda d: d.update(source="other.txt"),
    ):
        d = copy.deepcopy(good)
        mutate(d)
        assert check.check_format(d, name), mutate


@needs_scorer
def test_gold_files_score_perfectly_against_themselves():
    score = _load("eval_score", SCORE)
    for gold_path, _ in PAIRS:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        res = score.score(gold, gold)
        assert res["recall"] == res["precision"] == res["para_f1"] == res["heading_f1"] == res["exact"] == 1.0
        assert res["kind_false"] == 0 and res["gap_false"] == 0
        assert res["gap_recall"] in (None, 1.0) and res["kind_acc"] in (None, 1.0)
