"""The result pane: the cleaned blocks laid out like the official page (GB/T 9704 fonts and indents, approximated).

Sizes, fonts, alignment and indents come from the style profile the export uses (core.export.profile), so the
pane follows the profile the clerk picked. One Document block is one QTextBlock whose userState is its index,
and its text is exactly the block's text + body, so a cursor offset is a split offset.
"""
from __future__ import annotations

import logging
import re
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QKeySequence,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QTextEdit

from core.model import Document

from .jobs import PLACEHOLDER
from .text_diff import LINE_SEP, plain

log = logging.getLogger("qinggao.review")

# what the pane shows when the profile cannot be loaded (same numbers as resources/profiles/gbt9704.json)
_DEFAULT_STYLES: dict[str, dict[str, Any]] = {
    "body": {"font": "body", "size_pt": 16, "align": "both", "first_line_chars": 2},
    "title": {"font": "title", "size_pt": 22, "align": "center", "first_line_chars": 0},
    "subtitle": {"font": "kai", "align": "center", "first_line_chars": 0},
    "byline": {"font": "kai", "align": "center", "first_line_chars": 0},
    "salutation": {"font": "body", "align": "left", "first_line_chars": 0},
    "heading1": {"font": "heading1"}, "heading2": {"font": "kai"}, "heading3": {"font": "body"},
    "heading4": {"font": "body"},
    "signature": {"font": "body", "align": "right", "first_line_chars": 0},
    "date": {"font": "body", "align": "right", "first_line_chars": 0},
}
_DEFAULT_FONTS = {"body": "仿宋_GB2312", "title": "方正小标宋简体", "heading1": "黑体", "kai": "楷体_GB2312",
                  "fallbacks": {"仿宋_GB2312": ["仿宋", "FangSong"], "楷体_GB2312": ["楷体", "KaiTi"],
                                "方正小标宋简体": ["华文中宋", "STZhongsong", "宋体", "SimSun"], "黑体": ["SimHei"]}}
# last resorts on a PC without any Chinese official font (Linux CI, a fresh Windows has SimSun/SimHei)
_LAST_RESORT = {"body": ["Noto Serif CJK SC", "Source Han Serif SC", "SimSun"],
                "title": ["Noto Serif CJK SC", "Source Han Serif SC", "SimSun"],
                "heading1": ["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei"],
                "kai": ["AR PL UKai CN", "Noto Serif CJK SC", "SimSun"]}
CHARS_PER_LINE = 28
MARGIN_CHARS = 1.6  # white page margin around the text in the pane, in body characters
MARK_COLORS = {"join": "#e3eefc", "split": "#fdebd3", "renumber": "#e2f3e4", "clerk": "#efe4fb"}
_ALIGN = {"center": Qt.AlignmentFlag.AlignHCenter, "right": Qt.AlignmentFlag.AlignRight,
          "left": Qt.AlignmentFlag.AlignLeft, "both": Qt.AlignmentFlag.AlignJustify}


def tr(text: str) -> str:
    return QCoreApplication.translate("Review", text)


class PageStyle:
    """Fonts and paragraph styles for the pane, read from a style profile."""

    def __init__(self, profile: str | None = None):
        self.styles, self.fonts, self.gap_text = _DEFAULT_STYLES, _DEFAULT_FONTS, "【此处原文缺失{n}字】"
        self.gap_unknown = "【此处原文缺失】"
        self.placeholder = PLACEHOLDER
        try:
            from core.export.profile import load_profile

            p = load_profile(profile or "gbt9704")
            self.styles = {k: p.style(k) for k in _DEFAULT_STYLES if k in p["styles"]}
            self.fonts = p["fonts"]
            marks = p.data.get("marks", {})
            self.gap_text = marks.get("gap_text", self.gap_text)
            self.gap_unknown = marks.get("gap_text_unknown", self.gap_unknown)
            if marks.get("placeholder_pattern"):
                self.placeholder = re.compile(marks["placeholder_pattern"])
        except Exception as e:  # noqa: BLE001 - the pane still shows the default look
            log.info("style profile %r not loaded for the review pane (%s); using defaults", profile, e)
        self._families = set(QFontDatabase.families())

    def style(self, key: str) -> dict[str, Any]:
        merged = dict(_DEFAULT_STYLES["body"])
        merged.update(self.styles.get("body", {}))
        merged.update(self.styles.get(key, _DEFAULT_STYLES.get(key, {})))
        return merged

    def families(self, role: str) -> list[str]:
        """The official font for `role`, its fallbacks, then a font that surely has Chinese glyphs."""
        official = self.fonts.get(role, self.fonts.get("body", "仿宋_GB2312"))
        chain = [official, *self.fonts.get("fallbacks", {}).get(official, []), *_LAST_RESORT.get(role, [])]
        present = [f for f in chain if f in self._families]
        return present or chain

    def shown_font(self, role: str) -> str:
        fams = self.families(role)
        return fams[0] if fams else ""


