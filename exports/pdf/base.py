"""What every printed document shares: fonts, styles, the page furniture and
the document template.

Every page carries the OFFICIAL-SENSITIVE protective marking in its header and
footer and "Page x of y".  Output is A4, with the DejaVu fonts embedded (so
Welsh letters such as ŵ and ŷ print), and is byte-for-byte deterministic
(reportlab's invariant mode).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from models.i18n import N_, gettext_for, language
from models.questionset import Text, text_in

MARKING = "OFFICIAL-SENSITIVE"
FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"
ACCENT = colors.HexColor("#1d4f91")
ABOVE = colors.HexColor("#1b7a3e")
BELOW = colors.HexColor("#b3261e")
PRACTICE_BG = colors.HexColor("#fff4c2")
GRID = colors.HexColor("#c8ccd2")
HEAD_BG = colors.HexColor("#e8edf5")
STEM_BG = colors.HexColor("#f3f4f6")  # the row that carries a group's stem
MUTED = colors.HexColor("#555b66")

Styles = dict[str, ParagraphStyle]


class Cancelled(Exception):
    """Batch printing was cancelled; nothing was written."""


_fonts_ready = False


def register_fonts() -> None:
    """Register the embedded DejaVu family with reportlab (once per process)."""
    global _fonts_ready
    if _fonts_ready:
        return
    pdfmetrics.registerFont(TTFont("DejaVu", str(FONT_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(FONT_DIR / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFont(TTFont("DejaVu-Oblique", str(FONT_DIR / "DejaVuSans-Oblique.ttf")))
    pdfmetrics.registerFontFamily("DejaVu", normal="DejaVu", bold="DejaVu-Bold", italic="DejaVu-Oblique",
                                  boldItalic="DejaVu-Bold")
    _fonts_ready = True


def styles() -> Styles:
    """The paragraph styles, by name (registers the fonts first)."""
    register_fonts()
    base = ParagraphStyle("base", fontName="DejaVu", fontSize=8.8, leading=11.2)
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.6, leading=9.4),
        "muted": ParagraphStyle("muted", parent=base, fontSize=7.6, leading=9.4, textColor=MUTED),
        "title": ParagraphStyle("title", parent=base, fontName="DejaVu-Bold", fontSize=16, leading=20,
                                textColor=ACCENT, spaceAfter=4),
        "h1": ParagraphStyle("h1", parent=base, fontName="DejaVu-Bold", fontSize=12, leading=15, textColor=ACCENT,
                             spaceBefore=8, spaceAfter=4),
        "h2": ParagraphStyle("h2", parent=base, fontName="DejaVu-Bold", fontSize=9.8, leading=12.5, spaceBefore=6,
                             spaceAfter=3),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.2, leading=10.2),
        "cellb": ParagraphStyle("cellb", parent=base, fontName="DejaVu-Bold", fontSize=8.2, leading=10.2),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
        "stem": ParagraphStyle("stem", parent=base, fontName="DejaVu-Oblique", fontSize=8.2, leading=10.2),
    }


def P(text: str, style: ParagraphStyle) -> Paragraph:  # noqa: N802
    """A paragraph of plain text (escaped; line breaks kept)."""
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def canvas_class(doc_label: str, langs: Sequence[str] = ("en",)) -> type[rl_canvas.Canvas]:
    """A canvas that draws the marking, the label and 'Page x of y' once the
    page count is known, and any text a flowable asked to have written then
    (``draw_later``: the cover index's page numbers).  "Page x of y" is in
    each of ``langs``."""

    page_words = [gettext_for(lang)(N_("Page {0} of {1}")) for lang in langs]  # both, in a bilingual document

    class NumberedCanvas(rl_canvas.Canvas):  # type: ignore[misc]  # reportlab is untyped
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("initialFontName", "DejaVu")  # every font in the file is embedded
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []
            self._later: dict[int, list[tuple[float, float, Callable[[], str]]]] = {}

        def draw_later(self, x: float, y: float, text: Callable[[], str]) -> None:
            """Write ``text()`` at (x, y) of the current page when the document is saved."""
            ax, ay = self.absolutePosition(x, y)
            self._later.setdefault(self._pageNumber, []).append((ax, ay, text))

        def showPage(self) -> None:  # noqa: N802
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._furniture(total)
                for x, y, text in self._later.get(self._pageNumber, []):
                    self.setFont("DejaVu", 8.2)
                    self.drawString(x, y, text())
                super().showPage()
            super().save()

        def _furniture(self, total: int) -> None:
            w, h = A4
            self.saveState()
            self.setFillColor(BELOW)
            self.setFont("DejaVu-Bold", 9)
            self.drawCentredString(w / 2, h - 10 * mm, MARKING)
            self.drawCentredString(w / 2, 7 * mm, MARKING)
            self.setFillColor(MUTED)
            self.setFont("DejaVu", 7.5)
            label = doc_label if len(doc_label) <= 48 else doc_label[:47] + "…"
            self.drawString(16 * mm, 7 * mm, label)
            self.drawRightString(w - 16 * mm, 7 * mm, " / ".join(pw.format(self._pageNumber, total) for pw in page_words))
            self.setStrokeColor(GRID)
            self.line(16 * mm, h - 12 * mm, w - 16 * mm, h - 12 * mm)
            self.line(16 * mm, 10 * mm, w - 16 * mm, 10 * mm)
            self.restoreState()

    return NumberedCanvas


def new_doc(target: io.BytesIO | str, title: str) -> SimpleDocTemplate:
    """An A4 document template in reportlab's invariant (deterministic) mode.

    The file's metadata is neutral: ``title`` names the kind of document (never
    a case, inspection or person), the subject is the protective marking."""
    return SimpleDocTemplate(
        target,
        pagesize=A4,
        leftMargin=16 * mm,
        rightMargin=16 * mm,
        topMargin=17 * mm,
        bottomMargin=15 * mm,
        title=title,
        subject=MARKING,
        author="Case Assessor",
        creator="Case Assessor",
        invariant=1,
        initialFontName="DejaVu",
        initialFontSize=9,
    )


class Outline(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """A PDF bookmark (and outline entry) at this point of the story."""

    def __init__(self, key: str, title: str, level: int = 0) -> None:
        super().__init__()
        self.key, self.title, self.level = key, title, level
        self.width = self.height = 0

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level)


def table(rows: list[list[Any]], widths: Sequence[float], *, header: bool = True,
          extra: Iterable[tuple[Any, ...]] = ()) -> Table:
    """A gridded table in the document's font; the header row (if any) is
    shaded, bold and repeated on each page."""
    t = Table(rows, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT", splitInRow=1)
    style = [
        ("FONT", (0, 0), (-1, -1), "DejaVu", 8.2),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if header:
        style += [("BACKGROUND", (0, 0), (-1, 0), HEAD_BG), ("FONT", (0, 0), (-1, 0), "DejaVu-Bold", 8.2)]
    t.setStyle(TableStyle(style + list(extra)))
    return t


def words(text: Text | None, lang: str | None) -> str:
    """A question set's text in ``lang`` (default: the language in use); where
    the set has none in that language, the English marked "[in English]" in
    ``lang`` (never silently)."""
    lang = lang or language()
    if lang == "en" or not text or text.get(lang):
        return text_in(text, lang)
    marker = gettext_for(lang)(N_("[in English]"))
    return f"{text_in(text, 'en')} {marker}"
