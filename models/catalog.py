"""Loading question sets: the catalogue, and a checked cache of compiled sets.

Full validation (pydantic, :mod:`models.qs_schema`) runs only for a set file
that is new or changed.  Its outcome, the normalised dump of the validated
file, is kept in a cache folder that the *caller* chooses (``cache_dir``;
None means no cache).  A cache file is JSON, never pickle, and is checked,
never trusted blindly: on load its kind, the code version tag, the SHA-256 of
the source file and the digest of its own payload must all match, and the set
built from it still passes every cross-file check of
:mod:`models.qs_validate`.  Anything else (missing, unreadable, corrupt,
tampered, written by other code) silently falls back to full validation, which
rewrites the cache atomically (a temporary file, then ``os.replace``).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from models.qs_common import BUILTIN_DIR, FORMAT_VERSION, QuestionSetError
from models.qs_runtime import build
from models.qs_set import QuestionSet

CACHE_KIND = "case-assessor question-set cache"
# the modules whose code decides what a cached payload means: any change to
# one of them gives another version tag, so older cache files are not used
_CODE = ("qs_common.py", "qs_schema.py", "qs_runtime.py")


@cache
def cache_version() -> str | None:
    """The version tag of cache files: a digest of the code that makes and
    reads them.  None (no caching) when that code cannot be read."""
    h = hashlib.sha256(f"{CACHE_KIND} {FORMAT_VERSION}".encode())
    here = Path(__file__).parent
    try:
        for name in _CODE:
            h.update(name.encode() + b"\0" + (here / name).read_bytes())
    except OSError:
        return None
    return h.hexdigest()


def cache_path(cache_dir: Path, source: Path) -> Path:
    """Where the cache of ``source`` lives: one file per source file."""
    where = hashlib.sha256(str(source.resolve()).encode()).hexdigest()[:16]
    return cache_dir / f"{source.stem}-{where}.json"


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _from_cache(cache_dir: Path, path: Path, source_sha: str) -> QuestionSet | None:
    """The set from its cache file, or None when there is no usable one."""
    version = cache_version()
    if version is None:
        return None
    try:
        envelope = json.loads(cache_path(cache_dir, path).read_bytes())
        if not (
            isinstance(envelope, dict)
            and envelope.get("kind") == CACHE_KIND
            and envelope.get("version") == version
            and envelope.get("source_sha256") == source_sha
            and isinstance(envelope.get("payload"), str)
        ):
            return None
        payload: str = envelope["payload"]
        if _sha256(payload.encode("utf-8")) != envelope.get("payload_sha256"):
            return None
        return QuestionSet(build(json.loads(payload)), path)
    except Exception:  # noqa: BLE001 - any unreadable or odd cache means "no cache"
        return None


def _write_cache(cache_dir: Path, path: Path, source_sha: str, dump: dict[str, Any]) -> None:
    """Store the validated dump of ``path``, atomically; failures are ignored
    (the cache only saves time)."""
    version = cache_version()
    if version is None:
        return
    payload = json.dumps(dump, ensure_ascii=False, separators=(",", ":"))
    envelope = {
        "kind": CACHE_KIND,
        "version": version,
        "source": path.name,
        "source_sha256": source_sha,
        "payload_sha256": _sha256(payload.encode("utf-8")),
        "payload": payload,
    }
    target = cache_path(cache_dir, path)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(envelope, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, target)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def _parse(path: Path, source: bytes) -> dict[str, Any]:
    """The file's JSON object, or QuestionSetError saying why not."""
    try:
        raw = json.loads(source.decode("utf-8"))
    except UnicodeDecodeError as e:
        raise QuestionSetError(f"{path}: is not UTF-8 text") from e
    except json.JSONDecodeError as e:
        raise QuestionSetError(f"{path}: not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})") from e
    if not isinstance(raw, dict):
        raise QuestionSetError(f"{path}: the top level must be a JSON object")
    fmt = raw.get("format")
    if isinstance(fmt, int) and fmt > FORMAT_VERSION:
        raise QuestionSetError(
            f"{path}: written for a newer Case Assessor (format {fmt}; this version reads {FORMAT_VERSION})"
        )
    return raw


