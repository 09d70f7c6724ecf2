"""UI language: the source strings are Chinese; English comes from resources/translations/qinggao_en.qm.

"auto" picks Chinese when the system locale is Chinese (any region), English otherwise.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from core.resources import resource

log = logging.getLogger("qinggao.i18n")
LANGUAGES = ("auto", "zh", "en")
_installed: list[QTranslator] = []
_current = "zh"


def N_(text: str) -> str:  # noqa: N802 - the gettext name everyone knows
    """Mark a string for translation where it is defined; the module's tr() translates it where it is shown."""
    return text


def current() -> str:
    """The language the UI shows: "zh" or "en"."""
    return _current


def pick_language(setting: str, locale: QLocale | None = None) -> str:
    if setting in ("zh", "en"):
        return setting
    locale = locale or QLocale.system()
    return "zh" if locale.language() == QLocale.Language.Chinese else "en"


def qm_path(lang: str):
    return resource("translations", f"qinggao_{lang}.qm")


def install(app: QCoreApplication, setting: str = "auto", locale: QLocale | None = None) -> str:
    """Install the translators for the chosen language; returns "zh" or "en"."""
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    global _current
    lang = pick_language(setting, locale)
    _current = lang
    if lang == "en":
        t = QTranslator(app)
        if t.load(str(qm_path("en"))):
            app.installTranslator(t)
            _installed.append(t)
        else:
            log.warning("English translation not found at %s", qm_path("en"))
    else:
        # Qt's own dialogs (file chooser, message-box buttons) in Chinese too
        qt = QTranslator(app)
        if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    return lang
