"""Find a page's main text: score containers by how much Chinese prose (not link text) they hold.

Each block of running text (a <p>, a <div> with its own text, a table cell) gives points to the containers above
it, most to the nearest: 1 + its commas and full stops + a length bonus. A container's score is then raised or
lowered by class/id hints (resources/html/hints.json) and scaled down by its share of link text. The best container
wins, with sibling blocks that score nearly as well (articles split over several <div>s), plus the headline
just above it."""
from __future__ import annotations

from dataclasses import dataclass, field

from bs4 import NavigableString, Tag
from bs4.element import PreformattedString
from rapidfuzz import fuzz

from .html_clean import remove_all
from .html_rules import BLOCK_TAGS, HEADING_TAGS, Hints, sentence_punct, weight

# elements whose own text is one paragraph: their points start at the parent, as in Readability
_PARA_TAGS = frozenset({"p", "li", "dd", "dt", "pre", "blockquote", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
                        "caption", "figcaption"})
_MIN_UNIT = 15  # weight below which a block of text is a label or a one-line comment, not a paragraph
CHROME_WEIGHT = -25  # a class/id this negative marks a comment box, footer, share or related-links block
CHROME_FACTOR = 0.2
_LEVEL_SHARE = (1.0, 0.5, 1 / 6, 1 / 9, 1 / 12)


@dataclass
class Stats:
    text: float = 0.0  # weight of all text inside
    link: float = 0.0  # weight of text inside <a>
    score: float = 0.0  # points from paragraphs below
    links: int = 0
    in_chrome: bool = False  # inside an element whose class/id says comments, footer, share, related…


@dataclass
class Main:
    nodes: list[Tag]  # the body: one container or several siblings, in document order
    headline: list[Tag] = field(default_factory=list)  # title elements just above the body


def _class_id(el: Tag) -> str:
    cls = el.get("class") or []
    if isinstance(cls, str):
        cls = [cls]
    return " ".join([*cls, str(el.get("id") or "")]).strip()


def text_strings(el: Tag):  # noqa: ANN201 - generator of NavigableString
    for s in el.descendants:
        if isinstance(s, NavigableString) and not isinstance(s, PreformattedString):
            yield s


def block_owner(node: NavigableString | Tag) -> Tag | None:
    p = node.parent
    while p is not None and p.name not in BLOCK_TAGS:
        p = p.parent
    return p


def _in_link(s: NavigableString) -> bool:
    p = s.parent
    while p is not None and p.name not in BLOCK_TAGS:
        if p.name == "a":
            return True
        p = p.parent
    return False


def collect_stats(root: Tag, h: Hints) -> dict[int, Stats]:
    stats: dict[int, Stats] = {}
    # a unit is the text of one block element between two <br>s or nested blocks: one visual paragraph
    units: dict[tuple[int, int], list[float]] = {}  # (owner id, segment) -> [weight, link weight, punctuation]
    owners: dict[int, Tag] = {}
    segment: dict[int, int] = {}
    for node in root.descendants:
        if isinstance(node, Tag):
            if node.name == "br" or node.name in BLOCK_TAGS:
                owner = block_owner(node)
                if owner is not None:
                    segment[id(owner)] = segment.get(id(owner), 0) + 1
            continue
        if not isinstance(node, NavigableString) or isinstance(node, PreformattedString):
            continue
        w = weight(node)
        if not w:
            continue
        link = _in_link(node)
        owner = block_owner(node)
        if owner is not None:
            acc = units.setdefault((id(owner), segment.get(id(owner), 0)), [0.0, 0.0, 0.0])
            owners[id(owner)] = owner
            acc[0] += w
            if link:
                acc[1] += w
            else:
                acc[2] += sentence_punct(node)
        p = node.parent
        while p is not None:
            st = stats.get(id(p))
            if st is None:
                st = stats[id(p)] = Stats()
            st.text += w
            if link:
                st.link += w
            if p is root:
                break
            p = p.parent
    for a in root.find_all("a"):
        p = a.parent
        while p is not None:
            st = stats.get(id(p))
            if st is not None:
                st.links += 1
            if p is root:
                break
            p = p.parent
    for (key, _), (w, lw, punct) in units.items():
        prose = w - lw
        if prose < _MIN_UNIT:
            continue
        points = 1 + punct + min(prose / 30, 5)
        el = owners[key]
        start = el.parent if el.name in _PARA_TAGS else el
        for share in _LEVEL_SHARE:
            if start is None or start is root.parent:
                break
            stats.setdefault(id(start), Stats()).score += points * share
            start = start.parent
    _mark_chrome(root, stats, h)
    return stats


