"""The Qt-free layers' language: gettext for one document, or the process's language for messages."""

from __future__ import annotations

import pytest

from models import i18n
from models.questionset import text_in
from ui.ops import inspections
from ui.ops.errors import OpError
from ui.ops.workspace import Workspace


@pytest.fixture
def welsh():
    i18n.set_language("cy")
    yield
    i18n.set_language("en")


def test_a_document_names_its_language_whatever_the_process_speaks(welsh):
    assert i18n.gettext_for("en")("Page {0} of {1}") == "Page {0} of {1}"
    assert i18n.gettext_for("cy")("Page {0} of {1}") == "Tudalen {0} o {1}"
    assert i18n.gettext_for("cy")("words no catalogue holds") == "words no catalogue holds"


def test_unknown_languages_are_refused_by_name():
    with pytest.raises(ValueError, match="'fr'.*en or cy"):
        i18n.gettext_for("fr")
    with pytest.raises(ValueError):
        i18n.set_language("xx")
    assert i18n.language() == "en"


def test_question_texts_follow_the_language_in_use_and_fall_back_to_english(welsh):
    assert text_in({"en": "Yes", "cy": "Ie"}) == "Ie"
    assert text_in({"en": "Only English"}) == "Only English"
    assert text_in({"en": "Yes", "cy": "Ie"}, "en") == "Yes"


def test_an_operation_refuses_in_the_language_in_use(welsh, store):
    with pytest.raises(OpError, match="mae angen enw ar arolygiad"):
        inspections.new_inspection(Workspace(store), "  ", "iaow-2013", who="Jo")
    i18n.set_language("en")
    with pytest.raises(OpError, match="an inspection needs a name"):
        inspections.new_inspection(Workspace(store), "  ", "iaow-2013", who="Jo")
