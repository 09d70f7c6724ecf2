"""The clerk's overrides (restore a removed line, switch a rule off) are honoured by every stage, on real drafts."""
import pytest
from qg_paths import CORPUS, DATA, needs_corpus

from core.api import clean_file
from core.model import Overrides
from core.rules import rule_catalog

SAMPLES = DATA / "samples"


def _drafts() -> list:
    return [*sorted((CORPUS / "dev").glob("*.txt")), *sorted(SAMPLES.glob("s0*.txt")), SAMPLES / "s11_collection_three_summaries.txt"]


@needs_corpus
@pytest.mark.parametrize("path", _drafts(), ids=lambda p: p.name)
def test_keeping_every_removed_line_brings_each_one_back(path):
    first = clean_file(path)
    keep = {r.line for r in first.removed}
    assert keep, "the draft has noise to restore"
    again = clean_file(path, overrides=Overrides(keep_lines=keep))
    assert [r for r in again.removed if r.line in keep] == []
    text = "".join(b.text + (b.body or "") for b in again.blocks)
    assert not any(b.kind == "gap" for b in again.blocks if b.lines and b.lines[0] in keep)
    assert len(text) > len("".join(b.text + (b.body or "") for b in first.blocks))


def _clean(text: str, off: set[str]):
    from core.api import clean_document
    from core.model import Document
    from core.readers.lines import split_lines
    return clean_document(Document(source="t.txt", lines=split_lines(text), overrides=Overrides(disabled_rules=off)))


BODY = "今天我们召开一年一度的全市教育系统工作会议，主要任务是总结回顾2020年工作，研究部署2021年工作。"


@pytest.mark.parametrize("line, rule", [
    ("上一篇:关于做好校园安全工作的通知", "nav-prev-next"),  # a pattern rule
    ("蜂巢文库 首页 > 行业资料 > 教育/培训 > 校园安全", "nav-path"),  # a built-in signal
])
def test_a_switched_off_rule_keeps_its_lines(line, rule):
    on = _clean(f"{BODY}\n{line}\n{BODY}\n", set())
    assert any(r.rule == rule for r in on.removed)
    off = _clean(f"{BODY}\n{line}\n{BODY}\n", {rule})
    assert not any(r.rule == rule for r in off.removed)
    assert line[:3] in "".join(b.text for b in off.blocks)


def test_switching_off_a_rule_lets_the_next_rule_decide_and_off_banners_make_no_gap():
    text = f"{BODY}\n预览结束,全文15501字,当前显示4036字\n"
    assert [b.omitted_chars for b in _clean(text, set()).blocks if b.kind == "gap"] == [11465]
    off = _clean(text, {"gap-total-shown", "gap-preview-end", "gap-remaining"})
    assert not any(b.kind == "gap" for b in off.blocks)


def test_every_removal_rule_a_clerk_can_meet_is_in_the_catalog():
    ids = {rid for rid, _ in rule_catalog()}
    for path in _drafts() if CORPUS.exists() else []:
        assert {r.rule for r in clean_file(path).removed} <= ids
