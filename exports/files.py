"""Writing files safely: a temporary file beside the target, fsync, rename.

A reader never sees a half-written file, and a crash leaves either the old
file or the new one.  :func:`atomic_write` takes the bytes at once;
:func:`atomic_output` lets a writer stream into the temporary file (large
exports keep memory flat).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class WriteError(Exception):
    """The file could not be written (disk full, no permission...)."""


def _fsync_folder(folder: Path) -> None:
    try:
        dfd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dfd)
    except OSError:
        pass
    finally:
        os.close(dfd)


@contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path`` to write into; when the block ends
    without an error it is synced and renamed over ``path``, otherwise removed.
    An OSError (also from the block) becomes :class:`WriteError`."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
        os.close(fd)
        yield Path(tmp_name)
        with open(tmp_name, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp_name, path)
        tmp_name = None
        _fsync_folder(folder)
    except OSError as e:
        raise WriteError(f"{path}: could not be written ({e.strerror or e}). Nothing was changed.") from e
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass


def atomic_write(path: Path, data: bytes) -> None:
    with atomic_output(path) as tmp:
        tmp.write_bytes(data)
