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
ROLES = {"title": N_("标题"), "body": N_("正文"), "heading1": N_("一级标题"), "kai": N_("二级标题、署名")}


def tr(text: str) -> str:
    return QCoreApplication.translate("Options", text)


def role_label(role: str) -> str:
    return tr(ROLES[role]) if role in ROLES else role


@dataclass
class FontRow:
    role: str
    official: str
    installed: bool
    fallback: str | None  # what shows instead when not installed


def _from_core(profile: str | None) -> list[FontRow] | None:
    try:
        from core.fonts import check_fonts  # type: ignore[import-not-found]
    except ImportError:
        return None
    try:
        try:
            report: Any = check_fonts(profile) if profile else check_fonts()
        except TypeError:
            report = check_fonts()
        items = report.values() if isinstance(report, dict) else report
        rows = []
        for it in items:
            get = it.get if isinstance(it, dict) else lambda k, d=None, it=it: getattr(it, k, d)
            official = get("official") or get("name") or get("font")
            if not official:
                return None
            installed = bool(get("installed", get("present", False)))
            fallback = get("fallback") or get("used") or get("substitute")
            rows.append(FontRow(str(get("role", "") or ""), str(official), installed,
                                str(fallback) if fallback else None))
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