def _mark_chrome(root: Tag, stats: dict[int, Stats], h: Hints) -> None:
    """Flag everything inside a comment box, footer, share or related-links block: text there may be
    prose-like (a long comment thread) but is never the article."""
    for el in root.find_all(True):
        st = stats.get(id(el))
        if st is None or st.score <= 0:
            continue
        for p in [el, *el.parents]:
            if p is root or p is None:
                break
            if h.class_weight(_class_id(p)) <= CHROME_WEIGHT:
                st.in_chrome = True
                break


def _final(el: Tag, st: Stats, h: Hints) -> float:
    if st.score <= 0:
        return 0.0
    density = st.link / st.text if st.text else 1.0
    score = (st.score + h.class_weight(_class_id(el))) * (1 - density)
    return score * CHROME_FACTOR if st.in_chrome else score


def find_main(root: Tag, h: Hints, page_title: str | None = None) -> Main | None:
    stats = collect_stats(root, h)
    best: Tag | None = None
    best_score = 0.0
    for el in [root, *root.find_all(True)]:
        st = stats.get(id(el))
        if st is None or el.name in HEADING_TAGS:
            continue
        sc = _final(el, st, h)
        if sc > best_score:
            best, best_score = el, sc
    if best is None:
        return None
    nodes = _with_siblings(best, best_score, stats, h)
    for n in nodes:
        prune_chrome(n, stats, h)
    headline = find_headline(nodes[0], h, page_title)
    if headline and _repeats(headline[0], nodes[0]):
        headline = []
    return Main(nodes=nodes, headline=headline)


def _repeats(head: Tag, body: Tag) -> bool:
    """The body opens with its own title line that the headline repeats (or shortens)."""
    first = next((s for s in (" ".join(x.split()) for x in body.get_text("\n").split("\n")) if s), "")
    a, b = "".join(head.get_text().split()), "".join(first.split())
    if not (a and b):
        return False
    # the same line, give or take 《》/全文/a date: not a lead-in sentence that merely mentions the title
    return (a in b and len(b) <= 1.3 * len(a) + 4) or (b in a and len(b) >= 0.5 * len(a))


def _with_siblings(best: Tag, best_score: float, stats: dict[int, Stats], h: Hints) -> list[Tag]:
    parent = best.parent
    if parent is None or best.name in ("body", "html"):
        return [best]
    threshold = max(10.0, best_score * 0.2)
    nodes: list[Tag] = []
    for sib in parent.children:
        if sib is best:
            nodes.append(sib)
            continue
        if not isinstance(sib, Tag):
            continue
        st = stats.get(id(sib))
        if st is None or h.class_weight(_class_id(sib)) < 0:
            continue
        if _final(sib, st, h) >= threshold:
            nodes.append(sib)
            continue
        # a loose paragraph next to the body (a lead or a closing line the CMS put outside the container)
        text = sib.get_text()
        if sib.name == "p" and st.text >= 40 and st.link < 0.25 * st.text and "。" in text:
            nodes.append(sib)
    return _fill_span(parent, nodes, stats, h)


_CLOSING_MAX = 30  # characters: a signature, a date, a closing phrase set as loose lines after the body
_CLOSING_LINES = 4


