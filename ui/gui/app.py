"""Starting the GUI."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path


def run_app(db: str | None, lang: str | None = None) -> int:
    """Open the app on ``db`` (default: the data folder's database), in
    ``lang`` (default: the Language setting)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui.gui.unlock import gui_keys, offer_encrypt
    from ui.ops import unlock
    from ui.ops.errors import USER_ERRORS
    from ui.ops.paths import default_db_path
    from ui.ops.workspace import Workspace

    QCoreApplication.setOrganizationName("CaseAssessor")
    QCoreApplication.setApplicationName("Case Assessor")
    app = QApplication.instance() or QApplication(sys.argv)
    from ui.gui import i18n

    i18n.install(lang or i18n.saved_language())
    path = Path(db) if db else default_db_path()
    if db and not path.exists() and not _may_create(path):
        return 1  # a mistyped --db: nothing was created
    unlock.set_session(gui_keys())  # the passphrase, if asked, is asked once a session
    try:
        ws = offer_encrypt(Workspace.open(path, make_folders=bool(db)))
    except USER_ERRORS as e:
        QMessageBox.critical(None, "Case Assessor", QCoreApplication.translate(
            "app", "The database {0} could not be opened.\n\n{1}").format(path, e))
        return 1
    from ui.gui.main_window import MainWindow

    win = MainWindow(ws)
    win.show()
    if os.environ.get("CASE_ASSESSOR_BENCH_START"):
        # bench/run.py P1: report the wall clock at the first paint, then leave
        app.processEvents()
        print(time.time(), flush=True)
        win.ws.close()
        return 0
    code = app.exec()
    win.ws.close()  # the database open at the end (File › Open may have changed it)
    return int(code)


def _may_create(path: Path) -> bool:
    """Ask before creating a database at a path that does not exist (with the
    folders it needs, named); the default is No."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    missing = [p for p in reversed(path.resolve().parents) if not p.exists()]
    folders = (QCoreApplication.translate("app", "\n\nThese folders will be created too:\n{0}").format("\n".join(str(p) for p in missing))
               if missing else "")
    answer = QMessageBox.question(
        None, "Case Assessor",
        QCoreApplication.translate("app", "There is no database at\n{0}\n\nCreate a new, empty database there?{1}").format(path.resolve(), folders),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes
