"""Small helpers shared by the screens."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

Progress = Callable[[int, int], bool]


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every widget in a layout (hidden first, so nothing flickers)."""
    while layout.count():
        item = layout.takeAt(0)
        w = item.widget() if item is not None else None
        if w is not None:
            w.hide()
            w.deleteLater()


def progress_dialog(parent: QWidget, text: str, title: str, cancel: str, total: int) -> tuple[QProgressDialog, Progress]:
    """A modal progress dialog and the ``progress(done, total) -> keep going``
    callback the operations take (False once the user presses Cancel)."""
    dlg = QProgressDialog(text, cancel, 0, total, parent)
    dlg.setWindowTitle(title)
    dlg.setMinimumDuration(300)

    def progress(done: int, total: int) -> bool:
        dlg.setMaximum(total)
        dlg.setValue(done)
        QApplication.processEvents()
        return not dlg.wasCanceled()

    return dlg, progress


def path_row(form: QFormLayout, label: str, edit: QLineEdit, browse_text: str, on_browse: Callable[[], None]) -> None:
    """A form row: a file path with a Browse button beside it, the label its buddy."""
    browse = QPushButton(browse_text)
    browse.clicked.connect(on_browse)
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(browse)
    where = QLabel(label)
    where.setBuddy(edit)
    form.addRow(where, row)


def list_table(headers: list[str], name: str, stretch: int) -> QTableWidget:
    """A read-only table chosen from by whole rows, one at a time; column ``stretch`` takes the spare width."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.setAccessibleName(name)
    return table


def report_box(name: str, placeholder: str = "") -> QPlainTextEdit:
    """A read-only text a result or a list of problems is shown in (it can be selected and copied)."""
    box = QPlainTextEdit()
    box.setReadOnly(True)
    box.setAccessibleName(name)
    box.setPlaceholderText(placeholder)
    return box


def wrapped(text: str) -> QLabel:
    """A label whose text wraps (a dialog's introduction)."""
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def accept_buttons(dialog: QDialog, layout: QVBoxLayout, text: str, on_accept: Callable[[], None]) -> QPushButton:
    """Cancel and one accepting button (``text``) at the foot of a dialog; the accepting button is returned."""
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    button = box.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
    box.accepted.connect(on_accept)
    box.rejected.connect(dialog.reject)
    layout.addWidget(box)
    return button
