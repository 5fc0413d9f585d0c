"""The walk-through's own colours, chosen from the palette in use so that text
stays readable (WCAG AA, 4.5:1) under a light or a dark palette.

Nothing here hard-codes a light background: each colour is derived from the
palette's window colour, and :func:`contrast` is the WCAG 2 contrast ratio the
tests hold every pair to."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

AA_TEXT = 4.5  # WCAG 2.1 AA for normal text


def _channel(c: float) -> float:
    c /= 255.0
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    """WCAG relative luminance of ``colour`` (0 black .. 1 white)."""
    return 0.2126 * _channel(colour.red()) + 0.7152 * _channel(colour.green()) + 0.0722 * _channel(colour.blue())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio between two opaque colours (1 .. 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def is_dark(palette: QPalette) -> bool:
    return luminance(palette.color(QPalette.ColorRole.Window)) < 0.25


@dataclass(frozen=True)
class WalkColours:
    """The colours the walk-through sets itself (everything else is the palette's)."""

    window: QColor  # the background the labels sit on
    text: QColor  # ordinary text (the breadcrumb uses it: never a pale grey)
    caution: QColor  # "does not apply because ..." and other cautions
    banner_bg: QColor  # the "marked complete" banner
    banner_fg: QColor
    banner_border: QColor
    chosen_bg: QColor  # the chosen answer: the selection colour, deepened until its text reads at 4.5:1
    chosen_fg: QColor

    def pairs(self) -> dict[str, tuple[QColor, QColor]]:
        """Every (text, background) pair the walk-through draws."""
        return {
            "breadcrumb": (self.text, self.window),
            "reason": (self.caution, self.window),
            "banner": (self.banner_fg, self.banner_bg),
            "chosen answer": (self.chosen_fg, self.chosen_bg),
        }


def walk_colours(palette: QPalette) -> WalkColours:
    """The walk-through's colours for ``palette``."""
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    if is_dark(palette):
        caution, bg, fg, border = "#ffc46b", "#4a3b00", "#fff4ce", "#c8a032"
    else:
        caution, bg, fg, border = "#7a4100", "#fff4ce", "#3b2f00", "#b08a20"
    chosen_fg = palette.color(QPalette.ColorRole.HighlightedText)
    chosen_bg = readable_behind(chosen_fg, palette.color(QPalette.ColorRole.Highlight))
    return WalkColours(window, text, QColor(caution), QColor(bg), QColor(fg), QColor(border), chosen_bg, chosen_fg)


def _shifted(moving: QColor, fixed: QColor, darker: bool, ratio: float) -> QColor:
    """``moving``, darkened or lightened in small steps (the hue kept) until it
    stands ``ratio`` apart from ``fixed``."""
    out = QColor(moving)
    for _ in range(40):
        if contrast(fixed, out) >= ratio:
            break
        out = out.darker(108) if darker else out.lighter(108)
    return out


def readable_behind(fg: QColor, bg: QColor) -> QColor:
    """``bg``, darkened (behind light text) or lightened (behind dark text) in small
    steps until ``fg`` on it reaches AA; the hue is kept."""
    return _shifted(bg, fg, luminance(fg) > 0.5, AA_TEXT)


def banner_style(c: WalkColours) -> str:
    return (f"QLabel {{ background: {c.banner_bg.name()}; color: {c.banner_fg.name()}; "
            f"border: 1px solid {c.banner_border.name()}; padding: 6px; }}")


def dark_palette() -> QPalette:
    """A dark palette like the desktops' dark themes (for screenshots and the contrast tests)."""
    p = QPalette()
    for role, colour in [
        (QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.WindowText, "#e8e8e8"),
        (QPalette.ColorRole.Base, "#1e1e1e"), (QPalette.ColorRole.AlternateBase, "#2f2f2f"),
        (QPalette.ColorRole.Text, "#e8e8e8"), (QPalette.ColorRole.Button, "#3a3a3a"),
        (QPalette.ColorRole.ButtonText, "#e8e8e8"), (QPalette.ColorRole.Highlight, "#2f6fcf"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"), (QPalette.ColorRole.ToolTipBase, "#3a3a3a"),
        (QPalette.ColorRole.ToolTipText, "#e8e8e8"), (QPalette.ColorRole.Mid, "#555555"),
        (QPalette.ColorRole.PlaceholderText, "#a0a0a0"),
    ]:
        p.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        # disabled buttons, menu items and fields read as disabled (4.5:1 on the window, still legible)
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#939393"))
    return p


AA_NON_TEXT = 3.0  # WCAG 2.1 1.4.11: bars and other graphics against what they sit on


def visible_on(colour: QColor, bg: QColor, ratio: float = AA_NON_TEXT) -> QColor:
    """``colour``, darkened (on a light background) or lightened (on a dark one)
    in small steps until it stands out from ``bg`` by ``ratio``; the hue is kept."""
    return _shifted(colour, bg, luminance(bg) > 0.25, ratio)


@dataclass(frozen=True)
class ChartColours:
    """The dashboard charts' colours for one palette: fills that stand out from
    the chart's background (3:1), text and the small-numbers flag that read on it (4.5:1)."""

    background: QColor
    alternate: QColor  # a table's alternate rows (the flag is read on them too)
    text: QColor
    small: QColor  # the small-numbers flag: "*" and its words
    track: QColor  # the unfilled rest of a score bar (it carries no figure)
    above: tuple[QColor, ...]  # answers above the line, first option first
    below: tuple[QColor, ...]  # answers below the line
    neutral: QColor  # scores and counts with no line

    def fill(self, above_line: bool | None, index: int) -> QColor:
        """The fill of the ``index``-th option above (or below) the line; ``neutral`` for no line."""
        if above_line is None:
            return self.neutral
        tones = self.above if above_line else self.below
        return tones[index % len(tones)]

    def fills(self) -> list[QColor]:
        return [*self.above, *self.below, self.neutral]

    def text_pairs(self) -> dict[str, tuple[QColor, QColor]]:
        return {"text": (self.text, self.background), "small": (self.small, self.background),
                "small on alternate rows": (self.small, self.alternate)}


def chart_colours(palette: QPalette) -> ChartColours:
    """The charts' colours for ``palette`` (light or dark), each held to WCAG AA."""
    bg = palette.color(QPalette.ColorRole.Base)
    dark = luminance(bg) < 0.25
    if dark:
        above, below, neutral, small = ("#5cc689", "#a6e3b8"), ("#ff8a80", "#ffb060", "#d7b0ff"), "#7fb0ff", "#ffc46b"
    else:
        above, below, neutral, small = ("#1b7a3e", "#5f9e2f"), ("#b3261e", "#c25e00", "#7b3fa0"), "#1d4f91", "#8a4a00"
    return ChartColours(
        background=bg,
        alternate=palette.color(QPalette.ColorRole.AlternateBase),
        text=palette.color(QPalette.ColorRole.Text),
        small=readable_on(readable_on(QColor(small), bg), palette.color(QPalette.ColorRole.AlternateBase)),
        track=palette.color(QPalette.ColorRole.Mid),
        above=tuple(visible_on(QColor(c), bg) for c in above),
        below=tuple(visible_on(QColor(c), bg) for c in below),
        neutral=visible_on(QColor(neutral), bg),
    )


def readable_on(colour: QColor, bg: QColor) -> QColor:
    """``colour`` as text on ``bg``: adjusted until it reads at 4.5:1."""
    return visible_on(colour, bg, AA_TEXT)
