"""The app's language: Qt translators from the compiled ``.qm`` files in this
folder, the Language setting, and the words of the shared models (the stages
of the journey) marked for translation.

``case_assessor_cy.ts`` holds the Welsh for every ``tr()`` string in
``ui/gui`` (``make translations`` refreshes it with ``pyside6-lupdate`` and
compiles ``.qm`` with ``pyside6-lrelease``); ``qt_cy.ts`` holds Welsh for the
few words Qt draws itself (the message box's buttons, a line edit's menu),
since Qt ships no Welsh catalogue.  Both ``.qm`` files are committed, so a
fresh clone speaks Welsh offline; nothing is fetched at run time.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QSettings, QTranslator

from models.i18n import LANGUAGES, check_language, set_language
from models.questionset import STAGE_TITLES, Stage

log = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent
CATALOGS = ("case_assessor", "qt")  # HERE / f"{name}_{lang}.qm"
SETTING = "view/language"

# STAGE_TITLES (models) in the words lupdate extracts; translated by stage_title
_STAGES = {
    Stage.CASE_DETAILS: str(QT_TRANSLATE_NOOP("Stage", "Case details")),
    Stage.ASSESSMENT_PLANNING: str(QT_TRANSLATE_NOOP("Stage", "Assessment and planning")),
    Stage.DELIVERY_REVIEW: str(QT_TRANSLATE_NOOP("Stage", "Delivery and review")),
    Stage.OUTCOMES: str(QT_TRANSLATE_NOOP("Stage", "Outcomes")),
    Stage.VICTIM_WORK: str(QT_TRANSLATE_NOOP("Stage", "Victim work")),
    Stage.LEADERSHIP_MANAGEMENT: str(QT_TRANSLATE_NOOP("Stage", "Leadership and management (officer interview)")),
}
assert _STAGES == STAGE_TITLES, "ui/gui/i18n: the stage titles differ from models.qs_common.STAGE_TITLES"

_installed: list[QTranslator] = []


def stage_title(stage: Stage) -> str:
    return QCoreApplication.translate("Stage", STAGE_TITLES[stage])


def saved_language() -> str:
    """The Language setting (English until one is chosen)."""
    value = str(QSettings().value(SETTING, "en") or "en")
    return value if value in LANGUAGES else "en"


def save_language(lang: str) -> None:
    QSettings().setValue(SETTING, check_language(lang))


def install(lang: str) -> str:
    """Use ``lang`` from now on: the Qt translators for the screens (any
    installed before are removed) and the Qt-free layers' language (messages
    from ``ui.ops``, question texts).  Returns the language in use."""
    app = QCoreApplication.instance()
    assert app is not None, "install translators after the application exists"
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    set_language(check_language(lang))
    QLocale.setDefault(QLocale(QLocale.Language.Welsh if lang == "cy" else QLocale.Language.English,
                               QLocale.Country.UnitedKingdom))
    if lang == "en":
        return lang
    for name in CATALOGS:
        t = QTranslator(app)
        if not t.load(str(HERE / f"{name}_{lang}.qm")):  # a broken install: English, and say why
            log.warning("%s: missing or unreadable; the app stays in English ('make translations' builds it)",
                        HERE / f"{name}_{lang}.qm")
            return install("en")
        app.installTranslator(t)
        _installed.append(t)
    return lang
