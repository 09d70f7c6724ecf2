"""Which noise rules can hit a line at all, from characters a match of each rule must hold.

strip_noise asks every line-rule about every line: about a hundred regex searches per line, most of the cost of
cleaning a big file (450,000 short lines: a minute). A match of most rules holds one of a few characters, read
from the pattern itself ("(预览|试读|免费阅读|阅读)结束…" holds 结; "微信搜索?公众号…" holds 公); a line that holds
none of them cannot match, and the rule is not asked. The rules asked are the ones that can hit, in the rules'
order, so the first that hits is the first that would have hit."""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from re import _constants as c  # type: ignore[attr-defined]  # (the parser's opcodes: stable since 3.11)
from re import _parser  # type: ignore[attr-defined]

from ..rules import NoiseRule

DIGIT, SPACE = "\x00d", "\x00s"  # a \d or \s the match needs: any decimal digit or white space will do
_DIGIT, _SPACE = re.compile(r"\d"), re.compile(r"\s")
_BIG_RANGE = 512  # a class wider than this (all CJK ideographs) tells nothing worth asking


def needed_chars(regex: re.Pattern[str]) -> frozenset[str] | None:
    """Characters (DIGIT / SPACE for a category) of which a text `regex` finds a match in holds at least one;
    None when no such set is known (the rule is asked about every line)."""
    if regex.flags & re.IGNORECASE:
        return None
    need = _need(_parser.parse(regex.pattern, regex.flags))
    return None if need is None else frozenset(need)


def _need(seq: Iterable[tuple[object, object]]) -> set[str] | None:
    """A sequence holds a character of each of its parts' sets: the smallest set is the surest screen."""
    sets = [s for op, av in seq if (s := _need_of(op, av)) is not None]
    return min(sets, key=len) if sets else None


def _need_of(op: object, av: object) -> set[str] | None:  # noqa: PLR0911 - one case per opcode
    if op is c.LITERAL:
        return {chr(av)}  # type: ignore[arg-type]
    if op is c.IN:
        return _class(av)  # type: ignore[arg-type]
    if op is c.ASSERT:  # (a lookahead or lookbehind that must hold reads characters of the line too)
        return _need(av[1])  # type: ignore[index]
    if op is c.BRANCH:
        out: set[str] = set()
        for branch in av[1]:  # type: ignore[index]
            s = _need(branch)
            if s is None:
                return None
            out |= s
        return out
    if op is c.SUBPATTERN:
        _group, add_flags, _del_flags, p = av  # type: ignore[misc]
        return None if add_flags & re.IGNORECASE else _need(p)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        lo, _hi, p = av  # type: ignore[misc]
        return _need(p) if lo else None
    if op is c.ATOMIC_GROUP:
        return _need(av)  # type: ignore[arg-type]
    return None  # "^", a negative lookaround, any character, a back reference…: nothing needed


def _class(items: Sequence[tuple[object, object]]) -> set[str] | None:
    out: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            out.add(chr(av))  # type: ignore[arg-type]
        elif op is c.RANGE and av[1] - av[0] <= _BIG_RANGE:  # type: ignore[index,operator]
            out.update(chr(x) for x in range(av[0], av[1] + 1))  # type: ignore[index]
        elif op is c.CATEGORY and av is c.CATEGORY_DIGIT:
            out.add(DIGIT)
        elif op is c.CATEGORY and av is c.CATEGORY_SPACE:
            out.add(SPACE)
        else:  # a negated class, \w, a wide range
            return None
    return out


@lru_cache(maxsize=16)
def screen(rules: tuple[NoiseRule, ...]) -> RuleScreen:
    """The screen of a list of rules (built once: parsing the patterns takes a few ms)."""
    return RuleScreen(rules)


class RuleScreen:
    """The rules of a list that can hit a text, in the list's order."""

    def __init__(self, rules: Sequence[NoiseRule]) -> None:
        self.rules = list(rules)
        self.always: list[int] = []  # rules asked about every line
        self.by_char: dict[str, list[int]] = {}
        for k, r in enumerate(self.rules):
            chars = needed_chars(r.regex)
            if chars is None:
                self.always.append(k)
            for ch in chars or ():
                self.by_char.setdefault(ch, []).append(k)
        self.keys = frozenset(self.by_char)

    def candidates(self, chars: set[str], length: int = 0) -> list[NoiseRule]:
        """The rules that can hit a text of these characters (line_chars) whose shortest form (raw or as normalize
        leaves it: rule_hits reads both) has `length` characters: a rule with a max_len below it cannot."""
        found = set(self.always)
        for ch in chars & self.keys:
            found.update(self.by_char[ch])
        return [self.rules[k] for k in sorted(found) if self.rules[k].max_len is None or length <= self.rules[k].max_len]


def line_chars(*texts: str) -> set[str]:
    """The characters of the texts, with DIGIT / SPACE where one is a digit / white space."""
    if len(texts) == 2 and texts[0] == texts[1]:
        texts = texts[:1]  # (a line normalize leaves as it is: read once)
    chars = set().union(*texts)
    if any(_DIGIT.search(t) for t in texts):
        chars.add(DIGIT)
    if any(_SPACE.search(t) for t in texts):
        chars.add(SPACE)
    return chars