def scroll_near_top(view: QTextEdit, blk) -> None:
    """Scroll a text view so `blk` sits a quarter of the way down, with context above it."""
    top = view.document().documentLayout().blockBoundingRect(blk).top()
    view.verticalScrollBar().setValue(int(top - view.viewport().height() / 4))


class PageView(QTextEdit):
    """The result, editable as text when the review allows; userState of each text block = block index."""

    typed = Signal()  # the clerk typed and paused: time to record the typing as edits
    TYPING_PAUSE_MS = 900

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAcceptDrops(False)  # drops go to the main window
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the text wraps to the pane
        self.setObjectName("pageView")
        self.style_ = PageStyle()
        self.scale = 0.8
        self.show_marks = True
        self.rendered: list[str] = []  # the blocks' texts as last shown (what typing is compared with)
        self.fixed: set[int] = set()  # blocks without text of their own (gap notes, document breaks)
        self._pause = QTimer(self, singleShot=True, interval=self.TYPING_PAUSE_MS)
        self._pause.timeout.connect(self.typed)
        self.set_editable(False)

    # --- typing ---
    def set_editable(self, on: bool) -> None:
        if on == (not self.isReadOnly()) and self.textInteractionFlags() != Qt.TextInteractionFlag.NoTextInteraction:
            return
        self.setReadOnly(not on)
        flags = Qt.TextInteractionFlag.TextEditorInteraction if on else (
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setTextInteractionFlags(flags)

    def texts(self) -> list[str]:
        out = []
        blk = self.document().firstBlock()
        while blk.isValid():
            out.append(plain(blk.text()))
            blk = blk.next()
        return out

    def has_typing(self) -> bool:
        return not self.isReadOnly() and self.texts() != self.rendered

    def take_typing(self) -> bool:
        """Stop waiting for the pause; True when the pane's text differs from what was shown."""
        self._pause.stop()
        return self.has_typing()

    def _contents_changed(self) -> None:
        if not self.isReadOnly():
            self._pause.start()

    def event(self, e) -> bool:  # noqa: D401 - Qt override
        # Undo/Redo go to the review's undo (edits are undone by re-cleaning), not to the text's own history
        if e.type() == QEvent.Type.ShortcutOverride and (e.matches(QKeySequence.StandardKey.Undo)
                                                          or e.matches(QKeySequence.StandardKey.Redo)):
            e.ignore()
            return False
        return super().event(e)

    def insertFromMimeData(self, source) -> None:  # noqa: N802 - Qt override
        """Paste into the result as text in the block's own format (a web page's fonts do not come along)."""
        if source.hasText():
            self.textCursor().insertText(source.text().replace("\r\n", "\n").replace("\r", "\n"))

    def offset_in_block(self) -> int:
        """The caret's offset in its block's text (the title's line separators do not count)."""
        cur = self.textCursor()
        return len(plain(cur.block().text()[:cur.positionInBlock()]))

    def set_profile(self, profile: str | None) -> None:
        self.style_ = PageStyle(profile)

    def fit_scale(self) -> float:
        """Zoom so that a full 28-character line plus margins fits the pane's width."""
        body = self.style_.style("body")
        pt = float(body.get("size_pt", 16))
        px_per_pt = self.logicalDpiX() / 72.0
        need = (CHARS_PER_LINE + 2 * MARGIN_CHARS) * pt * px_per_pt + 24
        return max(0.4, min(1.25, self.viewport().width() / need))

    def show_document(self, doc: Document, changes_by_line: dict[int, set[str]] | None = None) -> None:
        st = self.style_
        self.scale = self.fit_scale()
        body_pt = float(st.style("body").get("size_pt", 16)) * self.scale
        px = body_pt * self.logicalDpiX() / 72.0
        qdoc = QTextDocument(self)
        qdoc.setDocumentMargin(MARGIN_CHARS * px)
        qdoc.setUndoRedoEnabled(False)
        cur = QTextCursor(qdoc)
        changes_by_line = changes_by_line or {}
        for i, b in enumerate(doc.blocks):
            key = self._style_key(b)
            s = st.style(key)
            bf = QTextBlockFormat()
            bf.setAlignment(_ALIGN.get(str(s.get("align", "both")), Qt.AlignmentFlag.AlignJustify))
            size = float(s.get("size_pt", 16)) * self.scale
            bf.setTextIndent(float(s.get("first_line_chars", 0) or 0) * size * self.logicalDpiX() / 72.0)
            bf.setLineHeight(150, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            if b.kind in ("signature", "date"):
                bf.setRightMargin(2 * px)
            if b.kind == "title":
                bf.setBottomMargin(px)
            if self.show_marks:
                kinds = set().union(*(changes_by_line.get(n, set()) for n in b.lines)) if b.lines else set()
                tint = next((MARK_COLORS[k] for k in ("clerk", "split", "renumber", "join") if k in kinds), None)
                if tint:
                    bf.setBackground(QColor(tint))
                    bf.setProperty(QTextFormat.Property.UserProperty, ",".join(sorted(kinds)))
            if i == 0:
                cur.setBlockFormat(bf)
            else:
                cur.insertBlock(bf)
            cur.block().setUserState(i)
            self._insert_text(cur, b, key, size)
        self._pause.stop()
        self.setDocument(qdoc)
        self.rendered = self.texts()
        self.fixed = {i for i, b in enumerate(doc.blocks) if b.kind in ("gap", "docbreak")}
        qdoc.contentsChanged.connect(self._contents_changed)

    @staticmethod
    def _style_key(b) -> str:
        if b.kind == "heading":
            return f"heading{min(max(b.level or 1, 1), 4)}"
        if b.kind in _DEFAULT_STYLES:
            return b.kind
        return "body"

    def _char_format(self, key: str, size: float) -> QTextCharFormat:
        s = self.style_.style(key)
        cf = QTextCharFormat()
        cf.setFontFamilies(self.style_.families(str(s.get("font", "body"))))
        cf.setFontPointSize(size)
        if s.get("bold"):
            cf.setFontWeight(QFont.Weight.Bold)
        return cf

    def _insert_text(self, cur: QTextCursor, b, key: str, size: float) -> None:
        cf = self._char_format(key, size)
        if b.kind == "gap":
            n = b.omitted_chars
            cf.setBackground(QColor("#fff3a0"))
            cf.setForeground(QColor("#8a4b00"))
            cur.insertText(self.style_.gap_text.format(n=n) if n else self.style_.gap_unknown, cf)
            return
        if b.kind == "docbreak":
            cf.setForeground(QColor("#888888"))
            fmt = cur.blockFormat()
            fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            fmt.setTextIndent(0)
            cur.setBlockFormat(fmt)
            cur.insertText(tr("—— 以下为另一份文件 ——") + (f" {b.text}" if b.text else ""), cf)
            return
        if b.kind == "title":  # break it where the DOCX does: between words, in a trapezoid or diamond
            self._insert_marked(cur, LINE_SEP.join(self._title_lines(b.text)), cf)
            return
        self._insert_marked(cur, b.text, cf)
        if b.body:
            self._insert_marked(cur, b.body, self._char_format("body", size))

    def _title_lines(self, text: str) -> list[str]:
        try:
            from core.export.title_lines import break_title

            title = self.style_.style("title")
            max_chars = CHARS_PER_LINE * float(self.style_.style("body").get("size_pt", 16)) / float(
                title.get("size_pt", 22))
            return break_title(text, int(max_chars))
        except Exception:  # noqa: BLE001 - the pane wraps the title itself then
            log.info("title lines not computed", exc_info=True)
            return [text]

    def _insert_marked(self, cur: QTextCursor, text: str, cf: QTextCharFormat) -> None:
        """Insert text, highlighting template placeholders (×, X, ___) that the clerk must fill in."""
        pos = 0
        hl = QTextCharFormat(cf)
        hl.setBackground(QColor("#fff3a0"))
        for m in self.style_.placeholder.finditer(text):
            if m.start() > pos:
                cur.insertText(text[pos:m.start()], cf)
            cur.insertText(m.group(), hl)
            pos = m.end()
        if pos < len(text):
            cur.insertText(text[pos:], cf)

    def show_note(self, text: str) -> None:
        """A plain message in the pane (why a file failed, or how to start)."""
        qdoc = QTextDocument(self)
        qdoc.setDocumentMargin(24)
        cur = QTextCursor(qdoc)
        cf = QTextCharFormat()
        cf.setForeground(QColor("#555555"))
        cf.setFontPointSize(max(10.0, self.font().pointSizeF() * 1.15))
        for k, line in enumerate(text.splitlines()):
            if k:
                cur.insertBlock()
            cur.insertText(line, cf)
        self._pause.stop()
        self.setDocument(qdoc)
        self.rendered, self.fixed = self.texts(), set()

    def current_index(self) -> int | None:
        st = self.textCursor().block().userState()
        return st if st >= 0 else None

    def select_range(self, index: int, start: int, end: int) -> None:
        """Select characters start..end of block `index`'s text (a placeholder the clerk is about to fill)."""
        self.select_block(index)
        cur = self.textCursor()
        raw = cur.block().text()

        def at(offset: int) -> int:  # text offset -> position in the block, skipping the title's line breaks
            k = seen = 0
            while k < len(raw) and seen < offset:
                seen += raw[k] != LINE_SEP
                k += 1
            return cur.block().position() + k

        cur.setPosition(at(start))
        cur.setPosition(at(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cur)
        self.ensureCursorVisible()

    def select_block(self, index: int) -> None:
        blk = self.document().firstBlock()
        while blk.isValid():
            if blk.userState() == index:
                self.setTextCursor(QTextCursor(blk))
                scroll_near_top(self, blk)
                return
            blk = blk.next()
