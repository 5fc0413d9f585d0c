"""Printed case summaries and findings: content, determinism, layout limits."""

from __future__ import annotations

import io
import random
import re

import pytest
from pypdf import PdfReader

from exports.pdf import case_summary_pdf
from main import run_cli
from models.scoring import fmt_pct
from storage.store import Store
from ui.ops import printing
from ui.ops.errors import OpError
from ui.ops.workspace import Workspace

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
    doc = printing.case_doc(Workspace(store), case.id)
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
    assert reader.metadata.title == "Case summary"
    assert reader.pages[0].mediabox.width == pytest.approx(595.27, abs=0.1)  # A4
    fonts = {f for p in reader.pages for f in (p["/Resources"]["/Font"].values())}
    names = {str(f.get_object()["/BaseFont"]) for f in fonts}
    assert any("DejaVu" in n for n in names)
    for f in fonts:
        desc = f.get_object().get("/DescendantFonts")
        obj = desc[0].get_object() if desc else f.get_object()
        fd = obj["/FontDescriptor"].get_object()
        assert "/FontFile2" in fd  # embedded


def test_file_metadata_names_no_case_inspection_or_assessor(printed):
    from exports.pdf import batch_pdf, findings_pdf

    store, iid, case = printed
    ins = store.get_inspection(iid)
    docs = [printing.case_doc(Workspace(store), c.id) for c in store.list_cases(iid)]
    personal = {ins.name, ins.area, "Ann", *(d.case.reference for d in docs), *(d.assessment.assessor for d in docs)}
    assert "A. Assessor" in personal and "CASE-001" in personal
    printed_docs = {
        "Case summary": case_summary_pdf(docs[0]),
        "Case summaries": batch_pdf(docs, ins),
        "Findings": findings_pdf(printing.findings_doc(Workspace(store), iid)),
    }
    for title, data in printed_docs.items():
        text, reader = text_of(data)
        assert case.reference in text or title == "Findings"  # the pages do name the case
        info = reader.trailer["/Info"].get_object()
        meta = {str(k): str(v) for k, v in info.items()}
        assert meta["/Title"] == title and meta["/Subject"] == "OFFICIAL-SENSITIVE" and meta["/Author"] == "Case Assessor"
        leaks = [(k, v) for k, v in meta.items() for p in personal if p and p in v]
        assert not leaks, leaks
        assert reader.xmp_metadata is None


def test_output_is_deterministic(printed):
    store, _iid, case = printed
    a = case_summary_pdf(printing.case_doc(Workspace(store), case.id))
    b = case_summary_pdf(printing.case_doc(Workspace(store), case.id))
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
    doc = printing.case_doc(Workspace(s), cid)
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
    refs = sorted(c.reference for c in store.list_cases(iid))
    # file names carry no personal data by default (issue 13, item 6); the reference only when asked
    assert sorted(p.name for p in (tmp_path / "dir").iterdir()) == [f"case-{i:04d}.pdf" for i in range(1, 5)] + [
        "manifest.csv"]
    assert run_cli(["print-cases", "--db", str(db_path), "--inspection", iid, "--out", str(tmp_path / "named"),
                    "--names-by-reference"], out) == 0
    assert sorted(p.name for p in (tmp_path / "named").iterdir()) == [f"case-{r}.pdf" for r in refs] + ["manifest.csv"]
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

    with pytest.raises(OpError, match="cancelled"):
        printing.print_cases(Workspace(store), iid, tmp_path / "all.pdf", None, progress)
    with pytest.raises(OpError, match="cancelled"):
        printing.print_cases(Workspace(store), iid, tmp_path / "dir", None, progress)
    assert not (tmp_path / "all.pdf").exists() and not (tmp_path / "dir").exists()


def test_omi2_findings_show_bands_and_tr_splits(tmp_path):
    from models.questionset import builtin_catalog

    for set_id, needle in (("omi2-2010", "MODERATE"), ("tr-2016", "NPS")):
        qs = builtin_catalog().get(set_id)
        s = Store(tmp_path / f"{set_id}.sqlite3")
        iid = make_inspection(s, qs, 8, seed=5)
        doc = printing.findings_doc(Workspace(s), iid)
        from exports.pdf import findings_pdf

        text, _ = text_of(findings_pdf(doc))
        assert needle in text or (set_id == "omi2-2010" and any(b in text for b in ("MINIMUM", "SUBSTANTIAL", "DRASTIC")))
        s.close()


