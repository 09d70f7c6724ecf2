"""The draft pane: the source lines as read, removed ones struck through with the rule that removed them (its
name in the UI language, resources/rules/names.toml), and joins, splits and renumberings marked. userState of
each text block = its source line number. The line (or lines) the clerk selected is tinted; restoring acts on
the removed lines among them, and only once the clerk has picked a line."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat
from PySide6.QtWidgets import QTextEdit

from core.model import Document, Line, Removed

from .i18n import N_
from .page_view import scroll_near_top
from .rule_names import rule_name


def tr(text: str) -> str:
    return QCoreApplication.translate("Review", text)


# marks after a source line for the rewrites that touched it (Change.kind -> symbol, label)
CHANGE_MARKS = {
    "join": ("⤵", N_("与下一行合并")),
    "split": ("✂", N_("拆分")),
    "renumber": ("№", N_("重新编号")),
    "clerk": ("✎", N_("审稿修改")),
    "simplify": ("简", N_("繁体字已转为简体字")),
}
CURRENT_LINE = QColor("#dbe8fb")  # the line the clerk selected
LINKED_LINE = QColor("#fff7d6")  # the source lines of the result block the caret is in


def changes_by_line(doc: Document) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for c in doc.changes:
        kind = c.kind if c.kind in CHANGE_MARKS else None
        if kind:
            for n in c.lines:
                out.setdefault(n, set()).add(kind)
    return out


def removed_spans(text: str, removed: list[Removed]) -> list[tuple[int, int]]:
    """The spans of a source line that cleaning took out (the whole line unless a removal is part of it)."""
    spans: list[tuple[int, int]] = []
    for r in removed:
        t = r.text.strip()
        if not t or len(t) >= len(text.strip()):
            return [(0, len(text))]
        k = text.find(t)
        if k >= 0:
            spans.append((k, k + len(t)))
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged or [(0, len(text))]


class DraftView(QTextEdit):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAcceptDrops(False)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setObjectName("draftView")
        self.removed_lines: set[int] = set()
        self.chosen = False  # the clerk picked a line (click, keys, select_line); a fresh draft has none
        self._linked: list[QTextEdit.ExtraSelection] = []
        self.cursorPositionChanged.connect(self._show_current)

    def mousePressEvent(self, e) -> None:  # noqa: N802 - Qt override
        self.chosen = True
        super().mousePressEvent(e)

    def keyPressEvent(self, e) -> None:  # noqa: N802 - Qt override
        if e.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Home,
                       Qt.Key.Key_End):
            self.chosen = True
        super().keyPressEvent(e)

    def show_draft(self, draft: list[Line], doc: Document) -> None:
        by_line: dict[int, list[Removed]] = {}
        for r in doc.removed:
            by_line.setdefault(r.line, []).append(r)
        self.removed_lines = set(by_line)
        marks = changes_by_line(doc)
        qdoc = QTextDocument(self)
        qdoc.setUndoRedoEnabled(False)
        qdoc.setDefaultFont(self.font())
        cur = QTextCursor(qdoc)
        num = QTextCharFormat()
        num.setForeground(QColor("#9a9a9a"))
        num.setFontPointSize(max(7.0, self.font().pointSizeF() * 0.85))
        plain = QTextCharFormat()
        struck = QTextCharFormat()
        struck.setFontStrikeOut(True)
        struck.setForeground(QColor("#b3261e"))
        tag = QTextCharFormat()
        tag.setForeground(QColor("#ffffff"))
        tag.setBackground(QColor("#b3261e"))
        tag.setFontPointSize(max(7.0, self.font().pointSizeF() * 0.8))
        mark = QTextCharFormat()
        mark.setForeground(QColor("#1e4f8a"))
        mark.setFontWeight(QFont.Weight.Bold)
        width = len(str(draft[-1].lineno)) if draft else 1
        seen: set[int] = set()
        for k, ln in enumerate(draft):
            bf = QTextBlockFormat()
            bf.setTopMargin(4 if ln.blank_before else 0)
            if k == 0:
                cur.setBlockFormat(bf)
            else:
                cur.insertBlock(bf)
            cur.block().setUserState(ln.lineno)
            seen.add(ln.lineno)
            cur.insertText(f"{ln.lineno:>{width}}  ", num)
            gone = by_line.get(ln.lineno, [])
            if gone:
                spans = removed_spans(ln.text, gone)
                pos = 0
                for a, b in spans:
                    cur.insertText(ln.text[pos:a], plain)
                    cur.insertText(ln.text[a:b], struck)
                    pos = b
                cur.insertText(ln.text[pos:], plain)
                for rule in dict.fromkeys(r.rule for r in gone):
                    name = rule_name(rule)
                    t = QTextCharFormat(tag)
                    t.setToolTip(f"{tr('删除原因')}：{name.name}\n{name.desc}")
                    cur.insertText(" ", plain)
                    cur.insertText(f" {name.name} ", t)
            else:
                cur.insertText(ln.text, plain)
            for kind in CHANGE_MARKS:
                if kind in marks.get(ln.lineno, ()):
                    sym, label = CHANGE_MARKS[kind]
                    m = QTextCharFormat(mark)
                    m.setToolTip(tr(label))
                    cur.insertText(f" {sym}", m)
        # removals whose line the reader did not keep as a line of its own (e.g. a clerk-dropped split block)
        extra = [r for r in doc.removed if r.line not in seen]
        for r in extra:
            cur.insertBlock(QTextBlockFormat())
            cur.block().setUserState(r.line)
            cur.insertText(f"{r.line:>{width}}  ", num)
            cur.insertText(r.text, struck)
            cur.insertText(f" {rule_name(r.rule).name} ", tag)
        self.setDocument(qdoc)
        self.chosen = False
        self._linked = []
        self._show_current()

    def current_line(self) -> int | None:
        st = self.textCursor().block().userState()
        return st if st >= 0 else None

    def current_is_removed(self) -> bool:
        return bool(self.selected_removed_lines())

    def selected_lines(self) -> list[int]:
        """The source lines the clerk selected (the caret's line, or every line the selection touches)."""
        if not self.chosen:
            return []
        cur = self.textCursor()
        doc = self.document()
        first, last = doc.findBlock(cur.selectionStart()), doc.findBlock(cur.selectionEnd())
        out, blk = [], first
        while blk.isValid():
            if blk.userState() >= 0:
                out.append(blk.userState())
            if blk == last:
                break
            blk = blk.next()
        return out

    def selected_removed_lines(self) -> list[int]:
        return [n for n in dict.fromkeys(self.selected_lines()) if n in self.removed_lines]

    def _show_current(self) -> None:
        sels = list(self._linked)
        cur = self.textCursor()
        if self.chosen or cur.hasSelection():
            doc = self.document()
            blk, last = doc.findBlock(cur.selectionStart()), doc.findBlock(cur.selectionEnd())
            while blk.isValid():
                sel = QTextEdit.ExtraSelection()
                sel.format.setBackground(CURRENT_LINE)
                sel.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
                sel.cursor = QTextCursor(blk)
                sels.append(sel)
                if blk == last:
                    break
                blk = blk.next()
        self.setExtraSelections(sels)

    def highlight_lines(self, lines: list[int]) -> None:
        """Tint the source lines a result block came from, and scroll to the first."""
        sels = []
        wanted = set(lines)
        blk = self.document().firstBlock()
        first = None
        while blk.isValid():
            if blk.userState() in wanted:
                sel = QTextEdit.ExtraSelection()
                sel.format.setBackground(LINKED_LINE)
                sel.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
                sel.cursor = QTextCursor(blk)
                sels.append(sel)
                first = first or blk
            blk = blk.next()
        self._linked = sels
        self._show_current()
        if first is not None:
            rect = self.document().documentLayout().blockBoundingRect(first)
            bar = self.verticalScrollBar()
            if not bar.value() <= rect.top() <= bar.value() + self.viewport().height() - rect.height():
                scroll_near_top(self, first)  # only when the lines are out of sight

    def select_line(self, lineno: int) -> bool:
        blk = self.document().firstBlock()
        while blk.isValid():
            if blk.userState() == lineno:
                self.chosen = True
                self.setTextCursor(QTextCursor(blk))
                self._show_current()
                scroll_near_top(self, blk)
                return True
            blk = blk.next()
        return False
