"""Saved HTML pages. (Minimal first version: a helper is building the full main-text extractor.)"""
from __future__ import annotations

from bs4 import BeautifulSoup

from ..model import Document
from .lines import split_lines


def read_html(data: bytes, name: str) -> Document:
    soup = BeautifulSoup(data, "lxml")
    for tag in soup(["script", "style", "noscript", "nav", "header", "footer", "aside"]):
        tag.decompose()
    title = soup.title.get_text(strip=True) if soup.title else None
    text = soup.get_text("\n")
    doc = Document(source=name, format="html", encoding=soup.original_encoding, title_hint=title)
    doc.lines = split_lines(text)
    return doc