# ---------------------------------------------------------------------------
# The same input prints the same bytes (across refactoring of exports.pdf)
# ---------------------------------------------------------------------------

STAMP = "2024-03-04T10:11:12.000Z"


def _fixed_case(qs, i: int) -> tuple[dict, dict]:
    """Details and answers picked by position (no random numbers, no clock)."""
    details: dict = {}
    for k, f in enumerate(qs.data.case_fields):
        values = f.option_values()
        if f.kind == "choice":
            details[f.id] = values[(i + k) % len(values)]
        elif f.kind == "multi":
            details[f.id] = values[: (i + k) % 3]
        elif f.kind == "bool":
            details[f.id] = (i + k) % 2 == 0
        elif f.kind == "number":
            details[f.id] = (f.minimum or 0) + i
        else:
            details[f.id] = "North ŵ"
    answers: dict = {}
    for k, qv in enumerate(qs.questions):
        opts = [o.value for o in qv.scale.options]
        if qv.q.per_option_of:
            answers[qv.id] = {o: opts[(i + k) % len(opts)] for o in answers.get(qv.q.per_option_of) or []}
        elif qv.scale.kind == "multi":
            answers[qv.id] = opts[: 1 + (i + k) % 3]
        elif qv.scale.allow_na and (i + k) % 11 == 0:
            answers[qv.id] = "na"
        elif (i + k) % 13 != 5:  # a few left unanswered
            answers[qv.id] = opts[(i * 7 + k) % len(opts)]
    return details, answers


def _fixed_docs(set_id: str, n: int):
    from exports.pdf import CaseDoc
    from models.questionset import builtin_catalog
    from models.scoring import CaseInput
    from storage.store import AnswerRow, AssessmentRow, CaseRow, InspectionRow

    qs = builtin_catalog().get(set_id, "1.0.0")  # the fixed input: a version that never changes
    ins = InspectionRow("ins-1", "Golden inspection ŵ", "Testshire", qs.id, qs.version, "2024-01-01", "2024-02-01", STAMP)
    docs, inputs = [], []
    for i in range(n):
        details, values = _fixed_case(qs, i)
        case = CaseRow(f"case-{i}", ins.id, f"GOLD-{i + 1:03d}", details, STAMP, STAMP)
        a = AssessmentRow(f"a-{i}", case.id, f"Assessor {i % 2}", qs.version, "complete" if i % 2 else "in_progress",
                          "primary", None, STAMP, STAMP, STAMP if i % 2 else None, None)
        answers = {qid: AnswerRow(qid, v, "Seen at interview ŷ; p.12 " * (k % 4), k % 9 == 0, STAMP, a.assessor)
                   for k, (qid, v) in enumerate(values.items())}
        docs.append(CaseDoc(qs=qs, inspection=ins, case=case, assessment=a, answers=answers,
                            status="" if i % 3 else "complete", extra_status=["merged with 1 unresolved conflicts"] * (i % 2)))
        inputs.append(CaseInput(case.id, case.reference, details, values, a.assessor))
    return qs, ins, docs, inputs


def _fixed_findings(set_id: str):
    from exports.pdf import FindingsDoc
    from models.scoring import score

    qs, ins, _docs, cases = _fixed_docs(set_id, 6)
    subgroups = {fid: {o.value: score(qs, cases, where={fid: [o.value]}) for o in qs.fields[fid].options}
                 for fid in ("case_type", "gender") if fid in qs.fields}
    subgroups["assessor"] = {a: score(qs, cases, where={"assessor": [a]}) for a in ("Assessor 0", "Assessor 1")}
    splits = {f"{fid}={o.value}": score(qs, cases, where={fid: [o.value]})
              for fid in qs.data.split_by for o in qs.fields[fid].options}
    return FindingsDoc(qs=qs, inspection=ins, report=score(qs, cases), cases=cases, subgroups=subgroups, splits=splits,
                       provenance=["6 cases; fixed for the byte test."], conflicts_unresolved=2,
                       sample_fields=["case_type", "gender", "ethnicity", "rosh_level", "principal_offence", "organisation"])