def validate_dict(raw: dict[str, Any], path: Path | None = None) -> QuestionSet:
    """Full validation of a parsed set (pydantic, then the cross-file checks)."""
    from models.qs_schema import validate  # pydantic: only when a set is validated in full

    return QuestionSet(build(validate(raw, path or "question set")), path)


def load_question_set(path: Path, cache_dir: Path | None = None) -> QuestionSet:
    """Load one question-set file, or raise QuestionSetError.

    With ``cache_dir``, a checked cache entry for the file's current contents
    is used when there is one, and written after a full validation."""
    try:
        source = path.read_bytes()
    except OSError as e:
        raise QuestionSetError(f"{path}: cannot be read ({e.strerror or e})") from e
    source_sha = _sha256(source)
    if cache_dir is not None:
        cached = _from_cache(cache_dir, path, source_sha)
        if cached is not None:
            return cached
    qs = validate_dict(_parse(path, source), path)
    if cache_dir is not None:
        _write_cache(cache_dir, path, source_sha, qs.data.to_json())
    return qs


def version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key of a version text: numbers compare as numbers ("1.10.0" after
    "1.9.0"), other parts as text after any number."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in version.replace("-", ".").split("."))


@dataclass
class Catalog:
    """Every question set found, by id and version, and the files refused with
    their reasons.  ``origin`` says where each (id, version) came from."""

    versions: dict[str, dict[str, QuestionSet]]
    errors: list[str]
    origin: dict[tuple[str, str], str] = field(default_factory=dict)

    @property
    def sets(self) -> dict[str, QuestionSet]:
        """The newest version of each set: what a new inspection is offered."""
        return {sid: self.newest(sid) for sid in sorted(self.versions)}

    def newest(self, set_id: str) -> QuestionSet:
        by_version = self.versions[set_id]
        return by_version[max(by_version, key=version_key)]

    def all(self) -> list[QuestionSet]:
        """Every version of every set, by id then version."""
        return [vs[v] for sid, vs in sorted(self.versions.items()) for v in sorted(vs, key=version_key)]

    def get(self, set_id: str, version: str | None = None) -> QuestionSet:
        """One version of a set (the newest when ``version`` is None)."""
        by_version = self.versions.get(set_id, {})
        qs = self.newest(set_id) if by_version and version is None else by_version.get(version or "")
        if qs is None:
            wanted = f"{set_id} version {version}" if version else set_id
            known = ", ".join(f"{q.id} {q.version}" for q in self.all()) or "none"
            raise QuestionSetError(f"unknown question set {wanted} (known: {known})")
        return qs


def load_catalog(dirs: Iterable[Path] | None = None, cache_dir: Path | None = None,
                 origins: Iterable[str] | None = None, base: Catalog | None = None) -> Catalog:
    """Load every ``*.json`` set in ``dirs`` (each folder named by the matching
    ``origins`` entry, default "built-in"); bad files are reported, not fatal.
    A second file with an (id, version) already loaded is refused, so a set
    installed later never replaces one loaded earlier (the built-in sets come
    first).  With ``base``, its sets come first and it is left unchanged."""
    cat = Catalog({k: dict(v) for k, v in base.versions.items()}, list(base.errors), dict(base.origin)) if base \
        else Catalog({}, [])
    folders = list(dirs) if dirs is not None else [BUILTIN_DIR]
    names = list(origins) if origins is not None else ["built-in"] * len(folders)
    for d, origin in zip(folders, names, strict=True):
        for path in sorted(Path(d).glob("*.json")):
            try:
                qs = load_question_set(path, cache_dir)
            except QuestionSetError as e:
                cat.errors.append(str(e))
                continue
            same = cat.versions.setdefault(qs.id, {})
            if qs.version in same:
                cat.errors.append(f"{path}: question set {qs.id!r} version {qs.version} is already defined by "
                                  f"{same[qs.version].path} ({cat.origin[(qs.id, qs.version)]}); not loaded")
                continue
            same[qs.version] = qs
            cat.origin[(qs.id, qs.version)] = origin
    return cat


_builtin: Catalog | None = None


def builtin_catalog(cache_dir: Path | None = None) -> Catalog:
    """The question sets shipped with the app, loaded once per process.

    ``cache_dir`` (the caller's choice; None: no cache) is used by the first
    call, which loads the sets; later calls return the same catalogue."""
    global _builtin
    if _builtin is None:
        _builtin = load_catalog(cache_dir=cache_dir)
    return _builtin
