"""The lead's review actions (Lead menu): return a case with comments, approve
cases, reopen an approved case; and the reason asked before an approved case
is changed.  Calls ``ui.ops.review``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.questionset import QuestionSet, text_in
from ui.gui.widgets import accept_buttons, wrapped
from ui.ops import review as review_ops
from ui.ops.errors import USER_ERRORS

if TYPE_CHECKING:
    from ui.gui.main_window import MainWindow

class ReturnDialog(QDialog):
    """A comment on the case (needed) and comments on answers (optional)."""

    def __init__(self, qs: QuestionSet, reference: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Return case {0} to its assessor").format(reference))
        self._answer_comments: list[tuple[str, str]] = []
        lay = QVBoxLayout(self)
        lay.addWidget(wrapped(self.tr("Say what to change. The assessor sees your comments in the case and at the "
                                      "questions you comment on, once they import your return pack (Lead › Make a "
                                      "pack, Returns only).")))
        form = QFormLayout()
        self.comment = QPlainTextEdit()
        self.comment.setAccessibleName(self.tr("Comment on the case"))
        self.comment.setTabChangesFocus(True)
        self.comment.setMaximumHeight(90)
        form.addRow(self.tr("&Comment on the case:"), self.comment)
        self.question = QComboBox()
        self.question.setAccessibleName(self.tr("Question to comment on"))
        for qv in qs.questions:
            self.question.addItem(f"{qv.id} {text_in(qv.q.text)[:70]}", qv.id)
        form.addRow(self.tr("On the &answer to:"), self.question)
        row = QHBoxLayout()
        self.answer_text = QLineEdit()
        self.answer_text.setAccessibleName(self.tr("Comment on the answer"))
        self.answer_text.setPlaceholderText(self.tr("What to check or change in this answer"))
        self.add_btn = QPushButton(self.tr("&Add"))
        self.add_btn.setAccessibleName(self.tr("Add the comment on the answer"))
        self.add_btn.clicked.connect(self._add)
        row.addWidget(self.answer_text, 1)
        row.addWidget(self.add_btn)
        label = QLabel(self.tr("Co&mment on it:"))
        label.setBuddy(self.answer_text)
        form.addRow(label, row)
        self.answers = QListWidget()
        self.answers.setAccessibleName(self.tr("Comments on answers"))
        self.answers.setMaximumHeight(110)
        form.addRow("", self.answers)
        lay.addLayout(form)
        self.return_btn = accept_buttons(self, lay, self.tr("&Return the case"), self._accept)
        self.resize(720, 380)

    def _add(self) -> None:
        text = self.answer_text.text().strip()
        if not text:
            return
        qid = self.question.currentData()
        self._answer_comments.append((qid, text))
        self.answers.addItem(f"{qid}: {text}")
        self.answer_text.clear()

    def answer_comments(self) -> list[tuple[str, str]]:
        return list(self._answer_comments)

    def _accept(self) -> None:
        self._add()  # a comment typed on an answer but not yet added goes with the return
        if not self.comment.toPlainText().strip():
            QMessageBox.information(self, self.windowTitle(), self.tr("Write a comment on the case saying what to "
                                                                      "change."))
            return
        self.accept()


def add_actions(w: MainWindow, menu: QMenu) -> None:
    """The review actions, at the end of the Lead menu."""
    menu.addSeparator()
    w.acts["return_case"] = w._action(menu, QCoreApplication.translate("LeadReview", "&Return the case to its assessor…"), lambda: return_case(w))
    w.acts["approve_cases"] = w._action(menu, QCoreApplication.translate("LeadReview", "Appro&ve the selected cases"), lambda: approve_cases(w))
    w.acts["reopen_approved"] = w._action(menu, QCoreApplication.translate("LeadReview", "Reopen an approved &case…"), lambda: reopen_approved(w))
    w.acts["qa_pack"] = w._action(menu, QCoreApplication.translate("LeadReview", "Make a blind &QA pack for a QA reader…"), lambda: make_qa_pack(w))


def _chosen(w: MainWindow) -> list[str]:
    """The references of the open case, or of the cases selected in the list."""
    iid = w.current_inspection()
    if not iid:
        return []
    ids = [w.view.s.case.id] if w.view is not None else w.list.selected_case_ids()
    refs = {c.id: c.reference for c in w.ws.cases(iid)}
    return [refs[i] for i in ids if i in refs]


def _done(w: MainWindow, message: str) -> None:
    w.reload_cases()
    if w.view is not None:
        w.view.show_question(w.view.current)
    w.statusBar().showMessage(message, 6000)


def return_case(w: MainWindow) -> None:
    refs = _chosen(w)
    iid = w.current_inspection()
    if len(refs) != 1 or not iid:
        QMessageBox.information(w, QCoreApplication.translate("LeadReview", "Return a case"), QCoreApplication.translate("LeadReview", "Select one case to return."))
        return
    dlg = ReturnDialog(w.ws.question_set(iid), refs[0], w)
    if not dlg.exec():
        return
    try:
        review_ops.return_case(w.ws, refs[0], dlg.comment.toPlainText(), dlg.answer_comments(), inspection=iid)
    except USER_ERRORS as e:
        w.fail(e, QCoreApplication.translate("LeadReview", "The case was not returned."))
        return
    _done(w, QCoreApplication.translate("LeadReview", "Case {0} returned. Send it with Lead › Make a pack (Returns only).").format(refs[0]))


def approve_cases(w: MainWindow) -> None:
    refs = _chosen(w)
    if not refs:
        return
    try:
        review_ops.approve(w.ws, refs, inspection=w.current_inspection())
    except USER_ERRORS as e:
        w.fail(e, QCoreApplication.translate("LeadReview", "Nothing was approved."))
        return
    _done(w, QCoreApplication.translate("LeadReview", "Approved {0} cases: a change now needs a reason.").format(len(refs)))


def ask_reason(w: QWidget, title: str, prompt: str) -> str | None:
    """A reason typed by the lead (None: cancelled; an empty one is asked again)."""
    while True:
        text, ok = QInputDialog.getText(w, title, prompt)
        if not ok:
            return None
        if text.strip():
            return text.strip()


def reopen_approved(w: MainWindow) -> None:
    refs = _chosen(w)
    if len(refs) != 1:
        QMessageBox.information(w, QCoreApplication.translate("LeadReview", "Reopen an approved case"), QCoreApplication.translate("LeadReview", "Select one case to reopen."))
        return
    why = ask_reason(w, QCoreApplication.translate("LeadReview", "Reopen an approved case"), QCoreApplication.translate("LeadReview", "Why reopen case {0}? (recorded)").format(refs[0]))
    if why is None:
        return
    try:
        review_ops.reopen(w.ws, refs[0], why, inspection=w.current_inspection())
    except USER_ERRORS as e:
        w.fail(e, QCoreApplication.translate("LeadReview", "The case was not reopened."))
        return
    _done(w, QCoreApplication.translate("LeadReview", "Case {0} is under review again.").format(refs[0]))


def reopen_reason(w: MainWindow) -> str | None:
    """Before the open case is reopened: the reason an approved case needs
    ("" for any other case; None: the lead cancelled)."""
    if w.view is None or w.view.s.review().state != "approved":
        return ""
    return ask_reason(w, QCoreApplication.translate("LeadReview", "Change an approved case"), QCoreApplication.translate("LeadReview", "This case is approved. Why change it? (recorded "
                                                             "with every change you make)"))


def make_qa_pack(w: MainWindow) -> None:
    """The pack dialog, set for a QA reader's blind pack."""
    iid = w.current_inspection()
    if not iid:
        return
    from ui.gui.pack_dialog import MakePackDialog

    dlg = MakePackDialog(w.ws, iid, w)
    dlg.kind.setCurrentIndex(dlg.kind.findData("qa"))
    dlg.exec()