def _digests(data: bytes) -> tuple[str, str]:
    """(sha256 of the file, sha256 of every page's drawing operations): the
    second says what is printed is unchanged even where the file's metadata is."""
    import hashlib

    pages = hashlib.sha256()
    for page in PdfReader(io.BytesIO(data)).pages:
        pages.update(page.get_contents().get_data())
    return hashlib.sha256(data).hexdigest()[:16], pages.hexdigest()[:16]


def _render_fixed(kind: str) -> bytes:
    from exports.pdf import batch_pdf, findings_pdf

    if kind == "case":
        return case_summary_pdf(_fixed_docs("iaow-2013", 1)[2][0])
    if kind == "batch":
        _qs, ins, docs, _inputs = _fixed_docs("iaow-2013", 3)
        return batch_pdf(docs, ins)
    return findings_pdf(_fixed_findings(kind.split(":", 1)[1]))


# Measured with reportlab 4.5.1 and pypdf 7.1.1 (re-measured when small numbers were marked *, stems, the counts
# beside the chart bars and the batch index's page numbers came in).  A deliberate change to what is
# printed (or to the built-in question sets) changes these: re-render
# docs/printed, look at the pages, then update the digests.
GOLDEN = {
    "case": ("3aa19f330d0b80ac", "1bde62129df724a0"),
    "batch": ("23b56a8d284c19c7", "2c972c7775e20c56"),
    "findings:iaow-2013": ("5af7e8d3f3a6b8ef", "062757b9c1744f8d"),
    "findings:omi2-2010": ("76093a6bc6b285b5", "fce8dcbe4a0967a0"),
    "findings:tr-2016": ("245ab463662083f9", "09a9983c864d694d"),
}


@pytest.mark.parametrize("kind", sorted(GOLDEN))
def test_fixed_input_prints_the_same_bytes(kind):
    assert _digests(_render_fixed(kind)) == GOLDEN[kind]


def test_the_sample_charts_exactly_the_fields_the_caller_names(iaow):
    from exports.pdf import findings_pdf

    doc = _fixed_findings("iaow-2013")
    doc.subgroups = {}  # the appendix would name fields too
    doc.sample_fields = ["ethnicity", "domestic_abuse", "requirements", "area", "no_such_field"]
    text, _ = text_of(findings_pdf(doc))
    sample = text[text.index("The sample"):text.index("Offending-related factors")]
    assert "Race and ethnicity" in sample and "Domestic abuse concerns" in sample
    assert "Requirements or licence conditions" in sample
    assert "Type of case" not in sample and "Gender" not in sample
    assert "Area / LDU" not in sample  # free text is not charted
    doc.sample_fields = []
    text, _ = text_of(findings_pdf(doc))
    assert "The sample" not in text and "Offending-related factors" in text


# ---------------------------------------------------------------------------
# Legibility: chart counts, stems, the batch index's page numbers
# ---------------------------------------------------------------------------


def _wcag(a, b) -> float:
    """WCAG 2 contrast of two reportlab colours."""
    def lum(c) -> float:
        ch = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in (c.red, c.green, c.blue)]
        return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2]

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _strings(drawing):
    from reportlab.graphics.shapes import Group, String

    def walk(node):
        for c in getattr(node, "contents", []):
            if isinstance(c, String):
                yield c
            elif isinstance(c, Group):
                yield from walk(c)

    return list(walk(drawing))


def _box(s):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    w = stringWidth(s.text, s.fontName, s.fontSize)
    return s.x, s.y, s.x + w, s.y + s.fontSize


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


ITEMS = [("2.1-01 Case allocated to the correct tier of offender management at start", 22, 3),
         ("2.1-04 Informed of their commitments", 20, 0), ("2.1-18 Sentence plan contained an objective", 1, 1),
         ("2.1-26 Sentence plan specified changes", 0, 8), ("2.1-27 none yet", 0, 0), ("3.3-05 Further offending", 13, 1)]


