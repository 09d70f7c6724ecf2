"""What a clerk reads for a cleanup rule: its name, one-line description and group in the UI language
(resources/rules/names.toml, keyed by the rule ids of noise.toml)."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache

from core.rules import load_toml

from .i18n import current

log = logging.getLogger("qinggao.rules")

UNKNOWN = {"name_zh": "网页杂项", "desc_zh": "网站添加的内容。", "name_en": "Web page clutter",
           "desc_en": "Something the site added.", "group": "format"}


@dataclass(frozen=True)
class RuleName:
    id: str
    name: str
    desc: str
    group: str  # group id
    group_name: str


@cache
def _data() -> tuple[dict, dict]:
    try:
        d = load_toml("names.toml")
        return d.get("group", {}), d.get("rule", {})
    except (OSError, ValueError) as e:  # a broken data file: ids get the generic name rather than a crash
        log.warning("resources/rules/names.toml unreadable: %s", e)
        return {}, {}


def groups() -> list[tuple[str, str]]:
    """(group id, name in the UI language), in the order of names.toml."""
    lang = current()
    return [(gid, g.get(f"name_{lang}") or g.get("name_zh", gid)) for gid, g in _data()[0].items()]


def rule_name(rule_id: str, lang: str | None = None) -> RuleName:
    lang = lang or current()
    gs, rules = _data()
    r = rules.get(rule_id, UNKNOWN)
    g = r.get("group", "format")
    return RuleName(rule_id, r.get(f"name_{lang}") or r["name_zh"], r.get(f"desc_{lang}") or r["desc_zh"], g,
                    gs.get(g, {}).get(f"name_{lang}") or ("其他" if lang == "zh" else "Other"))


def known(rule_id: str) -> bool:
    return rule_id in _data()[1]
