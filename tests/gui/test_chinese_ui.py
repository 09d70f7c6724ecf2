"""Chinese first: the Chinese UI shows no English words (file names and formats aside); every rule has a name."""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QWidget,
)

from core.errors import QingGaoError
from core.rules import rule_catalog
from desktop import help as help_menu
from desktop import i18n
from desktop.jobs import JobsModel, message_in_ui_language
from desktop.options_dialog import OptionsDialog
from desktop.rule_names import known, rule_name

# file formats (in any case: "通知.docx"), encodings, key names, placeholders the clerk fills (XX, 20xx), and
# names shown in their own language (the language list's "English"; WPS, Word, Qt)
FORMATS = {"DOCX", "DOC", "TXT", "TEXT", "PDF", "HTML", "HTM", "XHTML", "MHT", "MHTML", "WPS", "JSON", "PNG",
           "UTF", "GBK", "GB", "BIG", "XX", "XXX"}
ALLOWED = {"Word", "Ctrl", "Shift", "Alt", "Del", "Delete", "Esc", "Return", "Enter", "Ins", "Tab", "Space", "Home",
           "End", "PgUp", "PgDown", "Backspace", "Qt", "English"}
WORD = re.compile(r"[A-Za-z]{2,}")
# a file's path or suffix in a message: file names are not UI words
PATH = re.compile(r"(?:[A-Za-z]:\\|/)[^\s：:]+|\.[A-Za-z0-9]{1,5}\b")


def english_words(text: str) -> set[str]:
    return {w for w in WORD.findall(PATH.sub("", text or "")) if w not in ALLOWED and w.upper() not in FORMATS}


def _is_path(text: str) -> bool:
    return text.startswith(("/", "\\\\")) or bool(re.match(r"[A-Za-z]:[\\/]", text)) or Path(text).exists()


