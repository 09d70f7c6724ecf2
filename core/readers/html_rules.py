"""Rule data for the HTML reader (resources/html/hints.json) and the text measures it scores with."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from ..resources import resource

# CJK ideographs (BMP, compatibility, extension B+) and the punctuation Chinese prose is written with
CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
CN_PUNCT = "，。；：！？、“”‘’（）《》【】—…·"
SENTENCE_PUNCT = "，。；：！？、"
_PUNCT_RE = re.compile("[" + re.escape(CN_PUNCT) + "]")
_SENT_RE = re.compile("[" + re.escape(SENTENCE_PUNCT) + "]")
_ALNUM_RE = re.compile(r"[A-Za-z0-9]")

# block-level elements: each starts and ends a line
BLOCK_TAGS = frozenset("""
address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption figure footer form
h1 h2 h3 h4 h5 h6 header hr html li main menu nav ol p pre section summary table tbody thead tfoot tr td th caption
legend ul marquee noframes frameset
""".split())
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def weight(text: str) -> float:
    """How much readable Chinese a string holds: ideographs and Chinese punctuation count 1, Latin letters 1/3."""
    return len(CJK_RE.findall(text)) + len(_PUNCT_RE.findall(text)) + len(_ALNUM_RE.findall(text)) / 3


def cjk_count(text: str) -> int:
    return len(CJK_RE.findall(text))


def sentence_punct(text: str) -> int:
    return len(_SENT_RE.findall(text))


@dataclass(frozen=True)
class Hints:
    always_drop: frozenset[str]
    chrome: frozenset[str]
    hidden_style: re.Pattern[str]
    hidden_classes: frozenset[str]
    keep_hidden_prose: int
    scored: tuple[tuple[re.Pattern[str], int], ...]
    title: re.Pattern[str]
    title_exclude: re.Pattern[str]
    title_gap: int
    title_min: int
    title_max: int

    def class_weight(self, class_id: str) -> int:
        """Sum of the weights of every positive/negative rule the element's class+id matches."""
        if not class_id:
            return 0
        return sum(w for rx, w in self.scored if rx.search(class_id))


@lru_cache(maxsize=1)
def hints() -> Hints:
    data = json.loads(resource("html", "hints.json").read_text(encoding="utf-8"))
    drop, hidden, title = data["drop_tags"], data["hidden"], data["title"]
    scored = tuple((re.compile(r["pattern"], re.I), int(r["weight"])) for r in data["positive"] + data["negative"])
    return Hints(
        always_drop=frozenset(drop["always"]),
        chrome=frozenset(drop["chrome"]),
        hidden_style=re.compile("|".join(hidden["style"]), re.I),
        hidden_classes=frozenset(hidden["class_tokens"]),
        keep_hidden_prose=int(hidden["keep_prose_chars"]),
        scored=scored,
        title=re.compile(title["pattern"], re.I),
        title_exclude=re.compile(title["exclude"], re.I),
        title_gap=int(title["max_gap_chars"]),
        title_min=int(title["min_chars"]),
        title_max=int(title["max_chars"]),
    )
