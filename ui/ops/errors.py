"""Errors the user can act on, and the tuple screens and commands catch.

Environment problems (a full disk, a locked or read-only or corrupt database, a
wrong key, a bad file) arrive as one of :data:`USER_ERRORS` with a message fit
to show as it is.  Anything else is a bug and is left to fail loudly.
"""

from __future__ import annotations

from exports.errors import BundleError
from exports.files import WriteError
from exports.sample_csv import SampleError
from models.questionset import QuestionSetError
from storage.store import StorageError


class OpError(Exception):
    """A problem the user can act on; the message says what and what to do."""


USER_ERRORS: tuple[type[Exception], ...] = (
    OpError,
    StorageError,
    WriteError,
    SampleError,
    BundleError,
    QuestionSetError,
)
