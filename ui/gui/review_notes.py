"""The review in the walk-through: why a complete case is locked (submitted,
approved), and the lead's return comments on the case and on the answer shown,
read-only (``ui.ops.review.CaseReview``)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QLayout

from ui.ops.review import CaseReview
from ui.ops.session import CaseSession


def note_label(layout: QLayout) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(QCoreApplication.translate("ReviewNotes", "The lead inspector's comments"))
    label.hide()
    layout.addWidget(label)
    return label


def locked_text(state: str) -> str:
    """Why a complete case cannot be changed now, or "" for the ordinary reason."""
    if state in ("submitted", "resubmitted"):
        return QCoreApplication.translate("ReviewNotes", "This case was submitted to the lead inspector and is read-only "
                                                         "until they return it.")
    if state == "approved":
        return QCoreApplication.translate("ReviewNotes", "The lead inspector has approved this case. Case › Reopen "
                                                         "(Ctrl+R) asks for a reason; every change is then recorded "
                                                         "with it.")
    return ""


def comments_html(review: CaseReview, question: str | None) -> str:
    """The latest return's comment on the case, and every comment on ``question``."""
    parts = []
    ret = review.latest_return()
    if ret is not None and review.state in ("returned", "resubmitted"):
        said = QCoreApplication.translate("ReviewNotes", "<b>Returned by {0} ({1}):</b> {2}")
        parts.append(said.format(escape(ret.who), escape(ret.at[:10]), escape(ret.comment)))
    for e in review.answer_comments.get(question or "", []):
        said = QCoreApplication.translate("ReviewNotes", "<b>{0}'s comment on this answer:</b> {1}")
        parts.append(said.format(escape(e.who), escape(e.comment)))
    return "<br>".join(parts)


def show(banner: QLabel, note: QLabel, session: CaseSession, question: str | None) -> None:
    """Fill the walk-through's banner (a complete case) and the review note."""
    review = session.review()
    banner.setVisible(session.complete)
    if session.complete:
        banner.setText(locked_text(review.state) or QCoreApplication.translate(
            "ReviewNotes", "This case is marked complete and is read-only. Use Case › Reopen (Ctrl+R) to change it."))
    html = comments_html(review, question)
    note.setText(html)
    note.setVisible(bool(html))
