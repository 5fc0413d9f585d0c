"""File › New database, Open database (Ctrl+O) and Open recent; the window
title naming the database and the open case; the read-only banner (issue 14)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from ui.gui.file_actions import FileActions
from ui.ops.errors import USER_ERRORS
from ui.ops.workspace import Workspace

RECENT_KEY = "recent/databases"
MAX_RECENT = 8
DB_FILTER = str(QT_TRANSLATE_NOOP("DatabaseActions", "Case Assessor databases (*.sqlite3 *.db);;All files (*)"))


def recent_databases() -> list[str]:
    """The databases opened lately, newest first (paths, as QSettings keeps them)."""
    value = QSettings().value(RECENT_KEY, [])
    items = [value] if isinstance(value, str) else list(value) if isinstance(value, (list, tuple)) else []
    return [str(p) for p in items if p]


def remember_database(path: Path) -> None:
    p = str(Path(path).resolve())
    QSettings().setValue(RECENT_KEY, [p, *(x for x in recent_databases() if x != p)][:MAX_RECENT])


def forget_missing() -> None:
    QSettings().setValue(RECENT_KEY, [p for p in recent_databases() if Path(p).exists()])


class DatabaseActions(FileActions):
    """Opening another database in this window, and saying which one is open."""

    def database_menu(self, menu: QMenu) -> None:
        """New database…, Open database… (Ctrl+O) and Open recent, at the top of ``menu``."""
        self._action(menu, self.tr("New &database…"), self.new_database)
        self._action(menu, self.tr("&Open database…"), self.open_database, "Ctrl+O")
        self.recent_menu = menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._fill_recent()
        menu.addSeparator()

    def _fill_recent(self) -> None:
        m = self.recent_menu
        m.clear()
        paths = recent_databases()
        current = str(self.ws.path.resolve())
        for p in paths:
            missing = not Path(p).exists()
            a = m.addAction(self.tr("{0} — missing (moved or removed)").format(p) if missing else p)
            a.setEnabled(not missing and p != current)
            a.setStatusTip(self.tr("This file is no longer there.") if missing else self.tr("Open {0}").format(p))
            a.triggered.connect(lambda _c=False, path=p: self.switch_database(Path(path)))
        if not paths:
            m.addAction(self.tr("(no databases opened yet)")).setEnabled(False)
        m.addSeparator()
        clear = m.addAction(self.tr("Remove missing files from the list"), self._forget_missing)
        clear.setEnabled(any(not Path(p).exists() for p in paths))

    def _forget_missing(self) -> None:
        forget_missing()
        self._fill_recent()

    def open_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open database"), str(self.ws.path.parent),
                                              self.tr(DB_FILTER))  # marked where defined
        if path:
            self.switch_database(Path(path))

    def new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New database"), str(self.ws.path.parent / "inspection.sqlite3"),
                                              self.tr(DB_FILTER), options=QFileDialog.Option.DontConfirmOverwrite)  # marked where defined
        if not path:
            return
        if Path(path).exists():  # never replaced: a new database is a new file
            QMessageBox.warning(self, self.tr("New database"), self.tr(
                "{0} already exists, so it was not replaced. Choose a new name, or open it with "
                "File › Open database.").format(path))
            return
        self.switch_database(Path(path), create=True)

    def switch_database(self, path: Path, *, create: bool = False) -> bool:
        """Close the open case and database, and open ``path`` (created only when ``create``)."""
        if not self._close_view():
            return False
        if self.lead_view is not None:
            self.stack.removeWidget(self.lead_view)
            self.lead_view.deleteLater()
            self.lead_view = None
        try:
            ws = Workspace.open(path, must_exist=not create)
        except USER_ERRORS as e:
            self.fail(e, self.tr("The database {0} could not be opened.").format(path))
            return False
        old, self.ws = self.ws, ws
        old.close()
        remember_database(path)
        self.stack.setCurrentWidget(self.list)
        self.reload_inspections()
        self.database_changed()
        self.statusBar().showMessage(self.tr("Opened {0}").format(path), 6000)
        return True

    def database_changed(self) -> None:
        """Title, banner, status bar and actions for the database now open."""
        self.db_label.setText(str(self.ws.path))
        reason = self.ws.read_only
        self.banner.setVisible(reason is not None)
        if reason is not None:
            self.banner.setText(self.tr("⚠ Read-only: {0}").format(reason))
        self._set_saved("saved")
        self.update_title()
        self.update_actions()

    def update_title(self) -> None:
        """"Case Assessor — database [— case] [(read-only)]"."""
        parts = [self.tr("Case Assessor"), self.ws.path.name]
        if self.view is not None:
            parts.append(self.tr("case {0}").format(self.view.s.case.reference))
        title = " — ".join(parts)
        if self.ws.damaged:
            title += self.tr(" — read-only: the database is damaged")
        elif self.ws.read_only:
            title += self.tr(" (read-only)")
        self.setWindowTitle(title)