def test_chart_counts_are_dark_on_white_and_never_overlap():
    """Replays the probe: below-the-line counts were white on pale pink, and a
    count in an empty segment sat on top of its neighbour ('20' over '0')."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.lib import colors

    from exports.pdf.base import register_fonts
    from exports.pdf.charts import bar_chart

    register_fonts()
    d = bar_chart(ITEMS, 500)
    chart = next(c for c in d.contents if isinstance(c, HorizontalBarChart))
    assert not chart.barLabelFormat  # no counts drawn inside the bars
    labels = _strings(d)
    counts = [s for s in labels if "/" in s.text and s.text[0].isdigit()]
    assert sorted(s.text for s in counts) == sorted(f"{y} / {n}" for _l, y, n in ITEMS)
    for s in labels:
        assert _wcag(s.fillColor, colors.white) >= 4.5, (s.text, s.fillColor)
    boxes = [_box(s) for s in labels]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not _overlap(a, b), (a, b)
    right = chart.x + chart.width
    for s in counts:  # beside the bar's end, inside the drawing
        assert s.x >= chart.x and _box(s)[2] <= d.width + 1 and s.x <= right + 3


def test_long_category_labels_stay_inside_the_drawing():
    """A label of wide letters, cut at 58 letters, ran 150 points past the drawing's left edge."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from exports.pdf.base import register_fonts
    from exports.pdf.charts import bar_chart, share_chart

    register_fonts()
    for d in (bar_chart([("W" * 200, 3, 1), ("i" * 40, 1, 1)], 500), share_chart("T", [("M" * 90, 4)], 500)):
        chart = next(c for c in d.contents if isinstance(c, HorizontalBarChart))
        for name in chart.categoryAxis.categoryNames:
            assert stringWidth(name, "DejaVu", chart.categoryAxis.labels.fontSize) <= chart.x - 3, name
    assert bar_chart([("i" * 40, 1, 1)], 500).contents[0].categoryAxis.categoryNames == ["i" * 40]


def test_grouped_items_print_under_their_stem(iaow):
    qs = iaow
    doc = _fixed_docs("iaow-2013", 1)[2][0]
    doc.case = type(doc.case)(doc.case.id, doc.case.inspection_id, doc.case.reference,
                              {**doc.case.details, "case_type": "community_order"}, STAMP, STAMP)
    doc.answers = {k: v for k, v in doc.answers.items()}
    from storage.store import AnswerRow

    doc.answers["IAOW-1.1-01"] = AnswerRow("IAOW-1.1-01", "standard", "", False, STAMP, "A")
    text, _ = text_of(case_summary_pdf(doc))
    stem = qs.stem_text(qs.by_id["IAOW-1.1-05"])
    assert text.count(stem) == 1  # once, above the group
    at = text.index(stem)
    assert at < text.index("Based on risk of harm screening/ assessment") < text.index("1.1-09")


def test_the_batch_index_gives_each_case_its_first_page():
    """Replays the probe: the all-cases index had no page numbers."""
    from exports.pdf import batch_pdf

    _qs, ins, docs, _inputs = _fixed_docs("iaow-2013", 3)
    r = PdfReader(io.BytesIO(batch_pdf(docs, ins)))
    index = " ".join(r.pages[0].extract_text().split())
    assert "Case Assessor Status Answered Page" in index
    for d in docs:
        ref = d.case.reference
        after = index[index.index(ref):].split()
        first_page = int(next(w for w in after[1:] if w.isdigit() and int(w) > 1 and int(w) <= len(r.pages)
                              and f"Case summary: {ref}" in r.pages[int(w) - 1].extract_text()))
        page_text = " ".join(r.pages[first_page - 1].extract_text().split())
        assert f"Case summary: {ref}" in page_text
        assert f"Case summary: {ref}" not in " ".join(r.pages[first_page - 2].extract_text().split())


def test_percentages_over_few_cases_are_marked_and_explained(iaow):
    """The reports warn against close comparisons on small numbers (002_33b5c351f1ddcaaa.txt:121)."""
    from exports.pdf import findings_pdf
    from models.tabulate import SMALL_N

    doc = _fixed_findings("iaow-2013")  # 6 cases: every percentage rests on fewer than 10
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(findings_pdf(doc))).pages)
    assert f"rests on fewer than {SMALL_N} cases" in text
    outcomes = text[text.index("done well enough"):text.index("Criterion scores")]
    assert re.search(r"\d+%\*", outcomes) and not re.search(r"\d+%(?!\*)", outcomes)
