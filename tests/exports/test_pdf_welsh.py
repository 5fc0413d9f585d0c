"""Welsh and bilingual PDFs: headings from the gettext catalogue, question
texts from a set's "cy" texts, English where a set has no Welsh, marked so."""

from __future__ import annotations

import copy
import re

import pytest
from babel.messages.pofile import read_po

from exports.pdf import case_summary_pdf, findings_pdf
from models.i18n import LOCALE_DIR, gettext_for
from models.questionset import builtin_catalog
from ui.ops import printing
from ui.ops.workspace import Workspace

from ..conftest import make_inspection
from .test_pdf import text_of

PO = LOCALE_DIR / "cy" / "LC_MESSAGES" / "case_assessor.po"


def catalogue():
    with PO.open("rb") as f:
        return read_po(f, locale="cy")


def test_every_message_has_welsh_and_the_committed_mo_says_it():
    cat = catalogue()
    cy = gettext_for("cy")
    missing = [m.id for m in cat if m.id and not m.string]
    assert not missing, f"no Welsh in {PO.name} for: {missing}"
    stale = [m.id for m in cat if m.id and cy(m.id) != m.string]
    assert not stale, f"case_assessor.mo is stale: run 'make translations' ({stale[:5]})"
    wrong = [m.id for m in cat if m.id and sorted(re.findall(r"\{[^}]*\}", m.id)) != sorted(
        re.findall(r"\{[^}]*\}", m.string))]
    assert not wrong, f"placeholders differ: {wrong}"


def test_the_catalogue_holds_every_message_in_the_code():
    from babel.messages.extract import extract_from_dir

    root = LOCALE_DIR.parent.parent
    in_code = {msg for folder in ("models", "exports", "ui/ops", "ui/cli")
               for _f, _l, msg, _c, _ctx in extract_from_dir(root / folder, keywords={"_": None, "N_": None,
                                                                                          "_joined": (2,)})}
    in_po = {m.id for m in catalogue() if m.id}
    assert in_code - in_po == set(), f"new messages: run 'make translations' and translate {in_code - in_po}"


@pytest.fixture
def welsh_set():
    """The IAOW set with Welsh for its title, one criterion and one question (the rest English only):
    1.1.0, the last version before the set's own Welsh (1.2.0), with the same question ids."""
    qs = copy.deepcopy(builtin_catalog().get("iaow-2013", "1.1.0"))
    qs.data.title["cy"] = "Asesiad achos: Arolygiaeth Prawf EM (Cymru)"
    first = qs.questions[0]
    first.q.text["cy"] = "A oedd yr ŵyl a’r ŷd yn â ê î ô û ẁ ẃ ẅ ỳ wedi’u cofnodi?"
    first.criterion.title["cy"] = "Maen prawf cyntaf yn Gymraeg"
    return qs, first


@pytest.fixture
def doc(store, iaow, welsh_set):
    qs, first = welsh_set
    iid = make_inspection(store, iaow, 3)
    case = store.list_cases(iid)[0]
    d = printing.case_doc(Workspace(store), case.id)
    d.qs = qs
    return d, first


def test_a_welsh_case_summary_uses_the_set_s_welsh_and_marks_english_fallback(doc):
    d, first = doc
    d.lang = "cy"
    d.__post_init__()
    text, reader = text_of(case_summary_pdf(d))
    assert "Crynodeb o’r achos" in text and "Tudalen 1 o" in text
    assert "A oedd yr ŵyl a’r ŷd yn â ê î ô û ẁ ẃ ẅ ỳ wedi’u cofnodi?" in text  # DejaVu has every Welsh letter
    assert "Maen prawf cyntaf yn Gymraeg" in text
    second = next(qv for qv in d.qs.questions[1:] if "cy" not in qv.q.text)
    assert "[yn Saesneg]" in text and "Case summary" not in text
    assert second.q.text["en"][:30] in text.replace("\n", " ") or "[yn Saesneg]" in text
    assert "Page 1 of" not in text


def test_a_bilingual_case_summary_prints_welsh_then_english(doc):
    d, _first = doc
    text, reader = text_of(case_summary_pdf(d, ("cy", "en")))
    welsh, english = text.index("Crynodeb o’r achos:"), text.index("Case summary:")
    assert welsh < english
    assert "Tudalen 1 o" in text and "Page 1 of" in text
    assert "[yn Saesneg]" in text[:english] and "[yn Saesneg]" not in text[english:]
    assert "A oedd yr ŵyl" in text[:english] and "A oedd yr ŵyl" not in text[english:]


def test_an_english_summary_is_unchanged_by_welsh_texts(doc):
    d, _first = doc
    text, _r = text_of(case_summary_pdf(d))
    assert "Case summary:" in text and "[yn Saesneg]" not in text and "Crynodeb" not in text


def test_bilingual_findings_print_welsh_then_english(store, iaow, welsh_set):
    qs, _first = welsh_set
    iid = make_inspection(store, iaow, 5)
    fd = printing.findings_doc(Workspace(store), iid)
    fd.qs = qs
    text, _r = text_of(findings_pdf(fd, ("cy", "en")))
    assert text.index("Canfyddiadau:") < text.index("Findings:")
    assert "Crynodeb o’r data" in text and "Data summary" in text
    assert "Asesiad achos: Arolygiaeth Prawf EM (Cymru)" in text


def test_print_commands_take_lang_and_bilingual(store, iaow, tmp_path, db_path):
    from main import run_cli

    iid = make_inspection(store, iaow, 2)
    ref = store.list_cases(iid)[0].reference
    out = tmp_path / "cy.pdf"
    assert run_cli(["print-case", "--db", str(db_path), "--case", ref, "--out", str(out), "--lang", "cy"]) == 0
    assert "Crynodeb o’r achos" in text_of(out.read_bytes())[0]
    out2 = tmp_path / "both.pdf"
    assert run_cli(["print-report", "--db", str(db_path), "--inspection", iid, "--out", str(out2), "--bilingual"]) == 0
    both = text_of(out2.read_bytes())[0]
    assert both.index("Canfyddiadau:") < both.index("Findings:")
