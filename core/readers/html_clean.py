"""Take out what a reader of the page never sees as text: scripts, forms, menus, hidden elements."""
from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from .html_rules import Hints, weight


def _text_weight(el: Tag) -> float:
    return weight(el.get_text())


def _link_weight(el: Tag) -> float:
    return sum(weight(a.get_text()) for a in el.find_all("a"))


def is_hidden(el: Tag, h: Hints) -> bool:
    attrs = el.attrs or {}
    if "hidden" in attrs:
        return True
    if str(attrs.get("aria-hidden", "")).lower() == "true":
        return True
    style = attrs.get("style")
    if style and h.hidden_style.search(str(style)):
        return True
    classes = attrs.get("class") or []
    if isinstance(classes, str):
        classes = classes.split()
    return any(c.lower() in h.hidden_classes for c in classes)


def _is_prose(el: Tag, h: Hints) -> bool:
    """A long run of sentences with few links: text the page folded away, not a menu or a popup."""
    total = _text_weight(el)
    if total < h.keep_hidden_prose:
        return False
    return _link_weight(el) < 0.3 * total


def remove_all(elements: list[Tag]) -> None:
    """Decompose elements (in document order), skipping those already inside a removed one.
    (bs4's `decomposed` property goes through Tag.__getattr__ -> find(): far too slow on big pages.)"""
    gone: set[int] = set()
    for el in elements:
        if any(id(p) in gone for p in el.parents):
            continue
        gone.add(id(el))
        el.decompose()


def strip_page(soup: BeautifulSoup, h: Hints) -> None:
    """Remove, in place, every element that is never body text."""
    remove_all(soup.find_all(list(h.always_drop)))
    # hidden, unless it is text folded behind "展开全文"
    remove_all([el for el in soup.find_all(is_hidden_tag(h)) if not _is_prose(el, h)])
    total = _text_weight(soup)
    # some sites wrap the whole page in <form> or put the article inside <header>: keep those
    remove_all([el for el in soup.find_all(list(h.chrome)) if not (total and _text_weight(el) > 0.5 * total)])


def is_hidden_tag(h: Hints):  # noqa: ANN201 - a bs4 filter callable
    def match(el: Tag) -> bool:
        return is_hidden(el, h)
    return match
