"""Which official fonts this PC lacks and which fallback will show instead.

core.fonts.check_fonts (written by the export engineer) is the authority; this module imports it lazily and,
when it is missing or answers in a shape we do not know, checks the profile's fonts against Qt's font list.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase

from .i18n import N_

log = logging.getLogger("qinggao.fonts")
ROLES = {"title": N_("标题"), "body": N_("正文"), "heading1": N_("一级标题"), "kai": N_("二级标题、署名"),
         "page_number": N_("页码"), "latin": N_("数字和西文")}


def tr(text: str) -> str:
    return QCoreApplication.translate("Options", text)


def role_label(role: str) -> str:
    return tr(ROLES[role]) if role in ROLES else role


@dataclass
class FontRow:
    role: str
    official: str
    installed: bool
    fallback: str | None  # what shows instead when not installed (None: the system's default font)


def _roles(profile: str | None) -> dict[str, str]:
    """Official font name -> the first role that uses it in the profile (title, body, ...)."""
    from .page_view import PageStyle

    out: dict[str, str] = {}
    for role, name in PageStyle(profile).fonts.items():
        if isinstance(name, str):
            out.setdefault(name, role)
    return out


def _from_core(profile: str | None) -> list[FontRow] | None:
    try:
        from core.fonts import check_fonts
    except ImportError:  # the export helper's module is not there (older core): Qt's check below
        return None
    try:
        report: Any = check_fonts(profile) if profile else check_fonts()
        roles = _roles(profile)
        rows = []
        for st in report:  # FontStatus(official, installed, fallback, fallback_installed)
            fallback = st.fallback if getattr(st, "fallback_installed", True) else None
            rows.append(FontRow(roles.get(st.official, ""), st.official, bool(st.installed), fallback))
        return rows or None
    except Exception as e:  # noqa: BLE001 - fall back to Qt's own check
        log.info("core.fonts.check_fonts failed (%s); using Qt's font list", e)
        return None


def _from_qt(profile: str | None) -> list[FontRow]:
    from .page_view import PageStyle

    style = PageStyle(profile)
    fonts = style.fonts
    english = fonts.get("english_names", {})
    families = set(QFontDatabase.families())
    rows = []
    for role in ROLES:
        official = fonts.get(role)
        if not official:
            continue
        names = [official, *english.get(official, [])]
        installed = any(n in families for n in names)
        fallback = None if installed else style.shown_font(role)
        rows.append(FontRow(role, official, installed, fallback))
    return rows


def font_report(profile: str | None = None) -> list[FontRow]:
    return _from_core(profile) or _from_qt(profile)
