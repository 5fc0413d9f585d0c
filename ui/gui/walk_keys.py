"""The walk-through's keyboard: answer keys, paging, and where Tab goes.

Number keys choose an option (0 is N/A), every option also has a letter,
Enter and Page Down go on (past the last question to the end-of-case
screen), Page Up goes back.  Tab visits the answers first, then the tick
boxes, the note and the way on, then the tree and the scores; the scroll area
around the question is never a stop."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QRadioButton, QWidget

if TYPE_CHECKING:
    from ui.gui.assess import AssessView

GO_ON = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_PageDown)


def handle_key(view: AssessView, event: QKeyEvent) -> bool:
    """True when the key was the walk-through's (and is used up)."""
    key = event.key()
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if mods != Qt.KeyboardModifier.NoModifier:
        return False
    if view.at_end:
        if key in GO_ON:
            view.end.activate()
            return True
        if key == Qt.Key.Key_PageUp:
            view.back_from_end()
            return True
        return False
    if Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
        return view.select_option(key - Qt.Key.Key_1)
    if key == Qt.Key.Key_0:
        return view.select_option(-1)
    if key in GO_ON:
        view.go(True)
        return True
    if key == Qt.Key.Key_PageUp:
        view.go(False)
        return True
    return bool(event.text()) and view.options_box.select_letter(event.text().lower())


def _answer_stops(view: AssessView) -> list[QWidget]:
    """The answers as Tab stops: one for a set of radios (the chosen one, as
    Qt's own convention has it; arrows move inside), each tick box, each factor."""
    if view.factor_boxes:
        return list(view.factor_boxes.values())
    buttons = [b for b in view.option_buttons if b.isEnabled()]
    radios = [b for b in buttons if isinstance(b, QRadioButton)]
    if radios:
        chosen = [b for b in radios if b.isChecked()]
        return [chosen[0] if chosen else radios[0]]
    return list(buttons)


def focus_chain(view: AssessView) -> list[QWidget]:
    """Every Tab stop of the walk-through, in order."""
    if view.at_end:
        end = view.end
        middle: list[QWidget] = [end.todo, end.back_btn, end.complete_btn, end.next_btn]
    else:
        middle = [*_answer_stops(view), *view.panel.tab_chain()]
    chain = [*middle, view.tree, view.scores.tree, view.header.back_to_list]
    return [w for w in chain if w.isVisibleTo(view) and w.isEnabled()
            and w.focusPolicy() != Qt.FocusPolicy.NoFocus]


def move_focus(view: AssessView, forward: bool) -> bool:
    chain = focus_chain(view)
    if not chain:
        return False
    current = QApplication.focusWidget()
    if current in chain:
        i = chain.index(current)
        target = chain[(i + (1 if forward else -1)) % len(chain)]
    else:
        target = chain[0] if forward else chain[-1]
    target.setFocus(Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason)
    return True


def install_shortcuts(view: AssessView) -> None:
    from ui.gui import history as history_panel

    """The walk-through's own keys (F1 lists them).  None is also a menu
    shortcut: undo and redo belong to the Edit menu, which shows them."""
    for seq, fn in [
        ("Ctrl+J", view.go_unanswered),
        ("Ctrl+E", view.note.setFocus),
        ("Ctrl+I", view.practice.toggle),
        ("F2", view.guide_btn.toggle),
        ("F3", view.panel.sources_btn.toggle),
        ("Ctrl+H", lambda: history_panel.show_history(view, view.s.ws, view.s.case.id, view.current)),
        ("Ctrl+L", view.closed.emit),
    ]:
        sc = QShortcut(QKeySequence(seq), view)
        sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        sc.activated.connect(fn)
    view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def note_event(view: AssessView, event: QEvent) -> bool:
    """In the note: Esc stores it and returns to the answers; leaving it stores it."""
    if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
        if event.key() == Qt.Key.Key_Escape:
            view._commit_note()
            view.setFocus()
            return True
    elif event.type() == QEvent.Type.FocusOut:
        view._commit_note()
    return False