def _fill_span(parent: Tag, nodes: list[Tag], stats: dict[int, Stats], h: Hints) -> list[Tag]:
    """A draft the page spread over sibling elements (a <div>, then a <table>, then loose <p>s): every sibling
    between two chosen ones belongs to it unless it is chrome or links; so do the short loose lines right after
    the last one (the signing office and the date)."""
    kids = [k for k in parent.children if isinstance(k, Tag)]
    chosen = {id(n) for n in nodes}
    at = [i for i, k in enumerate(kids) if id(k) in chosen]
    if not at:
        return nodes

    def plain(k: Tag) -> bool:
        st = stats.get(id(k))
        return (st is not None and h.class_weight(_class_id(k)) >= 0 and not st.in_chrome
                and st.link < 0.5 * st.text)

    span = [k for k in kids[at[0]:at[-1] + 1] if id(k) in chosen or plain(k)]
    for k in kids[at[-1] + 1:at[-1] + 1 + _CLOSING_LINES]:
        text = " ".join(k.get_text().split())
        if k.name not in ("p", "div") or not text or len(text) > _CLOSING_MAX or k.find("a") is not None or not plain(k):
            break
        span.append(k)
    return span


def prune_chrome(node: Tag, stats: dict[int, Stats], h: Hints) -> None:
    """Inside the body: drop link lists and share/related boxes the container also holds."""
    drop: list[Tag] = []
    for el in node.find_all(True):
        st = stats.get(id(el))
        if st is None or not st.text:
            continue
        density = st.link / st.text
        cw = h.class_weight(_class_id(el))
        if cw <= -20 and (density > 0.3 or st.text - st.link < 50):
            drop.append(el)
        elif el.name in ("ul", "ol", "div", "table", "dl", "section") and st.links >= 4 and density > 0.7:
            drop.append(el)
    remove_all(drop)


def _title_like(el: Tag, h: Hints) -> bool:
    if el.name in ("h1", "h2", "h3"):
        return True
    cid = _class_id(el)
    return bool(cid) and bool(h.title.search(cid)) and not h.title_exclude.search(cid)


def _same_title(text: str, page_title: str | None, tag: str) -> bool:
    """The headline repeats the page <title> ("标题 - 站名"); without a <title>, only an <h1> counts."""
    if not page_title:
        return tag == "h1"
    a, b = "".join(text.split()), "".join(page_title.split())
    return a in b or fuzz.partial_ratio(a, b) >= 80


def find_headline(first: Tag, h: Hints, page_title: str | None) -> list[Tag]:
    """The page's headline, if one sits just above the body (only metadata lines between them)."""
    if first.find(["h1"]) is not None:
        return []
    gap = 0.0
    above = {id(a) for a in first.parents}
    for el in first.find_all_previous(True):
        if id(el) in above:
            continue  # containers of the body come before it in document order
        text = " ".join(el.get_text().split())
        w = weight(text)
        if h.title_min <= w <= h.title_max:
            links = sum(weight(a.get_text()) for a in el.find_all("a"))
            if links < 0.5 * w and _headline(el, text, h, page_title):
                owner = el if el.name in BLOCK_TAGS else block_owner(el)
                if owner is not None and " ".join(owner.get_text().split()) == text:
                    el = owner  # take the whole <td>/<div>, with its alignment and bold
                return _with_subtitles(el)
        if el.find(True) is None:  # count each piece of text once, at its innermost element
            gap += w
        if gap > h.title_gap:
            break
    return []


def _headline(el: Tag, text: str, h: Hints, page_title: str | None) -> bool:
    if _title_like(el, h):
        return _same_title(text, page_title, el.name)
    # old table layouts: a bold centred cell that repeats the page <title> and nothing else
    if page_title:
        a, b = "".join(text.split()), "".join(page_title.split())
        return len(a) >= 6 and a in b and len(a) >= 0.5 * len(b.split("_")[0].split("-")[0])
    return False


def _with_subtitles(head: Tag) -> list[Tag]:
    """The headline's neighbouring headings (引题/主标题/副标题 in one title box), in document order."""
    out = [head]
    if head.name not in HEADING_TAGS:
        return out
    for step in (head.find_previous_siblings, head.find_next_siblings):
        for sib in step(True):
            if sib.name in HEADING_TAGS and sib.get_text(strip=True):
                out.append(sib)
            elif sib.get_text(strip=True):
                break
    return sorted(out, key=_position)


def _position(el: Tag) -> int:
    return sum(1 for _ in el.find_all_previous(True))
