"""Load rule data from resources/rules (TOML with ids and comments) once per process."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import tomllib

from .resources import resource


@dataclass(frozen=True)
class NoiseRule:
    id: str
    kind: str
    regex: re.Pattern[str]
    max_len: int | None
    comment: str


@cache
def load_toml(name: str) -> dict[str, Any]:
    with open(resource("rules", name), "rb") as f:
        return tomllib.load(f)


@cache
def noise_rules() -> tuple[NoiseRule, ...]:
    rules = []
    for r in load_toml("noise.toml")["rule"]:
        rules.append(NoiseRule(r["id"], r["kind"], re.compile(r["pattern"]), r.get("max_len"), r.get("comment", "")))
    return tuple(rules)


@cache
def rule_catalog() -> tuple[tuple[str, str], ...]:
    """(id, comment) of every rule and built-in signal a clerk can switch off (Overrides.disabled_rules)."""
    data = load_toml("noise.toml")
    seen: dict[str, str] = {}
    for r in [*data["rule"], *data.get("signal", [])]:
        seen.setdefault(r["id"], r.get("comment", ""))
    return tuple(seen.items())


@cache
def word_list(section: str, key: str) -> tuple[str, ...]:
    """A list of words from resources/rules/structure.toml, longest first (for prefix/suffix tests)."""
    return tuple(sorted(load_toml("structure.toml")[section][key], key=len, reverse=True))


@cache
def alternation(section: str, key: str) -> str:
    """The words of a list as a regex alternation, longest first: "(?:人民政府|委员会|…|局)"."""
    return "(?:" + "|".join(re.escape(w) for w in word_list(section, key)) + ")"
