"""Small dialogs: case details, assessor settings, new inspection, help."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from models.questionset import QuestionSet, text_in


class CaseDetailsDialog(QDialog):
    """Add a case or edit its details, with the question set's allowed values."""

    def __init__(self, qs: QuestionSet, details: dict[str, Any] | None = None, reference: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.qs = qs
        self.setWindowTitle(self.tr("Case details") if reference is not None else self.tr("Add a case"))
        lay = QVBoxLayout(self)
        form = QFormLayout()
        lay.addLayout(form)
        details = details or {}
        self.ref = QLineEdit(reference or "")
        self.ref.setAccessibleName(self.tr("Case reference"))
        self.ref.setReadOnly(reference is not None)
        form.addRow(self.tr("Case &reference"), self.ref)
        self.widgets: dict[str, QWidget] = {}
        for f in qs.data.case_fields:
            label = text_in(f.label)
            value = details.get(f.id)
            w: QWidget
            if f.kind == "choice":
                box = QComboBox()
                box.addItem(self.tr("— not set —"), None)
                for o in f.options:
                    box.addItem(text_in(o.label), o.value)
                box.setCurrentIndex(max(0, box.findData(value)))
                w = box
            elif f.kind == "multi":
                lst = QListWidget()
                for o in f.options:
                    it = QListWidgetItem(text_in(o.label))
                    it.setData(Qt.ItemDataRole.UserRole, o.value)
                    it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    it.setCheckState(Qt.CheckState.Checked if value and o.value in value else Qt.CheckState.Unchecked)
                    lst.addItem(it)
                lst.setMaximumHeight(min(22 * len(f.options) + 6, 160))
                w = lst
            elif f.kind == "bool":
                cb = QCheckBox()
                cb.setChecked(bool(value))
                w = cb
            elif f.kind == "number":
                sp = QDoubleSpinBox()
                sp.setDecimals(2)
                sp.setRange(f.minimum if f.minimum is not None else -1e9, f.maximum if f.maximum is not None else 1e9)
                sp.setSpecialValueText(self.tr("not set"))
                sp.setMinimum(sp.minimum() - 0.01)
                sp.setValue(float(value) if value is not None else sp.minimum())
                w = sp
            else:
                w = QLineEdit(value or "")
            w.setAccessibleName(label)
            if f.help:
                w.setToolTip(text_in(f.help))
            form.addRow(label + (" *" if f.required else ""), w)
            self.widgets[f.id] = w
        self.error = QLabel()
        self.error.setStyleSheet("color: #a00;")
        self.error.setWordWrap(True)
        lay.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def reference(self) -> str:
        return self.ref.text().strip()

    def details(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in self.qs.data.case_fields:
            w = self.widgets[f.id]
            if isinstance(w, QComboBox):
                v = w.currentData()
                if v is not None:
                    out[f.id] = v
            elif isinstance(w, QListWidget):
                out[f.id] = [
                    w.item(i).data(Qt.ItemDataRole.UserRole)
                    for i in range(w.count())
                    if w.item(i).checkState() == Qt.CheckState.Checked
                ]
            elif isinstance(w, QCheckBox):
                out[f.id] = w.isChecked()
            elif isinstance(w, QDoubleSpinBox):
                if w.value() > w.minimum():
                    out[f.id] = w.value()
            elif isinstance(w, QLineEdit) and w.text().strip():
                out[f.id] = w.text().strip()
        return out

    def _check(self) -> None:
        problems = ([] if self.reference() else [self.tr("a case needs a reference")]) + self.qs.check_details(self.details())
        if problems:
            self.error.setText("; ".join(problems))
            return
        self.accept()


class SettingsDialog(QDialog):
    def __init__(self, name: str, ident: str, parent: QWidget | None = None, *, first_time: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who is working?") if first_time else self.tr("Assessor"))
        lay = QVBoxLayout(self)
        why = QLabel(
            self.tr("Before your first change, Case Assessor needs your name. Every answer, change and deletion is "
                    "recorded in the audit trail with the name of the person who made it, so the lead inspector "
                    "can see who assessed each case. Your name is stored in this database only, and you can change "
                    "it later in File › Assessor settings.") if first_time else
            self.tr("Your name and ID are recorded with every answer you give."))
        why.setWordWrap(True)
        why.setMinimumWidth(420)
        lay.addWidget(why)
        form = QFormLayout()
        self.name = QLineEdit(name)
        self.name.setAccessibleName(self.tr("Assessor name"))
        self.ident = QLineEdit(ident)
        self.ident.setAccessibleName(self.tr("Assessor ID"))
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&ID"), self.ident)
        lay.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(lambda: self.accept() if self.name.text().strip() else self.name.setFocus())
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)


class NewInspectionDialog(QDialog):
    def __init__(self, sets: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New inspection"))
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Inspection name"))
        self.area = QLineEdit()
        self.area.setAccessibleName(self.tr("Area"))
        self.set_box = QComboBox()
        self.set_box.setAccessibleName(self.tr("Question set"))
        for sid, title in sets:
            self.set_box.addItem(f"{title} ({sid})", sid)
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Area"), self.area)
        form.addRow(self.tr("&Framework"), self.set_box)
        lay.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(lambda: self.accept() if self.name.text().strip() else self.name.setFocus())
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)


SHORTCUTS = [  # the words marked here, translated where shown
    ("1 … 9", str(QT_TRANSLATE_NOOP("HelpDialog", "Choose an answer option"))),
    (str(QT_TRANSLATE_NOOP("HelpDialog", "Y, N, … (the letter shown)")), str(QT_TRANSLATE_NOOP("HelpDialog", "Choose the option with that letter (every option has one)"))),
    ("0", str(QT_TRANSLATE_NOOP("HelpDialog", "N/A: the question does not apply to this case"))),
    (str(QT_TRANSLATE_NOOP("HelpDialog", "Enter, Page Down")), str(QT_TRANSLATE_NOOP("HelpDialog", "Next question (after the last: the end-of-case screen)"))),
    (str(QT_TRANSLATE_NOOP("HelpDialog", "Page Up")), str(QT_TRANSLATE_NOOP("HelpDialog", "Previous question"))),
    (str(QT_TRANSLATE_NOOP("HelpDialog", "Ctrl+J")), str(QT_TRANSLATE_NOOP("HelpDialog", "Next unanswered question"))),
    (str(QT_TRANSLATE_NOOP("HelpDialog", "Ctrl+E")), str(QT_TRANSLATE_NOOP("HelpDialog", "Write a note (Esc goes back to the answers)"))),
    (str(QT_TRANSLATE_NOOP("HelpDialog", "Ctrl+I")), str(QT_TRANSLATE_NOOP("HelpDialog", "Flag as a practice illustration"))),
    (str(QT_TRANSLATE_NOOP("HelpDialog", "Ctrl+P")), str(QT_TRANSLATE_NOOP("HelpDialog", "Print the case summary"))),
    ("F2", str(QT_TRANSLATE_NOOP("HelpDialog", "Show or hide the guidance"))),
    ("F3", str(QT_TRANSLATE_NOOP("HelpDialog", "Show or hide the question's sources (seed lines, provenance)"))),
    (str(QT_TRANSLATE_NOOP("HelpDialog", "Ctrl+H")), str(QT_TRANSLATE_NOOP("HelpDialog", "History: who changed this answer, when and why"))),
    (str(QT_TRANSLATE_NOOP("HelpDialog", "F4 / Shift+F4")), str(QT_TRANSLATE_NOOP("HelpDialog", "Next / previous question with a query not yet closed (✉ in the tree)"))),
    (str(QT_TRANSLATE_NOOP("HelpDialog", "Ctrl+Shift+Q")), str(QT_TRANSLATE_NOOP("HelpDialog", "Raise a query on this case or answer (lead inspector)"))),
    (str(QT_TRANSLATE_NOOP("HelpDialog", "Ctrl+Z / Ctrl+Y")), str(QT_TRANSLATE_NOOP("HelpDialog", "Undo / redo an answer change"))),
    (str(QT_TRANSLATE_NOOP("HelpDialog", "Ctrl+M")), str(QT_TRANSLATE_NOOP("HelpDialog", "Mark the case complete (lists anything unanswered)"))),
    (str(QT_TRANSLATE_NOOP("HelpDialog", "Ctrl+R")), str(QT_TRANSLATE_NOOP("HelpDialog", "Reopen a complete case"))),
    (str(QT_TRANSLATE_NOOP("HelpDialog", "Ctrl+L")), str(QT_TRANSLATE_NOOP("HelpDialog", "Back to the case list"))),
    (str(QT_TRANSLATE_NOOP("HelpDialog", "Ctrl+F")), str(QT_TRANSLATE_NOOP("HelpDialog", "Search the case list"))),
    (str(QT_TRANSLATE_NOOP("HelpDialog", "Ctrl+Shift+N")), str(QT_TRANSLATE_NOOP("HelpDialog", "Add a case"))),
    ("F1", str(QT_TRANSLATE_NOOP("HelpDialog", "This help"))),
]


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        lay = QVBoxLayout(self)
        view = QTextBrowser()
        rows = "".join(
            f"<tr><td style='padding:3px 14px 3px 0'><b>{self.tr(k)}</b></td><td>{self.tr(v)}</td></tr>"  # marked where defined
            for k, v in SHORTCUTS
        )
        view.setHtml(
            "<h3>" + self.tr("Assessing a case from the keyboard") + "</h3><table>" + rows + "</table><p>"
            + self.tr("Every change is saved the moment you make it; there is no save button. "
                      "Questions that do not apply are skipped and greyed, with the reason shown.")
            + "</p>"
        )
        view.setAccessibleName(self.tr("Keyboard shortcuts"))
        lay.addWidget(view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(560, 520)


def about_text(db_path: object) -> str:
    """Version, licence and where the data is, for Help › About."""
    from importlib.metadata import PackageNotFoundError, version

    from PySide6.QtCore import QSettings

    from ui.ops.paths import keys_dir

    try:
        ver = version("case-assessor")
    except PackageNotFoundError:
        ver = "unknown (not installed)"
    return (f"Case Assessor {ver}\n"
            "Offline case assessment for probation inspections.\n"
            "Licence: MIT. Question sets drawn from HM Inspectorate of Probation reports "
            "(Open Government Licence).\n\n"
            f"Database: {db_path}\n"
            f"Keys: {keys_dir()}\n"
            f"Window settings: {QSettings().fileName()}")
