"""One typed registry of the app's settings over QSettings (INI in the user's config folder), with defaults.

Each setting is a descriptor on `Settings`: `settings.out_dir` reads it with its type, `settings.out_dir = ...`
writes it. INI values come back as strings, so every read names its type; lists are stored as JSON text.
Tests redirect the INI folder with `QSettings.setPath` (see tests/gui/conftest.py).
"""
from __future__ import annotations

import json
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

ORG = "QingGao"
APP = "QingGao"
T = TypeVar("T")

COLLISION_POLICIES = ("ask", "suffix", "overwrite")  # never an input, whichever is chosen
EXPORT_FORMATS = ("docx", "txt", "json")
DEFAULT_PROFILE = "gbt9704"
DEFAULT_PATTERN = "{name}"


class Option(Generic[T]):
    """A setting: key in the INI file, default value, and the type it is read back as."""

    def __init__(self, key: str, default: T, doc: str = ""):
        self.key = key
        self.default = default
        self.kind: type = type(default)
        self.doc = doc

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name
        owner.registry[name] = self  # type: ignore[attr-defined]

    def __get__(self, obj: Settings | None, owner: type) -> T:
        if obj is None:
            return self  # type: ignore[return-value]
        return obj.read(self)

    def __set__(self, obj: Settings, value: T) -> None:
        obj.write(self, value)


class Settings:
    registry: dict[str, Option] = {}

    out_dir = Option("output/folder", "", "empty: a 清稿输出 folder beside each input")
    name_pattern = Option("output/name_pattern", DEFAULT_PATTERN, "{name} {title} {date}")
    collision = Option("output/collision", "ask",
                       "ask | suffix | overwrite: what to do when an output of that name exists (never an input)")
    export_format = Option("output/format", "docx")
    auto_export = Option("output/auto_export", False, "export each file as soon as it is cleaned")
    open_folder = Option("output/open_folder_when_done", False)
    split_docbreaks = Option("output/split_docbreaks", False,
                             "write each appended document (docbreak) to its own file: name.docx, name-2.docx…")
    profile = Option("style/profile", DEFAULT_PROFILE)
    # the clerk's own office (公文信息 panel, desktop/info_panel.py): filled into every document that lacks them
    office_issuer_mark = Option("office/issuer_mark", "", "发文机关标志, e.g. ××市教育局文件")
    office_printer = Option("office/printer", "", "印发机关")
    office_cc = Option("office/cc", "", "usual 抄送机关")
    disabled_rules = Option("rules/disabled", [], "ids of cleanup rules switched off")
    simplify = Option("rules/simplify", False, "convert Traditional characters to Simplified (Overrides.simplify)")
    language = Option("ui/language", "auto", "auto | zh | en")
    geometry = Option("ui/geometry", QByteArray(), "no longer used: pixels do not survive a change of scaling")
    window = Option("ui/window", "", "window place and size as shares of the screen (desktop.window_fit)")
    state = Option("ui/state", QByteArray())
    splitter = Option("ui/splitter", QByteArray())
    last_dir = Option("ui/last_dir", "")

    def __init__(self, qsettings: QSettings | None = None):
        self.qs = qsettings or QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG, APP)

    def read(self, opt: Option) -> Any:
        if not self.qs.contains(opt.key):
            return _copy(opt.default)
        if opt.kind is list:
            try:
                v = json.loads(str(self.qs.value(opt.key, "[]", type=str)))
            except ValueError:
                return _copy(opt.default)
            return [str(x) for x in v] if isinstance(v, list) else _copy(opt.default)
        if opt.kind is QByteArray:
            v = self.qs.value(opt.key, QByteArray())
            return v if isinstance(v, QByteArray) else QByteArray()
        try:
            return self.qs.value(opt.key, opt.default, type=opt.kind)
        except (TypeError, ValueError):
            return _copy(opt.default)

    def write(self, opt: Option, value: Any) -> None:
        if opt.kind is list:
            value = json.dumps(list(value), ensure_ascii=False)
        self.qs.setValue(opt.key, value)

    def reset(self, name: str) -> None:
        self.qs.remove(self.registry[name].key)

    def sync(self) -> None:
        self.qs.sync()

    def file(self) -> str:
        return self.qs.fileName()


def _copy(v: Any) -> Any:
    return list(v) if isinstance(v, list) else v
