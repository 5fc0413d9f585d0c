"""What every part of the question-set code shares: texts, stages, the error.

Nothing here imports pydantic, so the runtime path (a set compiled from a
checked cache) stays cheap to import.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from models.i18n import N_, language

FORMAT_VERSION = 1
BUILTIN_DIR = Path(__file__).with_name("question_sets")

# A translatable text: {"en": "...", "cy": "..."}.  English is required.
Text = dict[str, str]


def text_in(text: Text | None, lang: str | None = None) -> str:
    """The text in ``lang`` (default: the language in use, ``models.i18n``),
    falling back to English."""
    if not text:
        return ""
    return text.get(lang or language()) or text.get("en", "")


class Stage(StrEnum):
    """The stages of the offender's journey, in the order a case is read."""

    CASE_DETAILS = "case_details"
    ASSESSMENT_PLANNING = "assessment_planning"
    DELIVERY_REVIEW = "delivery_review"
    OUTCOMES = "outcomes"
    VICTIM_WORK = "victim_work"
    LEADERSHIP_MANAGEMENT = "leadership_management"

    @property
    def rank(self) -> int:
        return list(Stage).index(self)


STAGE_TITLES: dict[Stage, str] = {
    Stage.CASE_DETAILS: N_("Case details"),
    Stage.ASSESSMENT_PLANNING: N_("Assessment and planning"),
    Stage.DELIVERY_REVIEW: N_("Delivery and review"),
    Stage.OUTCOMES: N_("Outcomes"),
    Stage.VICTIM_WORK: N_("Victim work"),
    Stage.LEADERSHIP_MANAGEMENT: N_("Leadership and management (officer interview)"),
}


class QuestionSetError(Exception):
    """A question-set file that cannot be used.  The message names the file,
    the question (where there is one) and the problem."""
