"""Starting the GUI."""

from __future__ import annotations

import sys
from pathlib import Path


def run_app(db: str | None) -> int:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui import ops

    QCoreApplication.setOrganizationName("CaseAssessor")
    QCoreApplication.setApplicationName("Case Assessor")
    app = QApplication.instance() or QApplication(sys.argv)
    path = Path(db) if db else ops.default_db_path()
    try:
        store = ops.open_store(path)
    except ops.USER_ERRORS as e:
        QMessageBox.critical(None, "Case Assessor", f"The database {path} could not be opened.\n\n{e}")
        return 1
    from ui.main_window import MainWindow

    win = MainWindow(store)
    win.show()
    code = app.exec()
    store.close()
    return int(code)
