"""Collect the UI strings into resources/translations/qinggao_en.ts and compile it to .qm with pyside6-lrelease.

    python -m desktop.tools.update_ts          (keeps existing translations; new strings come out "unfinished")

The source strings are Chinese. A string is translatable when it is a literal argument of `tr(...)` or `N_(...)`
in a module that defines `def tr(text): return QCoreApplication.translate("Context", text)`; the module's
context is that "Context". (pyside6-lupdate cannot see through these module-level helpers.)
"""
from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from core.resources import resource

DESKTOP = Path(__file__).resolve().parent.parent
TS = resource("translations", "qinggao_en.ts")
QM = resource("translations", "qinggao_en.qm")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    file: str
    line: int


def module_context(tree: ast.Module) -> str | None:
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "tr":
            for sub in ast.walk(node):
                if isinstance(sub, ast.Call) and getattr(sub.func, "attr", "") == "translate" and sub.args \
                        and isinstance(sub.args[0], ast.Constant):
                    return str(sub.args[0].value)
    return None


def collect(root: Path = DESKTOP) -> list[Message]:
    out: list[Message] = []
    seen: set[tuple[str, str]] = set()
    for f in sorted(root.rglob("*.py")):
        tree = ast.parse(f.read_text(encoding="utf-8"))
        ctx = module_context(tree)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("tr", "N_")):
                continue
            if not node.args or not isinstance(node.args[0], ast.Constant) or not isinstance(node.args[0].value, str):
                continue
            if ctx is None:
                raise SystemExit(f"{f}: tr()/N_() used but the module defines no tr() with a context")
            key = (ctx, node.args[0].value)
            if key not in seen:
                seen.add(key)
                out.append(Message(ctx, node.args[0].value, f.relative_to(root.parent).as_posix(), node.lineno))
    return sorted(out, key=lambda m: (m.context, m.file, m.line))


def read_ts(path: Path = TS) -> dict[tuple[str, str], tuple[str, bool]]:
    """(context, source) -> (translation, finished)."""
    if not path.exists():
        return {}
    out = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            text = (tr.text or "") if tr is not None else ""
            finished = tr is not None and tr.get("type") not in ("unfinished", "obsolete", "vanished")
            out[(name, msg.findtext("source") or "")] = (text, finished and bool(text))
    return out


def write_ts(messages: list[Message], old: dict[tuple[str, str], tuple[str, bool]], path: Path = TS) -> int:
    root = ET.Element("TS", version="2.1", language="en_US", sourcelanguage="zh_CN")
    unfinished = 0
    by_ctx: dict[str, list[Message]] = {}
    for m in messages:
        by_ctx.setdefault(m.context, []).append(m)
    for name in sorted(by_ctx):
        c = ET.SubElement(root, "context")
        ET.SubElement(c, "name").text = name
        for m in by_ctx[name]:
            msg = ET.SubElement(c, "message")
            ET.SubElement(msg, "location", filename=f"../../{m.file}", line=str(m.line))
            ET.SubElement(msg, "source").text = m.source
            text, finished = old.get((m.context, m.source), ("", False))
            t = ET.SubElement(msg, "translation")
            t.text = text
            if not finished:
                t.set("type", "unfinished")
                unfinished += 1
    ET.indent(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return unfinished


def lrelease() -> Path:
    exe = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent / "pyside6-lrelease")
    subprocess.run([exe, "-silent", str(TS), "-qm", str(QM)], check=True)
    return QM


def main() -> int:
    msgs = collect()
    left = write_ts(msgs, read_ts())
    lrelease()
    print(f"{len(msgs)} strings, {left} untranslated -> {TS.name}, {QM.name}")
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main())
