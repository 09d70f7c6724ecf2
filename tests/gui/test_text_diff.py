"""Typing in the result pane -> review edits (desktop.text_diff), checked by applying them with core.edits."""
from __future__ import annotations

import pytest

from core import edits
from core.model import Block, Document
from desktop.text_diff import LINE_SEP, Refused, edits_for


def _apply(old: list[str], new: list[str], fixed: frozenset[int] = frozenset()) -> tuple[list[str], list[str]]:
    doc = Document("x", blocks=[Block("gap" if i in fixed else "paragraph", t, lines=[i + 1])
                                for i, t in enumerate(old)])
    ops = []
    for op, i, value in edits_for(old, new, set(fixed)):
        edits.edit(doc, op, i, value)
        ops.append(op)
    return [edits.full_text(b) for b in doc.blocks], ops


@pytest.mark.parametrize(("old", "new", "ops"), [
    (["甲乙丙", "丁戊"], ["甲乙X丙", "丁戊"], ["set_text"]),  # typing inside a block
    (["甲乙丙", "丁戊"], ["甲乙丙丁戊"], ["merge_next"]),  # Backspace at the start of the second
    (["甲乙丙", "丁戊"], ["甲", "乙丙", "丁戊"], ["split"]),  # Enter inside the first
    (["甲乙丙", "丁戊", "己"], ["甲乙丙", "己"], ["drop_block"]),  # a block selected and deleted
    (["甲乙丙", "丁戊"], ["甲乙丙", "新的一段", "丁戊"], ["set_text", "split"]),  # Enter at an end, then typing
    (["甲乙丙", "丁戊", "己庚"], ["甲乙", "丙丁", "戊己庚"], ["set_text"] * 3),  # as many blocks: each retyped
    (["甲乙丙", "丁戊", "己庚"], ["甲乙", "丙丁戊己庚"], ["merge_next", "merge_next", "split"]),
    (["甲乙丙", "丁戊", "己庚"], ["甲乙丙X", "丁戊", "己庚Y"], ["set_text", "set_text"]),
    (["甲乙丙", "丁戊"], ["甲乙丙", "", "丁戊"], []),  # an empty line left by Enter is no block
    (["共建共享幸福教育奋力开启X教育"], [f"共建共享幸福教育奋力{LINE_SEP}开启X教育"], []),  # the title's own breaks
])
def test_typing_becomes_edits(old, new, ops):
    got, done = _apply(old, new)
    assert got == [t.replace(LINE_SEP, "") for t in new if t.strip()]
    assert sorted(done) == sorted(ops)


def test_typing_over_a_gap_note_is_refused():
    with pytest.raises(Refused):
        edits_for(["甲乙丙", "【此处原文缺失9字】", "丁戊"], ["甲乙丙", "【此处原文缺失字】", "丁戊"], {1})
    got, _ = _apply(["甲乙丙", "缺", "丁戊"], ["甲乙丙改", "缺", "丁戊"], frozenset({1}))
    assert got == ["甲乙丙改", "缺", "丁戊"]  # the text beside a gap may change
