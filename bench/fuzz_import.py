"""Fuzz the importers with atheris (coverage-guided; Linux).

    pip install 'case-assessor[fuzz]'     # atheris
    python bench/fuzz_import.py -max_total_time=300 -timeout=5

Every input goes through the readers of outside files: the bundle reader
(strict JSON + schema + question-set checks), the secure-file opener (age
decryption + signature), the pack reader and the sample CSV reader; and, as a
trusted assessor's key could send it, **inside valid age encryption to the
lead's key and a valid signature**: the bytes as a signed export's payload go
through the lead's whole merge (every file refused with a reason or merged,
never an exception), and as a signed envelope's plain text through
``open_sealed``.  Any exception other
than their documented "refused, with a reason" errors is a crash; an input
taking over -timeout seconds is a hang.  Both end the run with a reproducer.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("CASE_ASSESSOR_KEYS", "/tmp/case-assessor-fuzz-keys")

import atheris  # noqa: E402

with atheris.instrument_imports():
    from exports import bundle, pack
    from exports.sample_csv import SampleError, parse_sample
    from exports.secure import SecureError, open_sealed, seal
    from models.questionset import builtin_catalog
    from storage.store import Store
    from ui.ops import exchange
    from ui.ops.workspace import Workspace

from bench.custody import passphrase_custody  # noqa: E402

Path(os.environ["CASE_ASSESSOR_KEYS"]).mkdir(mode=0o700, parents=True, exist_ok=True)
_CUSTODY = passphrase_custody(Path(os.environ["CASE_ASSESSOR_KEYS"]))  # held for the whole run
_CUSTODY.__enter__()
CATALOG = builtin_catalog()
QS = CATALOG.get("iaow-2013")
KEY = exchange.signing_key()  # the fuzzing "assessor" (trusted below) is also the lead here: one key folder
LEAD = Workspace(Store(":memory:"))
LEAD.set_setting("assessor_name", "Lead")
RECIPIENT = str(exchange.lead_identity().to_public())
FOLDER = Path(os.environ["CASE_ASSESSOR_KEYS"]).parent / "case-assessor-fuzz-files"
FOLDER.mkdir(exist_ok=True)
TRUST = [f"Fuzz={KEY.fingerprint}"]


def one_input(data: bytes) -> None:
    try:
        bundle.parse(data, CATALOG, source="fuzz")
    except bundle.BundleError:
        pass
    try:
        open_sealed(data, passphrase="fuzz", kind="export")
    except SecureError:
        pass
    try:
        parse_sample(data, QS)
    except SampleError:
        pass
    try:
        pack.parse(data)
    except pack.PackError:
        pass
    # hostile bytes a trusted key could sign and encrypt to the lead: the whole merge must cope
    path = FOLDER / "signed.export"
    path.write_bytes(seal(data, "export", KEY, "Fuzz", "2026-01-01T00:00:00Z", recipients=[RECIPIENT]))
    result = exchange.merge_files(LEAD, [path], trust=TRUST).files[0]
    assert result.status in ("refused", "unchanged") and result.reason, result


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
