"""The walk-through: one case, question by question, in journey order.

Widgets hold no business rules: applicability, progress, validation and saving
live in :class:`ui.ops.session.CaseSession`.  Every change is saved the moment it is
made; a failed save keeps the answer on screen, says so, and is retried.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.questionset import STAGE_TITLES, QuestionView, text_in
from models.scoring import fmt_pct
from ui.ops.session import AnswerState, CaseSession, SaveResult

log = logging.getLogger("case_assessor.ui")

NA = "na"
QID_ROLE = Qt.ItemDataRole.UserRole


class AnswerCommand(QUndoCommand):
    """One answer change, undoable; every do, undo and redo is saved and audited."""

    def __init__(self, view: AssessView, qid: str, old: AnswerState, new: AnswerState, text: str) -> None:
        super().__init__(text)
        self.view, self.qid, self.old, self.new = view, qid, old, new
        self.first = True

    def redo(self) -> None:
        self.view._store_answer(self.qid, self.new, "answer" if self.first else "redo")
        self.first = False

    def undo(self) -> None:
        self.view._store_answer(self.qid, self.old, "undo")


class AssessView(QWidget):
    """The assessment of one case."""

    status_message = Signal(str)
    save_state = Signal(str)  # "saved" / "unsaved"
    closed = Signal()
    changed = Signal()

    def __init__(self, session: CaseSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.s = session
        self.qs = session.qs
        self.undo = QUndoStack(self)
        self.retry = QTimer(self)
        self.retry.setInterval(2000)
        self.retry.timeout.connect(self._retry_pending)
        self.current: str = ""
        self._letter_keys: dict[str, str] = {}
        self._drawn_revision: tuple[int, int] = (-1, -1)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(700)
        self._note_timer.timeout.connect(self._commit_note)
        # where the assessor is: stored once they pause (and on leaving), not on every key press
        self._position_timer = QTimer(self)
        self._position_timer.setSingleShot(True)
        self._position_timer.setInterval(400)
        self._position_timer.timeout.connect(self._save_position)
        self._build()
        start = session.assessment.position
        if not start or start not in self.qs.by_id:
            start = session.next_unanswered() or self.qs.questions[0].id
        self.show_question(start)

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        head = QHBoxLayout()
        self.title = QLabel()
        f = self.title.font()
        f.setPointSizeF(f.pointSizeF() * 1.15)
        f.setBold(True)
        self.title.setFont(f)
        head.addWidget(self.title, 1)
        self.case_progress = QProgressBar()
        self.case_progress.setAccessibleName(self.tr("Case progress"))
        self.case_progress.setMinimumWidth(200)
        self.case_progress.setMaximumWidth(280)
        self.case_progress.setFormat(self.tr("%v of %m answered"))
        head.addWidget(self.case_progress)
        self.back_to_list = QPushButton(self.tr("Case list"))
        self.back_to_list.setToolTip(self.tr("Back to the case list (Ctrl+L)"))
        self.back_to_list.setAccessibleName(self.tr("Back to the case list"))
        self.back_to_list.clicked.connect(self.closed.emit)
        head.addWidget(self.back_to_list)
        outer.addLayout(head)

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("QLabel { background: #fff4ce; border: 1px solid #e0c060; padding: 6px; }")
        self.banner.hide()
        outer.addWidget(self.banner)

        split = QSplitter(Qt.Orientation.Horizontal)
        outer.addWidget(split, 1)

        # navigation tree
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Sections, criteria and questions"))
        self.tree.setMinimumWidth(220)
        self.tree.itemActivated.connect(self._tree_go)
        self.tree.itemClicked.connect(self._tree_go)
        split.addWidget(self.tree)
        self._tree_items: dict[str, QTreeWidgetItem] = {}
        self._crit_items: dict[str, QTreeWidgetItem] = {}
        for stage in dict.fromkeys(qv.stage for qv in self.qs.questions):
            st_item = QTreeWidgetItem([self.tr(STAGE_TITLES[stage])])
            bold = QFont(st_item.font(0))
            bold.setBold(True)
            st_item.setFont(0, bold)
            self.tree.addTopLevelItem(st_item)
            for qv in self.qs.questions:
                if qv.stage != stage:
                    continue
                code = qv.criterion.code
                if code not in self._crit_items:
                    ci = QTreeWidgetItem(st_item, [code])
                    self._crit_items[code] = ci
                qi = QTreeWidgetItem(self._crit_items[code], [""])
                qi.setData(0, QID_ROLE, qv.id)
                self._tree_items[qv.id] = qi
            st_item.setExpanded(True)

        # question panel
        centre = QWidget()
        cl = QVBoxLayout(centre)
        cl.setContentsMargins(12, 4, 12, 4)
        self.crumb = QLabel()
        self.crumb.setWordWrap(True)
        self.crumb.setStyleSheet("color: palette(mid);")
        cl.addWidget(self.crumb)
        self.crit_progress = QProgressBar()
        self.crit_progress.setAccessibleName(self.tr("Criterion progress"))
        self.crit_progress.setMaximumHeight(10)
        self.crit_progress.setTextVisible(False)
        cl.addWidget(self.crit_progress)
        self.wording = QLabel()
        self.wording.setWordWrap(True)
        self.wording.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        wf = self.wording.font()
        wf.setPointSizeF(wf.pointSizeF() * 1.25)
        self.wording.setFont(wf)
        self.wording.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        cl.addWidget(self.wording)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("color: #8a4b00; font-style: italic;")
        cl.addWidget(self.reason)
        self.guide_btn = QToolButton()
        self.guide_btn.setText(self.tr("Guidance"))
        self.guide_btn.setCheckable(True)
        self.guide_btn.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.guide_btn.setArrowType(Qt.ArrowType.RightArrow)
        self.guide_btn.setToolTip(self.tr("Show or hide the guidance (F2)"))
        self.guide_btn.setAccessibleName(self.tr("Show guidance"))
        self.guide_btn.toggled.connect(self._toggle_guidance)
        cl.addWidget(self.guide_btn)
        self.guidance = QLabel()
        self.guidance.setWordWrap(True)
        self.guidance.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.guidance.setFrameShape(QFrame.Shape.StyledPanel)
        self.guidance.setStyleSheet("QLabel { padding: 6px; }")
        self.guidance.hide()
        cl.addWidget(self.guidance)

        self.options_box = QWidget()
        self.options_layout = QVBoxLayout(self.options_box)
        self.options_layout.setContentsMargins(0, 8, 0, 8)
        # one style sheet for every answer button (set per button, it is re-parsed on each move)
        self.options_box.setStyleSheet("QPushButton { text-align: left; padding: 6px 10px; }")
        cl.addWidget(self.options_box)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.option_buttons: list[QAbstractButton] = []
        self.factor_boxes: dict[str, QComboBox] = {}

        self.practice = QCheckBox(self.tr("Practice illustration (Ctrl+P)"))
        self.practice.setAccessibleName(self.tr("Practice illustration"))
        self.practice.toggled.connect(self._practice_toggled)
        cl.addWidget(self.practice)
        note_label = QLabel(self.tr("&Note (Ctrl+E; Esc returns to the answers)"))
        self.note = QPlainTextEdit()
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("Evidence, reasons, page references…"))
        self.note.setMaximumHeight(110)
        self.note.setTabChangesFocus(True)
        note_label.setBuddy(self.note)
        self.note.textChanged.connect(self._note_edited)
        self.note.installEventFilter(self)
        cl.addWidget(note_label)
        cl.addWidget(self.note)

        nav = QHBoxLayout()
        self.prev_btn = QPushButton(self.tr("◀ Back"))
        self.prev_btn.setToolTip(self.tr("Previous question (Page Up)"))
        self.prev_btn.setAccessibleName(self.tr("Previous question"))
        self.prev_btn.clicked.connect(lambda: self.go(False))
        self.next_btn = QPushButton(self.tr("Next ▶"))
        self.next_btn.setToolTip(self.tr("Next question (Enter or Page Down)"))
        self.next_btn.setAccessibleName(self.tr("Next question"))
        self.next_btn.clicked.connect(lambda: self.go(True))
        self.todo_btn = QPushButton(self.tr("Next unanswered"))
        self.todo_btn.setToolTip(self.tr("Jump to the next unanswered question (Ctrl+J)"))
        self.todo_btn.setAccessibleName(self.tr("Next unanswered question"))
        self.todo_btn.clicked.connect(self.go_unanswered)
        nav.addWidget(self.prev_btn)
        nav.addStretch(1)
        nav.addWidget(self.todo_btn)
        nav.addWidget(self.next_btn)
        cl.addStretch(1)
        cl.addLayout(nav)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(centre)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        split.addWidget(scroll)

        # live scores
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(4, 0, 0, 0)
        rl.addWidget(QLabel(self.tr("<b>Scores for this case</b>")))
        self.conflict_note = QLabel()
        self.conflict_note.setWordWrap(True)
        self.conflict_note.setStyleSheet("color: #b3261e; font-weight: bold;")
        n_open = self.s.open_conflicts()
        self.conflict_note.setText(
            self.tr("⚠ {0} unresolved merge conflicts in this case: these scores may change.").format(n_open))
        self.conflict_note.setVisible(bool(n_open))
        rl.addWidget(self.conflict_note)
        self.score_tree = QTreeWidget()
        self.score_tree.setColumnCount(2)
        self.score_tree.setHeaderLabels([self.tr("Outcome / criterion"), self.tr("Score")])
        self.score_tree.setAccessibleName(self.tr("Scores for this case"))
        self.score_tree.setRootIsDecorated(False)
        self.score_tree.header().setStretchLastSection(False)
        self.score_tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.score_tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        rl.addWidget(self.score_tree, 2)
        rl.addWidget(QLabel(self.tr("<b>Below the line</b>")))
        self.below = QListWidget()
        self.below.setAccessibleName(self.tr("Questions below the line"))
        self.below.setWordWrap(True)
        self.below.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.below.itemActivated.connect(self._below_go)
        self.below.itemClicked.connect(self._below_go)
        rl.addWidget(self.below, 1)
        right.setMinimumWidth(200)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        split.setStretchFactor(2, 2)
        split.setSizes([260, 700, 260])

        # keyboard
        for seq, fn in [
            ("Ctrl+Z", self.undo.undo),
            ("Ctrl+Y", self.undo.redo),
            ("Ctrl+Shift+Z", self.undo.redo),
            ("Ctrl+J", self.go_unanswered),
            ("Ctrl+E", self.note.setFocus),
            ("Ctrl+P", self.practice.toggle),
            ("F2", self.guide_btn.toggle),
            ("Ctrl+L", self.closed.emit),
        ]:
            sc = QShortcut(QKeySequence(seq), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(fn)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    # ------------------------------------------------------------------ display
    def qv(self, qid: str | None = None) -> QuestionView:
        return self.qs.by_id[qid or self.current]

    @property
    def pending(self) -> dict[str, tuple[AnswerState, str]]:
        """Answers kept on screen until the store takes them (the session's queue)."""
        return self.s.pending

    def state(self, qid: str) -> AnswerState:
        return self.s.state(qid)

    def show_question(self, qid: str) -> None:
        """Navigate to a question (committing the note being typed first)."""
        self._commit_note()
        self._display(qid)

    def _display(self, qid: str) -> None:
        self.current = qid
        qv = self.qv()
        app = self.s.applicability()[qid]
        crit = qv.criterion
        self.title.setText(
            self.tr("Case {0} · {1}").format(self.s.case.reference, self.qs.title())
        )
        self.crumb.setText(
            f"{self.tr(STAGE_TITLES[qv.stage])} › {crit.code} {text_in(crit.title)} › {qv.id}"
            + ("" if qv.q.scored else self.tr("  (data item, not scored)"))
        )
        self.wording.setText(text_in(qv.q.text))
        self.guidance.setText(text_in(qv.q.guidance) or self.tr("No guidance for this question."))
        self.reason.setText(self.s.reason(qid))
        self.reason.setVisible(app is not True)
        self._build_options(qv, app is True and not self.s.complete)
        st = self.state(qid)
        typing = self.note.hasFocus() and self.note.toPlainText() == st.note
        if not typing:
            self.note.blockSignals(True)
            self.note.setPlainText(st.note)
            self.note.blockSignals(False)
        self.practice.blockSignals(True)
        self.practice.setChecked(st.practice)
        self.practice.blockSignals(False)
        editable = not self.s.complete
        self.note.setReadOnly(not editable)
        self.practice.setEnabled(editable)
        self.banner.setVisible(self.s.complete)
        if self.s.complete:
            self.banner.setText(self.tr("This case is marked complete and is read-only. Use Case › Reopen (Ctrl+R) to change it."))
        self._refresh_side()
        item = self._tree_items[qid]
        self.tree.setCurrentItem(item)
        self.tree.scrollToItem(item)
        self._position_timer.start()
        if not typing:
            self.setFocus()

    def _clear_options(self) -> None:
        for b in list(self.group.buttons()):
            self.group.removeButton(b)
        while self.options_layout.count():
            item = self.options_layout.takeAt(0)
            w = item.widget()
            if w is not None:
                w.hide()
                w.deleteLater()
        self.option_buttons = []
        self.factor_boxes = {}

    def _build_options(self, qv: QuestionView, enabled: bool) -> None:
        self._clear_options()
        st = self.state(qv.id)
        if qv.q.per_option_of:
            chosen = self.state(qv.q.per_option_of).value or []
            src = self.qs.by_id[qv.q.per_option_of].scale
            form = QFormLayout()
            holder = QWidget()
            holder.setLayout(form)
            current = st.value if isinstance(st.value, dict) else {}
            if not chosen:
                form.addRow(QLabel(self.tr("No factors chosen yet at {0}.").format(qv.q.per_option_of)))
            for opt in chosen:
                box = QComboBox()
                box.addItem(self.tr("— not answered —"), None)
                for o in qv.scale.options:
                    box.addItem(text_in(o.label), o.value)
                box.addItem(self.tr("N/A"), NA)
                box.setCurrentIndex(max(0, box.findData(current.get(opt))))
                label = text_in(src.option(opt).label) if src.option(opt) else opt
                box.setAccessibleName(label)
                box.setEnabled(enabled)
                box.currentIndexChanged.connect(lambda _i, o=opt, b=box: self._factor_changed(o, b))
                form.addRow(label, box)
                self.factor_boxes[opt] = box
            self.options_layout.addWidget(holder)
            self._letter_keys = {}
            return
        multi = qv.scale.kind == "multi"
        self.group.setExclusive(not multi)
        options = [(o.value, text_in(o.label), o.above_line) for o in qv.scale.options]
        if qv.scale.allow_na:
            options.append((NA, self.tr("N/A: does not apply to this case"), False))
        letters = self._letters([(v, lab) for v, lab, _a in options if v != NA])
        for i, (value, label, _above) in enumerate(options):
            key = "0" if value == NA else (str(i + 1) if i < 9 else "")
            btn: QAbstractButton
            text = f"{key}   {label}" if key else label
            btn = QCheckBox(text) if multi else QPushButton(text)
            btn.setCheckable(True)
            if isinstance(btn, QPushButton):
                btn.setMinimumHeight(34)
            tip = self.tr("Press {0}").format(key) if key else ""
            if value in letters:
                tip += self.tr(" or {0}").format(letters[value])
            btn.setToolTip(tip)
            btn.setAccessibleName(label)
            btn.setProperty("answer_value", value)
            btn.setEnabled(enabled)
            btn.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            if multi:
                btn.setChecked(isinstance(st.value, list) and value in st.value)
            else:
                btn.setChecked(st.value == value)
            self.group.addButton(btn, i)
            btn.clicked.connect(lambda _c=False, v=value: self._option_clicked(v))
            self.options_layout.addWidget(btn)
            self.option_buttons.append(btn)
        self._letter_keys = {letter: v for v, letter in letters.items()}

    def _letters(self, options: list[tuple[str, str]]) -> dict[str, str]:
        """First letters unique among the options' labels (value -> letter)."""
        firsts: dict[str, list[str]] = {}
        for value, label in options:
            letter = label[:1].lower()
            if letter.isalpha():
                firsts.setdefault(letter, []).append(value)
        return {vals[0]: letter for letter, vals in firsts.items() if len(vals) == 1}

    def _refresh_side(self) -> None:
        if self._drawn_revision != (self.s.revision, len(self.pending)):
            self._refresh_answers_view()
            self._drawn_revision = (self.s.revision, len(self.pending))
        crit_code = self.qv().criterion.code
        qids = [qv.id for qv in self.qs.questions if qv.criterion.code == crit_code]
        d, t = self.s.progress(qids)
        self.crit_progress.setMaximum(max(t, 1))
        self.crit_progress.setValue(d)
        self.crit_progress.setToolTip(self.tr("{0} of {1} answered in criterion {2}").format(d, t, crit_code))
        self.prev_btn.setEnabled(self.s.step(self.current, False) is not None)
        self.next_btn.setEnabled(self.s.step(self.current, True) is not None)

    def _refresh_answers_view(self) -> None:
        """Redraw what depends on the answers: tree marks, progress, live scores."""
        app = self.s.applicability()
        done, total = self.s.progress()
        self.case_progress.setMaximum(max(total, 1))
        self.case_progress.setValue(done)
        for code, ci in self._crit_items.items():
            qids = [ci.child(i).data(0, QID_ROLE) for i in range(ci.childCount())]
            d, t = self.s.progress(qids)
            ci.setText(0, f"{code} {text_in(self.qs.criteria[code].title)}  ({d}/{t})")
            ci.setToolTip(0, ci.text(0))
        kept = set(self.s.kept_inapplicable())
        for qid, item in self._tree_items.items():
            a = app[qid]
            answered = self.s.is_answered(qid) or qid in self.pending
            mark = "✓ " if answered and a is True else ("• " if a is True else "– ")
            text = f"{mark}{qid.split('-', 1)[-1]}  {text_in(self.qs.by_id[qid].q.text)}"
            if qid in kept:
                text += self.tr("  [answer kept, not scored]")
            item.setText(0, text)
            item.setToolTip(0, text_in(self.qs.by_id[qid].q.text) + ("\n" + self.s.reason(qid) if a is not True else ""))
            item.setDisabled(a is False)
        scores = self.s.scores()
        self.score_tree.clear()
        for gid, value in scores["groups"].items():
            g = self.qs.groups[gid]
            QTreeWidgetItem(self.score_tree, [text_in(g.short or g.title), fmt_pct(value)])
        for code, value in scores["criteria"].items():
            QTreeWidgetItem(self.score_tree, [f"   {code}", fmt_pct(value)])
        self.score_tree.resizeColumnToContents(1)
        self.below.clear()
        for qid in scores["below_line"]:
            it = QListWidgetItem(f"{qid}  {text_in(self.qs.by_id[qid].q.text)}")
            it.setData(QID_ROLE, qid)
            it.setToolTip(text_in(self.qs.by_id[qid].q.text))
            self.below.addItem(it)

    def _toggle_guidance(self, on: bool) -> None:
        self.guidance.setVisible(on)
        self.guide_btn.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)

    # ------------------------------------------------------------------ navigation
    def go(self, forward: bool) -> None:
        target = self.s.step(self.current, forward)
        if target:
            self.show_question(target)
        else:
            self.status_message.emit(self.tr("End of the case.") if forward else self.tr("Start of the case."))

    def go_unanswered(self) -> None:
        target = self.s.next_unanswered(self.current)
        if target:
            self.show_question(target)
        else:
            self.status_message.emit(self.tr("Every applicable question is answered."))

    def _tree_go(self, item: QTreeWidgetItem, _col: int = 0) -> None:
        qid = item.data(0, QID_ROLE)
        if qid and qid != self.current:
            self.show_question(qid)

    def _below_go(self, item: QListWidgetItem) -> None:
        self.show_question(item.data(QID_ROLE))

    # ------------------------------------------------------------------ answering
    def _apply(self, qid: str, new: AnswerState, label: str) -> None:
        old = self.state(qid)
        if old.as_tuple() == new.as_tuple():
            return
        if self.s.complete:
            self.status_message.emit(self.tr("This case is complete; reopen it to change answers."))
            return
        self.undo.push(AnswerCommand(self, qid, AnswerState(*old.as_tuple()), new, label))

    def _option_clicked(self, value: str) -> None:
        qv = self.qv()
        st = self.state(self.current)
        if qv.scale.kind == "multi":
            chosen = [b.property("answer_value") for b in self.option_buttons if b.isChecked()]
            order = [o.value for o in qv.scale.options]
            new_value: Any = sorted(chosen, key=order.index) or None
        else:
            new_value = value
        self._apply(self.current, AnswerState(new_value, st.note, st.practice), self.tr("Answer {0}").format(self.current))

    def _factor_changed(self, opt: str, box: QComboBox) -> None:
        st = self.state(self.current)
        current = dict(st.value) if isinstance(st.value, dict) else {}
        v = box.currentData()
        if v is None:
            current.pop(opt, None)
        else:
            current[opt] = v
        self._apply(self.current, AnswerState(current or None, st.note, st.practice), self.tr("Answer {0}").format(self.current))

    def _practice_toggled(self, on: bool) -> None:
        st = self.state(self.current)
        self._apply(self.current, AnswerState(st.value, st.note, on), self.tr("Practice flag {0}").format(self.current))

    def _note_edited(self) -> None:
        self.save_state.emit("editing")
        self._note_timer.start()

    def _commit_note(self) -> None:
        self._note_timer.stop()
        if not self.current:
            return
        text = self.note.toPlainText()
        st = self.state(self.current)
        if text != st.note:
            self._apply(self.current, AnswerState(st.value, text, st.practice), self.tr("Note {0}").format(self.current))

    def select_option(self, index: int) -> bool:
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
        if not self.option_buttons:
            return False
        for b in self.option_buttons:
            v = b.property("answer_value")
            pos = self.option_buttons.index(b)
            if (index == -1 and v == NA) or (index >= 0 and pos == index and v != NA):
                if not b.isEnabled():
                    return False
                b.click()
                return True
        return False

    def _store_answer(self, qid: str, state: AnswerState, action: str) -> None:
        """Save now; on failure the session keeps it pending (shown) and the timer retries."""
        self._show_save(self.s.submit(qid, state, action))
        self._display(qid)
        self.changed.emit()

    def _show_save(self, result: SaveResult) -> bool:
        if result.refused:
            self.status_message.emit(result.refused)
        if result.message:
            self.save_state.emit("unsaved")
            self.status_message.emit(
                self.tr("Not saved: {0} Your answer is kept on screen and will be retried.").format(result.message))
            if not self.retry.isActive():
                self.retry.start()
        elif result.saved:
            self.retry.stop()
            self.save_state.emit("saved")
        return result.saved

    def _retry_pending(self) -> None:
        if self._show_save(self.s.retry_pending()):
            self._refresh_side()

    # ------------------------------------------------------------------ keys
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods == Qt.KeyboardModifier.NoModifier:
            if Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
                if self.select_option(key - Qt.Key.Key_1):
                    return
            elif key == Qt.Key.Key_0:
                if self.select_option(-1):
                    return
            elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_PageDown):
                self.go(True)
                return
            elif key == Qt.Key.Key_PageUp:
                self.go(False)
                return
            elif event.text() and event.text().lower() in self._letter_keys:
                value = self._letter_keys[event.text().lower()]
                idx = [b.property("answer_value") for b in self.option_buttons].index(value)
                if self.select_option(idx):
                    return
        super().keyPressEvent(event)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is self.note:
            if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                if event.key() == Qt.Key.Key_Escape:
                    self._commit_note()
                    self.setFocus()
                    return True
            elif event.type() == QEvent.Type.FocusOut:
                self._commit_note()
        return super().eventFilter(obj, event)

    def _save_position(self) -> None:
        self._position_timer.stop()
        self.s.remember_position(self.current)  # a convenience: a failure is ignored there

    def flush_all(self) -> bool:
        """Commit the note being typed and any pending answers; True if all stored."""
        self._commit_note()
        if self.pending and not self._show_save(self.s.retry_pending()):
            return False
        self._save_position()  # last: answers first, and nothing re-arms the timer after it
        return True
