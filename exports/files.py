"""Writing files safely: a temporary file beside the target, fsync, rename.

A reader never sees a half-written file, and a crash leaves either the old
file or the new one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class WriteError(Exception):
    """The file could not be written (disk full, no permission...)."""


def atomic_write(path: Path, data: bytes) -> None:
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp_name, path)
        tmp_name = None
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
    except OSError as e:
        raise WriteError(f"{path}: could not be written ({e.strerror or e}). Nothing was changed.") from e
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass
