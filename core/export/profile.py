"""The style profile (resources/profiles/*.json): every layout number the DOCX export uses, plus derived geometry."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..resources import resource

DEFAULT_PROFILE = "gbt9704"
TWIPS_PER_PT = 20
PT_PER_MM = 72 / 25.4


def mm_to_twips(mm: float) -> int:
    return round(mm * PT_PER_MM * TWIPS_PER_PT)


def _strip_comments(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_comments(v) for k, v in value.items() if not k.startswith("_")}
    if isinstance(value, list):
        return [_strip_comments(v) for v in value]
    return value


@dataclass(frozen=True)
class Profile:
    """A loaded profile: the raw sections (comments dropped) and the page geometry in twips."""

    data: dict[str, Any] = field(hash=False, compare=False)
    source: str = ""

    def __getitem__(self, key: str) -> Any:
        return self.data[key]

    # --- page geometry (twips) -------------------------------------------------------
    @property
    def page(self) -> dict[str, Any]:
        return self.data["page"]

    @property
    def page_width(self) -> int:
        return mm_to_twips(self.page["width_mm"])

    @property
    def page_height(self) -> int:
        return mm_to_twips(self.page["height_mm"])

    def margin(self, side: str) -> int:
        return mm_to_twips(self.page[f"margin_{side}_mm"])

    @property
    def text_width(self) -> int:
        return self.page_width - self.margin("left") - self.margin("right")

    @property
    def text_height(self) -> int:
        return self.page_height - self.margin("top") - self.margin("bottom")

    @property
    def line_pitch(self) -> int:
        return int(self.page["line_pitch_twips"])

    @property
    def body_size_pt(self) -> float:
        return float(self.data["styles"]["body"]["size_pt"])

    @property
    def char_spacing_twips(self) -> int:
        """Run character spacing (w:spacing, 1/20 pt) that condenses body glyphs to the 28-per-line pitch."""
        return round(self.page["char_spacing_pt"] * TWIPS_PER_PT)

    @property
    def char_advance_pt(self) -> float:
        """What one body character really takes on the line: glyph plus condensed spacing."""
        return self.body_size_pt + self.char_spacing_twips / TWIPS_PER_PT

    @property
    def grid_char_space(self) -> int:
        """w:docGrid/@w:charSpace: Word's character pitch is the docDefaults size plus charSpace/4096 pt.

        Rounded down so that chars_per_line pitches never exceed the text width (else Word fits one less).
        """
        pitch = self.text_width / TWIPS_PER_PT / self.page["chars_per_line"]
        return math.floor((pitch - self.body_size_pt) * 4096)

    def chars(self, n: float) -> int:
        """n body characters as twips (indents written for LibreOffice, which ignores the *Chars forms)."""
        return round(n * self.body_size_pt * TWIPS_PER_PT)

    def style(self, key: str) -> dict[str, Any]:
        """A style entry with the body style's values filled in for what it leaves out."""
        styles = self.data["styles"]
        merged = dict(styles["body"])
        merged.update(styles[key])
        return merged

    def font(self, role: str) -> str:
        return self.data["fonts"][role]


def _load_path(path: Path) -> Profile:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise ValueError(f"样式配置文件无法读取 / style profile unreadable: {path}: {e}") from e
    return Profile(_strip_comments(raw), str(path))


@lru_cache(maxsize=8)
def load_profile(name_or_path: str | Path = DEFAULT_PROFILE) -> Profile:
    """Load a profile by name (resources/profiles/NAME.json) or from a path."""
    p = Path(name_or_path)
    if p.suffix != ".json":
        p = resource("profiles", f"{name_or_path}.json")
        if not p.exists():  # a document type: "通知", "请示" … (the profile's doc_type)
            p = next((q for q, t in _doc_types() if t == str(name_or_path)), p)
    own = _load_path(p)
    base_path = resource("profiles", f"{DEFAULT_PROFILE}.json")
    if p.resolve() == Path(base_path).resolve():
        return own
    check_types(_load_path(base_path).data, own.data)
    # a clerk's profile names only what it changes ({"closing": {"sealed": true}}); the rest is GB/T 9704
    return Profile(_layered(_load_path(base_path).data, own.data), own.source)


class ProfileTypeError(ValueError):
    def __init__(self, zh: str, en: str):
        super().__init__(f"{zh} / {en}")
        self.zh, self.en = zh, en


_TYPE_NAMES = {dict: ("对象 {…}", "an object {…}"), list: ("列表 […]", "a list […]"), str: ("文字（带引号）", "text (quoted)"),
               bool: ("true 或 false", "true or false"), float: ("数字", "a number")}


def _kind(v: Any) -> type:
    return float if isinstance(v, (int, float)) and not isinstance(v, bool) else type(v)


def check_types(base: Any, top: Any, where: str = "") -> None:
    """A clerk's profile gives each key the type GB/T 9704's profile gives it (a number where a size is, an object
    where a section is): else a ValueError naming the key and the type it needs, in both languages."""
    if _kind(top) is not _kind(base) and base is not None and _kind(base) in _TYPE_NAMES:
        zh, en = _TYPE_NAMES[_kind(base)]
        key = where or "（整个文件）"
        got = json.dumps(top, ensure_ascii=False)[:40]
        raise ProfileTypeError(f"“{key}”应当是{zh}，现在是 {got}", f"'{where or '(the whole file)'}' must be {en}, not {got}")
    if isinstance(top, dict):
        for k, v in top.items():
            if not k.startswith("_") and k in base:
                check_types(base[k], v, f"{where}.{k}" if where else k)


def _doc_types() -> list[tuple[Path, str]]:
    out = []
    for q in sorted(Path(resource("profiles")).glob("*.json")):
        try:
            t = json.loads(q.read_text(encoding="utf-8")).get("doc_type")
        except (OSError, ValueError):
            continue
        if t:
            out.append((q, t))
    return out


def _layered(base: dict[str, Any], top: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for k, v in top.items():
        out[k] = _layered(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def with_options(profile: Profile, **sections: dict[str, Any]) -> Profile:
    """A copy of `profile` with some section keys replaced, e.g. with_options(p, closing={"sealed": True})."""
    data = json.loads(json.dumps(profile.data))
    for sec, values in sections.items():
        if isinstance(data.get(sec), dict) and isinstance(values, dict):
            data[sec].update(values)
        else:
            data[sec] = values
    return Profile(data, profile.source)
