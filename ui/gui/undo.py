"""Undoable answer changes: every do, undo and redo is saved and audited."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QUndoCommand

from ui.ops.session import AnswerState


class AnswerStore(Protocol):
    def _store_answer(self, qid: str, state: AnswerState, action: str) -> None: ...


class AnswerCommand(QUndoCommand):
    """One answer change on the walk-through's undo stack."""

    def __init__(self, view: AnswerStore, qid: str, old: AnswerState, new: AnswerState, text: str) -> None:
        super().__init__(text)
        self.view, self.qid, self.old, self.new = view, qid, old, new
        self.first = True

    def redo(self) -> None:
        self.view._store_answer(self.qid, self.new, "answer" if self.first else "redo")
        self.first = False

    def undo(self) -> None:
        self.view._store_answer(self.qid, self.old, "undo")
