"""The JSON file of a cleaned document, written item by item.

`json.dumps(doc.to_json(), ensure_ascii=False, indent=1)` builds every block, removal and change as a dict first,
then the whole text from one small string per token: for a big input (450,000 short lines: 470,000 recorded
joins, 70 MB of JSON) that took 1.1 GB. Here each item of the long lists (Document.json_items gives them as
iterators) is made, encoded and indented into place on its own: the same bytes, in about the memory of the file.
"""
from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..model import Document


def document_json(doc: Document) -> bytes:
    """What `--to json` writes: `(json.dumps(doc.to_json(), ensure_ascii=False, indent=1) + "\\n")` in UTF-8."""
    return json_bytes(doc.json_items())


def _dumps(obj: Any, depth: int) -> bytes:
    # (strings escape their line breaks: every "\n" of the encoding is indentation)
    return json.dumps(obj, ensure_ascii=False, indent=1).replace("\n", "\n" + " " * depth).encode("utf-8")


def json_bytes(data: dict[str, Any]) -> bytes:
    """`(json.dumps(data, ensure_ascii=False, indent=1) + "\\n").encode("utf-8")`, byte for byte; a value may
    also be an iterator, written as the list it would give."""
    if not data:
        return b"{}\n"
    out = io.BytesIO()
    out.write(b"{")
    for n, (key, value) in enumerate(data.items()):
        out.write(b"," if n else b"")
        out.write(b"\n " + json.dumps(key, ensure_ascii=False).encode("utf-8") + b": ")
        if isinstance(value, (list, Iterator)):
            empty = True
            for item in value:
                out.write((b"[\n  " if empty else b",\n  ") + _dumps(item, 2))
                empty = False
            out.write(b"[]" if empty else b"\n ]")
        else:
            out.write(_dumps(value, 1))
    out.write(b"\n}\n")
    return out.getvalue()
