"""Words for the Qt-free layers (PDFs, messages from ``ui.ops``, the command
line) in English or Welsh, with the standard library's :mod:`gettext`.

The catalogue is ``models/locale/cy/LC_MESSAGES/case_assessor.po`` (edited),
compiled to ``.mo`` beside it by ``make translations`` and committed, so a
fresh clone prints Welsh offline; English is the source text and needs no
catalogue.  ``docs/translation.md`` gives the process.

Two ways in:

- ``gettext_for(lang)``: the translation function for one language, for a
  document that names its own language (a PDF, or each half of a bilingual one);
- ``_``: the translation in the process's language (``set_language``, chosen by
  ``--lang`` or the app's Language setting), for messages shown to the user.

``N_`` marks a string for extraction where it is defined (a table of labels)
and translates nothing; translate it where it is shown.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from functools import cache
from pathlib import Path

DOMAIN = "case_assessor"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANGUAGES = {"en": "English", "cy": "Cymraeg"}  # code -> the language's own name

_current = "en"


@cache
def _catalog(lang: str) -> gettext.NullTranslations:
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


def check_language(lang: str) -> str:
    """``lang`` if it is one of ``LANGUAGES``; otherwise ValueError naming them."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r} (choose {' or '.join(LANGUAGES)})")
    return lang


def gettext_for(lang: str) -> Callable[[str], str]:
    """The translation function for ``lang`` (unknown text comes back as given)."""
    return _catalog(check_language(lang)).gettext


def set_language(lang: str) -> None:
    """Set the process's language (for ``_``)."""
    global _current
    _current = check_language(lang)


def language() -> str:
    return _current


def _(message: str) -> str:
    """``message`` in the process's language."""
    return _catalog(_current).gettext(message)


def N_(message: str) -> str:  # noqa: N802
    """Mark ``message`` for extraction only."""
    return message
