"""Printed case summaries and findings: content, determinism, layout limits."""

from __future__ import annotations

import io
import random

import pytest
from pypdf import PdfReader

from exports.pdf import case_summary_pdf
from main import run_cli
from models.scoring import fmt_pct
from storage.store import Store
from ui import ops

from ..conftest import make_inspection, synthetic_answers, synthetic_details


def text_of(data: bytes) -> tuple[str, PdfReader]:
    r = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(p.extract_text() for p in r.pages).split()), r


@pytest.fixture
def printed(store, iaow):
    iid = make_inspection(store, iaow, 4)
    case = store.list_cases(iid)[0]
    a = store.primary_assessment(case.id)
    store.save_answer(a.id, "IAOW-2.1-02", value="yes", note="Seen at interview ŵ ŷ; p.12", practice=True, who="Ann")
    return store, iid, case


def test_case_summary_holds_answers_notes_scores_and_marking(printed, iaow):
    store, _iid, case = printed
    doc = ops.case_doc(store, case.id)
    data = case_summary_pdf(doc)
    text, reader = text_of(data)
    assert f"Case summary: {case.reference}" in text
    assert "Seen at interview ŵ ŷ; p.12" in text  # Welsh letters survive extraction
    assert "Practice illustration" in text
    assert text.count("OFFICIAL-SENSITIVE") == 2 * len(reader.pages)
    assert f"Page 1 of {len(reader.pages)}" in text
    from models.scoring import CaseInput, case_scores

    values = {k: v.value for k, v in doc.answers.items()}
    sc = case_scores(iaow, CaseInput(case.id, case.reference, case.details, values))
    for value in sc["groups"].values():
        assert fmt_pct(value) in text
    meta = reader.metadata
    assert meta.title == f"Case summary {case.reference}"
    assert reader.pages[0].mediabox.width == pytest.approx(595.27, abs=0.1)  # A4
    fonts = {f for p in reader.pages for f in (p["/Resources"]["/Font"].values())}
    names = {str(f.get_object()["/BaseFont"]) for f in fonts}
    assert any("DejaVu" in n for n in names)
    for f in fonts:
        desc = f.get_object().get("/DescendantFonts")
        obj = desc[0].get_object() if desc else f.get_object()
        fd = obj["/FontDescriptor"].get_object()
        assert "/FontFile2" in fd  # embedded


def test_output_is_deterministic(printed):
    store, _iid, case = printed
    a = case_summary_pdf(ops.case_doc(store, case.id))
    b = case_summary_pdf(ops.case_doc(store, case.id))
    assert a == b


def test_a_full_case_paginates_and_long_notes_wrap(tmp_path, iaow):
    rng = random.Random(3)
    s = Store(tmp_path / "big.sqlite3")
    iid = s.create_inspection("Big", iaow.id, iaow.version)
    details = synthetic_details(iaow, rng)
    details.update({"case_type": "licence", "rosh_level": "very_high", "child_protection": "procedures",
                    "identifiable_victim": True, "mappa_level": "3", "enforcement_needed": True})
    cid = s.add_case(iid, "BIG-1", details)
    aid = s.start_assessment(cid, "Ann", iaow.version)
    long_note = "A very long note that keeps going. " * 80
    answers = synthetic_answers(iaow, details, rng)
    for qid, v in answers.items():
        s.save_answer(aid, qid, value=v, note=long_note if qid.endswith("01") else "short", who="Ann")
    doc = ops.case_doc(s, cid)
    data = case_summary_pdf(doc)
    text, reader = text_of(data)
    assert len(answers) > 170 and len(reader.pages) >= 8
    for i, page in enumerate(reader.pages, 1):
        t = page.extract_text()
        assert t.count("OFFICIAL-SENSITIVE") == 2 and f"Page {i} of {len(reader.pages)}" in t
    assert text.count("keeps going") >= 80
    s.close()


def test_cli_print_commands(printed, db_path, tmp_path):
    store, iid, case = printed
    out = io.StringIO()
    assert run_cli(["print-case", "--db", str(db_path), "--case", case.reference, "--out", str(tmp_path / "c.pdf")], out) == 0
    assert run_cli(["print-cases", "--db", str(db_path), "--inspection", iid, "--out", str(tmp_path / "all.pdf")], out) == 0
    text, _ = text_of((tmp_path / "all.pdf").read_bytes())
    assert "Case summaries" in text and all(c.reference in text for c in store.list_cases(iid))
    assert run_cli(["print-cases", "--db", str(db_path), "--inspection", iid, "--out", str(tmp_path / "dir")], out) == 0
    assert len(list((tmp_path / "dir").glob("case-*.pdf"))) == 4
    assert run_cli(["print-report", "--db", str(db_path), "--inspection", iid, "--out", str(tmp_path / "r.pdf")], out) == 0
    text, _ = text_of((tmp_path / "r.pdf").read_bytes())
    assert "The proportion of work judged to have been done well enough" in text
    assert "Offending-related factors" in text and "Appendix: outcome scores by subgroup" in text
    assert run_cli(["print-case", "--db", str(db_path), "--case", "NOPE", "--out", str(tmp_path / "x.pdf")], out) == 2
    assert not (tmp_path / "x.pdf").exists()


def test_cancelled_batch_writes_nothing(printed, tmp_path):
    store, iid, _ = printed
    calls = []

    def progress(done, total):
        calls.append(done)
        return done < 2

    with pytest.raises(ops.OpError, match="cancelled"):
        ops.print_cases(store, iid, tmp_path / "all.pdf", None, progress)
    with pytest.raises(ops.OpError, match="cancelled"):
        ops.print_cases(store, iid, tmp_path / "dir", None, progress)
    assert not (tmp_path / "all.pdf").exists() and not (tmp_path / "dir").exists()


def test_omi2_findings_show_bands_and_tr_splits(tmp_path):
    from models.questionset import builtin_catalog

    for set_id, needle in (("omi2-2010", "MODERATE"), ("tr-2016", "NPS")):
        qs = builtin_catalog().get(set_id)
        s = Store(tmp_path / f"{set_id}.sqlite3")
        iid = make_inspection(s, qs, 8, seed=5)
        doc = ops.findings_doc(s, iid)
        from exports.pdf import findings_pdf

        text, _ = text_of(findings_pdf(doc))
        assert needle in text or (set_id == "omi2-2010" and any(b in text for b in ("MINIMUM", "SUBSTANTIAL", "DRASTIC")))
        s.close()
