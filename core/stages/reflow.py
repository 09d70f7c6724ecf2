"""Stage: reflow (first version; being built)."""
from __future__ import annotations

from ..model import Block, Document


def run(doc: Document) -> Document:
    doc.blocks = [Block("paragraph", ln.text, lines=[ln.lineno]) for ln in doc.lines]
    return doc
