"""Where exports go: the folder last used, else the user's documents, else the
database's folder (never the working directory the app happened to start in)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from ui.ops.workspace import Workspace

_KEY = "exports/folder"


def export_folder(ws: Workspace) -> Path:
    last = QSettings().value(_KEY)
    if isinstance(last, str) and last and Path(last).is_dir():
        return Path(last)
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if docs and Path(docs).is_dir():
        return Path(docs)
    return ws.path.resolve().parent


def remember(path: Path) -> None:
    QSettings().setValue(_KEY, str(Path(path).resolve().parent))


def ask_save(parent: QWidget, ws: Workspace, title: str, name: str, filters: str) -> Path | None:
    """A save dialog starting in :func:`export_folder` with ``name`` filled in."""
    path, _ = QFileDialog.getSaveFileName(parent, title, str(export_folder(ws) / name), filters)
    if not path:
        return None
    remember(Path(path))
    return Path(path)


def ask_open(parent: QWidget, ws: Workspace, title: str, filters: str) -> list[Path]:
    """Files to read, starting where exports usually are."""
    paths, _ = QFileDialog.getOpenFileNames(parent, title, str(export_folder(ws)), filters)
    if paths:
        remember(Path(paths[0]))
    return [Path(p) for p in paths]
