"""View › Language: English or Cymraeg, saved with QSettings and used from
the next start (every screen is built in one language; ``--lang`` overrides
the setting for one run)."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from models.i18n import LANGUAGES, language
from ui.gui.i18n import save_language, saved_language

# said in both languages: the reader may not read the one in use
NEXT_TIME = {
    "en": "Case Assessor will open in English next time.\n\nBydd Case Assessor yn agor yn Saesneg y tro nesaf.",
    "cy": "Bydd Case Assessor yn agor yn Gymraeg y tro nesaf.\n\nCase Assessor will open in Welsh next time.",
}


class LanguageMenu(QMenu):
    """One checkable item per language, each named in its own language."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(self.tr("&Language"), parent)
        self.group = QActionGroup(self)
        chosen = saved_language()
        for code, name in LANGUAGES.items():
            a = QAction(name, self)
            a.setCheckable(True)
            a.setChecked(code == chosen)
            a.setData(code)
            a.triggered.connect(lambda _on=False, c=code: self.choose(c))
            self.group.addAction(a)
            self.addAction(a)

    def choose(self, code: str) -> None:
        """Save the choice; say when it takes effect."""
        if code == saved_language():
            return
        save_language(code)
        if code != language():
            QMessageBox.information(self.parentWidget(), "Case Assessor", NEXT_TIME[code])
