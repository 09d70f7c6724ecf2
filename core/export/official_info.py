"""The official parts a DOCX export draws: the document's own (Document.official(): the clerk's values over the
draft's) with the profile's office values (`office`: 发文机关标志, 印发机关, usual 抄送) for what neither gives."""
from __future__ import annotations

import copy
from typing import Any

from ..model import Block, Document
from .profile import Profile

# blocks whose part the 版头 or the 版记 draws: not repeated in the body text
MOVED = ("issuer_mark", "doc_number", "signer", "cc", "distribute", "imprint", "copies")


def official_info(doc: Document, profile: Profile) -> dict[str, Any]:
    info = doc.official()
    office = profile.data.get("office", {})
    for k, v in office.items():
        if v and not info.get(k):
            info[k] = v
    return info


def body_blocks(blocks: list[Block], addressee: str) -> list[Block]:
    """The first part's blocks with the clerk's 主送机关: it replaces the salutation, or follows the title group
    (7.3.3: under the title, flush left, a full-width colon after the last name)."""
    if not addressee:
        return blocks
    text = addressee.rstrip("：:") + "："
    out = [copy.copy(b) for b in blocks]
    for b in out:
        if b.kind == "salutation":
            b.text = text
            return out
    at = next((i for i, b in enumerate(out) if b.kind not in ("title", "subtitle", "byline")), len(out))
    out.insert(at, Block("salutation", text))
    return out
