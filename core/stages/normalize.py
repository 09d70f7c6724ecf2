"""Stage: normalize (first version; being built)."""
from __future__ import annotations

from ..model import Document


def run(doc: Document) -> Document:
    return doc
