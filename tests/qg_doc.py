"""What the phenomena tests compare: a cleaned document as (kind, text) per block."""
from __future__ import annotations

from core.model import Document


def shape(doc: Document) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in doc.blocks]
