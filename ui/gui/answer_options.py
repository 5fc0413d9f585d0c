"""The answer area: one radio per option (a tick box on a multi-choice scale),
the key that chooses it shown beside it, and a strong selected state; on a
per-factor question one row per factor chosen earlier."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from models.questionset import QuestionSet, QuestionView, text_in
from ui.gui.colours import WalkColours, walk_colours
from ui.gui.widgets import clear_layout
from ui.ops.session import AnswerState

NA = "na"
# The chosen answer is unmistakable in any palette: the selection colours (deepened
# where needed so the text reads at 4.5:1, see ui.gui.colours), bold.
STYLE = """
QRadioButton, QCheckBox { padding: 7px 10px; border: 1px solid palette(mid); border-radius: 4px; }
QRadioButton:checked, QCheckBox:checked { font-weight: bold; background: %(bg)s;
    color: %(fg)s; border-color: %(bg)s; }
QRadioButton:disabled, QCheckBox:disabled { border-style: dashed; }
"""


def style_for(c: WalkColours) -> str:
    return STYLE % {"bg": c.chosen_bg.name(), "fg": c.chosen_fg.name()}


def unique_letters(options: list[tuple[str, str]]) -> dict[str, str]:
    """A letter key for every option (value -> letter), each used once.

    An option whose first letter no other option shares keeps it (Y for Yes,
    N for No); the others take the first free letter among their words'
    initials, then among the rest of their label, then the alphabet."""
    firsts: dict[str, list[str]] = {}
    for value, label in options:
        letter = label[:1].lower()
        if letter.isalpha():
            firsts.setdefault(letter, []).append(value)
    out = {vals[0]: letter for letter, vals in firsts.items() if len(vals) == 1}
    used = set(out.values())
    for value, label in options:
        if value in out:
            continue
        words = label.lower().split()
        candidates = [w[0] for w in words if w] + list(label.lower()) + list("abcdefghijklmnopqrstuvwxyz")
        pick = next((c for c in candidates if c.isascii() and c.isalpha() and c not in used), None)
        if pick is None:  # more than 26 options: the rest keep their numbers only
            break
        out[value] = pick
        used.add(pick)
    return out


class AnswerOptions(QWidget):
    """Shows one question's choices; says which the assessor picked."""

    chosen = Signal(str)  # an option's value (or "na") was clicked
    factor_chosen = Signal(str, object)  # factor, value (None when cleared)

    def __init__(self, qs: QuestionSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.qs = qs
        self.setStyleSheet(style_for(walk_colours(self.palette())))
        self.lay = QVBoxLayout(self)
        self.lay.setContentsMargins(0, 8, 0, 8)
        self.lay.setSpacing(4)
        self.group = QButtonGroup(self)
        self.buttons: list[QAbstractButton] = []
        self.factor_boxes: dict[str, QComboBox] = {}
        self.letter_keys: dict[str, str] = {}

    def _clear(self) -> None:
        for b in list(self.group.buttons()):
            self.group.removeButton(b)
        clear_layout(self.lay)
        self.buttons = []
        self.factor_boxes = {}
        self.letter_keys = {}

    def show_question(self, qv: QuestionView, st: AnswerState, source: AnswerState | None, enabled: bool) -> None:
        """Build the choices for ``qv`` with ``st`` selected; ``source`` is the
        factors answer a per-factor question follows."""
        self._clear()
        if qv.q.per_option_of:
            self._factors(qv, st, source.value if source else None, enabled)
            return
        multi = qv.scale.kind == "multi"
        self.group.setExclusive(not multi)
        options = [(o.value, text_in(o.label)) for o in qv.scale.options]
        if qv.scale.allow_na:
            options.append((NA, self.tr("N/A: does not apply to this case")))
        letters = unique_letters([(v, lab) for v, lab in options if v != NA])
        for i, (value, label) in enumerate(options):
            key = "0" if value == NA else (str(i + 1) if i < 9 else "")
            keys = " / ".join(k for k in (key, letters.get(value, "").upper()) if k)
            btn: QAbstractButton = QCheckBox() if multi else QRadioButton()
            btn.setText(f"{label}    [{keys}]" if keys else label)
            btn.setToolTip(self.tr("Press {0}").format(keys) if keys else "")
            btn.setAccessibleName(label)
            btn.setProperty("answer_value", value)
            btn.setEnabled(enabled)
            btn.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            btn.setChecked(value in st.value if multi and isinstance(st.value, list) else st.value == value)
            self.group.addButton(btn, i)
            btn.clicked.connect(lambda _c=False, v=value: self.chosen.emit(v))
            self.lay.addWidget(btn)
            btn.show()  # now, not on the next event loop turn: Tab can reach it at once
            self.buttons.append(btn)
        self.letter_keys = {letter: v for v, letter in letters.items()}

    def _factors(self, qv: QuestionView, st: AnswerState, chosen: Any, enabled: bool) -> None:
        src = self.qs.by_id[qv.q.per_option_of or ""].scale
        form = QFormLayout()
        holder = QWidget()
        holder.setLayout(form)
        current = st.value if isinstance(st.value, dict) else {}
        letters = unique_letters([(o.value, text_in(o.label)) for o in qv.scale.options])
        self.letter_keys = {letter: v for v, letter in letters.items()}  # a letter answers the next factor
        if not chosen:
            form.addRow(QLabel(self.tr("No factors chosen yet at {0}.").format(qv.q.per_option_of)))
        for opt in chosen or []:
            box = QComboBox()
            box.addItem(self.tr("— not answered —"), None)
            for i, o in enumerate(qv.scale.options):
                keys = " / ".join(k for k in (str(i + 1) if i < 9 else "", letters.get(o.value, "").upper()) if k)
                box.addItem(f"{text_in(o.label)}    [{keys}]" if keys else text_in(o.label), o.value)
            box.addItem(self.tr("N/A    [0]"), NA)
            box.setCurrentIndex(max(0, box.findData(current.get(opt))))
            src_opt = src.option(opt)
            label = text_in(src_opt.label) if src_opt else opt
            box.setAccessibleName(label)
            box.setEnabled(enabled)
            box.currentIndexChanged.connect(lambda _i, o=opt, b=box: self.factor_chosen.emit(o, b.currentData()))
            form.addRow(label, box)
            self.factor_boxes[opt] = box
        self.lay.addWidget(holder)
        holder.show()

    def checked_values(self) -> list[str]:
        return [b.property("answer_value") for b in self.buttons if b.isChecked()]

    def select(self, index: int) -> bool:
        """Choose the option at ``index`` (0-based), or N/A with index -1.

        On a per-factor question the key answers the first factor still
        unanswered, so the whole grid can be filled from the keyboard."""
        if self.factor_boxes:
            for box in self.factor_boxes.values():
                if box.currentData() is None and box.isEnabled():
                    target = box.count() - 1 if index == -1 else index + 1
                    if 0 < target < box.count():
                        box.setCurrentIndex(target)
                        return True
                    return False
            return False
        for pos, b in enumerate(self.buttons):
            v = b.property("answer_value")
            if (index == -1 and v == NA) or (index >= 0 and pos == index and v != NA):
                if not b.isEnabled():
                    return False
                b.click()
                return True
        return False

    def select_letter(self, letter: str) -> bool:
        value = self.letter_keys.get(letter)
        if value is None:
            return False
        if self.factor_boxes:
            values = [box.itemData(i) for box in list(self.factor_boxes.values())[:1] for i in range(1, box.count())]
            return self.select(values.index(value))
        idx = [b.property("answer_value") for b in self.buttons].index(value)
        return self.select(idx)
