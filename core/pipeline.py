"""The cleaning pipeline as a list of stages: read, strip noise, reflow, normalize, structure, number, warn, settle."""
from __future__ import annotations

from collections.abc import Callable

from .model import Document
from .progress import NullProgress, Progress, checkpoint
from .stages import (
    cut_end,
    fold,
    noise_prepass,
    normalize,
    number,
    official_parts,
    page_furniture,
    preview_chunks,
    reflow,
    settle,
    simplify,
    split_collapsed,
    strip_noise,
    structure,
    warn,
)

Stage = Callable[[Document], Document]

STAGES: list[tuple[str, Stage]] = [
    ("page_furniture", page_furniture.run),  # a PDF's page numbers, running heads, watermarks (the reader marks them)
    ("fold", fold.run),
    ("simplify", simplify.run),  # 繁體 -> 简体, only when the clerk asks (Overrides.simplify)
    ("preview_chunks", preview_chunks.run),  # a doc-share page's chunk numbers and the snippet above the text
    ("inline_notes", noise_prepass.inline_notes),  # a site's note planted inside a sentence, before any split
    ("split_collapsed", split_collapsed.run),  # lines a page's text tool ran together become lines again
    ("strip_noise", strip_noise.run),
    ("reflow", reflow.run),
    ("normalize", normalize.run),
    ("structure", structure.run),
    ("number", number.run),
    ("official_parts", official_parts.run),  # 版头, 附件说明, 附注, 版记 lines of an official document (GB/T 9704)
    ("cut_end", cut_end.run),  # a text that stops mid-sentence at the end of the input ends with a gap
    ("warn", warn.run),
    ("settle", settle.run),  # plain text: clean the clean text again until it stops changing
]


def run_stages(doc: Document, progress: Progress | None = None) -> Document:
    progress = progress or NullProgress()
    for name, stage in STAGES:
        checkpoint(progress, name)
        doc = stage(doc)
    return doc
