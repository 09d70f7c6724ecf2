"""Page furniture of a PDF, told by where it stands: page numbers at the head or foot of a page, text that comes
back at the same place on most pages (a running head or footer), watermarks (turned, light, or repeated).
Each finding is a rule id from resources/rules/pdf.toml; the page_furniture stage removes the lines and records
them, so the clerk can restore one."""
from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from ..rules import load_toml
from .pdf_page import PageScan, VLine, settings


@cache
def _page_numbers() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(r["pattern"], re.IGNORECASE) for r in load_toml("pdf.toml")["page_number"])


def is_page_number(text: str) -> bool:
    t = text.strip()
    return any(p.match(t) for p in _page_numbers())


def _key(text: str) -> str:
    """Text with its numbers blanked: "第 3 页" and "第 4 页" are the same footer."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def find_furniture(pages: list[PageScan], body_size: float) -> dict[int, str]:
    """id(line) -> rule id for every line that is page furniture."""
    cfg = settings()["geometry"]
    found: dict[int, str] = {}
    # watermarks: turned text; light text that repeats or is set large
    light_keys: dict[str, set[int]] = defaultdict(set)
    for p in pages:
        for ln in p.lines:
            if ln.turned:
                found[id(ln)] = "pdf-watermark"
            elif ln.light:
                light_keys[_key(ln.text)].add(ln.page)
    for p in pages:
        for ln in p.lines:
            if id(ln) not in found and ln.light and (
                    len(light_keys[_key(ln.text)]) >= max(2, cfg["repeat_share"] * len(pages))
                    or ln.size >= 1.5 * body_size):
                found[id(ln)] = "pdf-watermark"
    # page numbers and running heads: only among the first and last lines of a page, in its head or foot zone
    edge: list[tuple[VLine, str]] = []
    for p in pages:
        live = [ln for ln in p.lines if id(ln) not in found]
        for ln in live[:2] + live[-3:]:
            if ln.bottom <= cfg["head_zone"] * p.height:
                edge.append((ln, "head"))
            elif ln.top >= (1 - cfg["foot_zone"]) * p.height:
                edge.append((ln, "foot"))
    seen: dict[tuple[str, str], set[int]] = defaultdict(set)
    where: dict[tuple[str, str], list[float]] = defaultdict(list)
    for ln, zone in edge:
        if is_page_number(ln.text):
            found[id(ln)] = "pdf-page-number"
            continue
        k = (_key(ln.text), zone)
        seen[k].add(ln.page)
        where[k].append(ln.top)
    need = max(2, cfg["repeat_share"] * len(pages))
    for ln, zone in edge:
        k = (_key(ln.text), zone)
        if id(ln) in found or k not in seen:
            continue
        tops = where[k]
        if len(seen[k]) >= need and max(tops) - min(tops) <= cfg["repeat_tolerance_pt"] * 4:
            found[id(ln)] = "pdf-running-head"
    if len(pages) == 1:
        _lone_head(pages[0], found, body_size)
    return found


def _lone_head(page: PageScan, found: dict[int, str], body_size: float) -> None:
    """A one-page PDF cannot show repetition: a small line in the head zone, set well apart from the text under
    it (the standard's title over page 173), is its running head."""
    cfg = settings()["geometry"]
    live = [ln for ln in page.lines if id(ln) not in found]
    if len(live) < 3:
        return
    first, nxt = live[0], live[1]
    if (first.bottom <= cfg["head_zone"] * page.height and first.size < 0.95 * body_size
            and nxt.top - first.bottom >= cfg["lone_head_gap_lines"] * body_size and len(first.text) <= 40):
        found[id(first)] = "pdf-running-head"