def texts_of(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text a person can see or hover in `root` (documents in text panes excluded)."""
    out: list[tuple[str, str]] = []
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        name = f"{type(w).__name__}:{w.objectName()}"
        out.append((name + ".toolTip", w.toolTip()))
        if isinstance(w, QLabel) and not _is_path(w.text()):
            out.append((name, getattr(w, "full_text", w.text)()))
        if isinstance(w, QAbstractButton):
            out.append((name, w.text()))
        if isinstance(w, QLineEdit):
            out.append((name + ".placeholder", w.placeholderText()))
        if isinstance(w, QComboBox):
            out += [(name + f"[{i}]", w.itemText(i)) for i in range(w.count())]
        if isinstance(w, QTabWidget):
            out += [(name + f".tab{i}", w.tabText(i)) for i in range(w.count())]
        if isinstance(w, QTreeWidget):
            out += [(name + ".header", w.headerItem().text(c)) for c in range(w.columnCount())]
            stack = [w.topLevelItem(i) for i in range(w.topLevelItemCount())]
            while stack:
                it = stack.pop()
                out += [(name + ".item", it.text(c)) for c in range(w.columnCount())]
                out += [(name + ".itemtip", it.toolTip(c)) for c in range(w.columnCount())]
                stack += [it.child(k) for k in range(it.childCount())]
        if isinstance(w, QTableWidget) and w.objectName() != "fontTable":  # font names are names, like files
            out += [(name + ".header", w.horizontalHeaderItem(c).text()) for c in range(w.columnCount())
                    if w.horizontalHeaderItem(c)]
            out += [(name + ".cell", w.item(r, c).text()) for r in range(w.rowCount())
                    for c in range(w.columnCount()) if w.item(r, c)]
        for a in w.actions():
            out += [(name + ".action", a.text()), (name + ".actiontip", a.toolTip())]
            if a.menu():
                out += [(name + ".menu", m.text()) for m in a.menu().actions()]
    out.append(("windowTitle", root.windowTitle()))
    return out


def offenders(pairs: list[tuple[str, str]]) -> list[tuple[str, str, set[str]]]:
    return [(where, text, english_words(text)) for where, text in pairs if english_words(text)]


def test_the_chinese_ui_shows_no_english_words(window, drafts, drop, wait_idle, qtbot, qapp):
    assert i18n.install(qapp, "zh") == "zh"  # as the app starts in a Chinese locale (Qt's own buttons too)
    drop(window, [drafts / "000_b4075a6b7c439fa0.txt", drafts / "gne__people.html"])
    (drafts / "坏.docx").write_bytes(b"PK\x03\x04 broken")
    (drafts / "扫描件.xyz").write_bytes(b"\x00\x01")
    drop(window, [drafts / "坏.docx", drafts / "扫描件.xyz"])
    wait_idle(window)
    window.select_job(window.model.jobs[0])
    window.review.actions_["placeholders"].trigger()
    window.review.actions_["replace"].trigger()
    pairs = texts_of(window)
    pairs += [(f"menu:{a.text()}", a.text()) for a in window.help_menu.actions()]
    m = window.model
    for row in range(m.rowCount()):
        pairs.append(("header", m.headerData(row % m.columnCount(), Qt.Orientation.Horizontal)))
        for col in (JobsModel.COL_STATUS, JobsModel.COL_WARN):
            idx = m.index(row, col)
            pairs += [("cell", idx.data() or ""), ("celltip", idx.data(Qt.ItemDataRole.ToolTipRole) or "")]
    # a failed file: its note in the review is the Chinese half only
    failed = next(j for j in m.jobs if j.error and j.path.suffix == ".docx")
    window.select_job(failed)
    pairs += [("review note", window.review.page.toPlainText())]

    dlg = OptionsDialog(window.settings, window)
    qtbot.addWidget(dlg)
    pairs += texts_of(dlg)
    for show in (help_menu.show_shortcuts, help_menu.show_places, help_menu.show_about, help_menu.show_guide):
        d = show(window)
        qtbot.addWidget(d)
        pairs += texts_of(d)
    bad = offenders([(w, t) for w, t in pairs if t])
    assert bad == [], "\n".join(f"{w}: {t!r} -> {sorted(e)}" for w, t, e in bad)
    assert len(pairs) > 400  # the walk saw the window, the review, Options with its rule list and the help


def test_errors_show_only_the_chinese_half_in_the_chinese_ui():
    msg = QingGaoError("/稿/通知.docx", "文件已损坏，请用 Word 另存后再试。", "the file is damaged; save it again in Word.")
    assert message_in_ui_language(msg.message(), "zh") == "/稿/通知.docx：文件已损坏，请用 Word 另存后再试。"
    assert message_in_ui_language(msg.message(), "en") == "/稿/通知.docx: the file is damaged; save it again in Word."
    assert message_in_ui_language("只有一行", "en") == "只有一行"


def test_every_rule_and_signal_has_a_chinese_and_an_english_name():
    for rid, _comment in rule_catalog():
        assert known(rid), rid
        zh, en = rule_name(rid, "zh"), rule_name(rid, "en")
        assert re.search(r"[\u4e00-\u9fff]", zh.name) and re.search(r"[\u4e00-\u9fff]", zh.desc), rid
        assert not english_words(zh.name) and not english_words(zh.desc), (rid, zh)
        assert en.name and en.desc and not re.search(r"[\u4e00-\u9fff]", en.name), (rid, en)
        assert zh.group_name != zh.group  # its group is named too
    assert rule_name("no-such-rule", "zh").name == "网页杂项"


def test_the_rule_list_is_grouped_and_searchable(window, qtbot):
    dlg = OptionsDialog(window.settings, window)
    qtbot.addWidget(dlg)
    rules = dlg.rules
    groups = [rules.tree.topLevelItem(i).text(0) for i in range(rules.tree.topLevelItemCount())]
    for g in ("网站标识", "导航", "广告", "预览截断", "页码页眉"):
        assert any(x.startswith(g) for x in groups), (g, groups)
    assert rules.items["nav-breadcrumb"].text(0) == "当前位置"
    n = rules.filter("页码")
    visible = [rid for rid, it in rules.items.items() if not it.isHidden()]
    assert 0 < n == len(visible) < 20 and "page-number" in visible and "nav-breadcrumb" not in visible
    assert rules.filter("") == len(rules.items)


def test_the_empty_queue_names_every_format_and_shows_no_count(window):
    from core.readers import SUPPORTED

    hint = window.status.full_text()
    for ext in SUPPORTED:
        assert ext.lstrip(".").upper() in hint, ext
    assert not window.progress.isVisible()  # no "0 / 1" before any work
    assert all(ext.lstrip(".").upper() in window.review.page.toPlainText() for ext in SUPPORTED)


def test_the_help_menu(window, qtbot):
    titles = [a.text() for a in window.help_menu.actions() if a.text()]
    assert titles == ["使用说明", "快捷键", "日志和设置在哪里", "关于清稿"]
    rows = dict(help_menu.shortcut_rows(window))
    assert rows["恢复此行"] == "Ctrl+R" and rows["查找"] == "Ctrl+F" and rows["替换"] == "Ctrl+H"
    places = help_menu.show_places(window)
    qtbot.addWidget(places)
    shown = [label.text() for label in places.findChildren(QLabel)]
    assert window.settings.file() in shown and any(t.endswith("qinggao.log") for t in shown)
    guide = help_menu.show_guide(window)
    qtbot.addWidget(guide)
    assert "恢复此行" in guide.findChild(QTextBrowser).toPlainText()
    assert window.act_options.icon().cacheKey() != window.act_log.icon().cacheKey()  # two different pictures
