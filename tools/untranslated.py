"""List the user-visible strings in ui/gui that do not go through Qt's
translation: a literal (plain or f-string) passed straight to a call that
shows text (a label, button, menu, message box, tooltip, header ...).

    python tools/untranslated.py        (also run by tests/ui/gui/test_translations.py)

Each line names the file, line and text.  Text that is not words (symbols,
numbers, a file filter's pattern alone, the app's name) is allowed.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUI = ROOT / "ui" / "gui"
SHOWS_TEXT = {
    # widgets built with their text
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QToolButton", "QTreeWidgetItem",
    "QListWidgetItem", "QMenu",
    # setters and adders
    "setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setStatusTip", "setAccessibleName",
    "setAccessibleDescription", "addItem", "addItems", "addTab", "addMenu", "addAction", "showMessage", "setTitle",
    "setInformativeText", "setDetailedText", "setHorizontalHeaderLabels", "setVerticalHeaderLabels", "setLabelText",
    "setHtml", "setWhatsThis", "addRow", "setTabText", "insertItem", "setSuffix", "setPrefix", "setSpecialValueText",
    # static dialogs (QMessageBox, QInputDialog, QFileDialog): title and text
    "critical", "warning", "information", "question", "getText", "getItem", "getInt",
    "getSaveFileName", "getOpenFileName", "getOpenFileNames", "getExistingDirectory",
}
DIALOGS = {"QMessageBox", "QInputDialog", "QFileDialog"}
# which arguments carry text, where not all do (the rest are data, a folder or a default file name)
TEXT_ARGS = {"addItem": (0,), "insertItem": (1,), "getSaveFileName": (1, 3), "getOpenFileName": (1, 3),
             "getOpenFileNames": (1, 3), "getExistingDirectory": (1,)}
ALLOWED = re.compile(r"^[\W\d_]*$|^Case Assessor$")  # no letters at all (tags removed), or the product's name


def _name(func: ast.expr) -> str:
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _literal_text(node: ast.expr) -> str | None:
    """The words of a literal argument (an f-string's fixed parts), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal_text(node.left), _literal_text(node.right)
        return (left or "") + (right or "") if left is not None or right is not None else None
    return None


def _static_elsewhere(node: ast.AST) -> bool:
    """A dialog-named call on something other than a Qt dialog class (``log.warning(...)``)."""
    assert isinstance(node, ast.Call)
    f = node.func
    if isinstance(f, ast.Attribute) and f.attr in ("critical", "warning", "information", "question"):
        return not (isinstance(f.value, ast.Name) and f.value.id in DIALOGS)
    return False


MARKED = "# marked where defined"  # a tr() of a variable whose values are QT_TRANSLATE_NOOP-marked


def _variable_tr(node: ast.Call, lines: list[str]) -> bool:
    """``tr(x)`` / ``translate(ctx, x)`` of something lupdate cannot read (unless the line says why)."""
    name = _name(node.func)
    text = node.args[0] if name == "tr" and node.args else node.args[1] if name == "translate" and len(
        node.args) > 1 else None
    return text is not None and _literal_text(text) is None and MARKED not in lines[node.lineno - 1]


def untranslated(path: Path) -> list[tuple[int, str]]:
    """(line, text) for each visible literal in one module that skips translation,
    and each translation of a variable lupdate cannot extract."""
    found = []
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and _variable_tr(node, lines):
            found.append((node.lineno, f"translation of a variable: {ast.unparse(node)[:80]}"))
        name = _name(node.func) if isinstance(node, ast.Call) else ""
        if name not in SHOWS_TEXT or _static_elsewhere(node):
            continue
        args = [*node.args, *(k.value for k in node.keywords)]
        if name in TEXT_ARGS:
            args = [a for i, a in enumerate(node.args) if i in TEXT_ARGS[name]]
        for arg in args:
            text = _literal_text(arg)
            if text is not None and not ALLOWED.match(re.sub(r"<[^>]*>", "", text)):
                found.append((arg.lineno, text))
    return found


def report(root: Path = GUI) -> list[str]:
    return [f"{p.relative_to(ROOT)}:{line}: {text!r}" for p in sorted(root.glob("*.py"))
            for line, text in untranslated(p)]


if __name__ == "__main__":
    lines = report()
    print("\n".join(lines) or "every visible literal goes through tr()")
    sys.exit(1 if lines else 0)
