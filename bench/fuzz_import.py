"""Fuzz the importers with atheris (coverage-guided; Linux).

    pip install 'case-assessor[fuzz]'     # atheris
    python bench/fuzz_import.py -max_total_time=300 -timeout=5

Every input goes through the three readers of outside files: the bundle
reader (strict JSON + schema + question-set checks), the secure-file opener
(age decryption + signature) and the sample CSV reader.  Any exception other
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
    from exports import bundle
    from exports.sample_csv import SampleError, parse_sample
    from exports.secure import SecureError, open_sealed
    from models.questionset import builtin_catalog

CATALOG = builtin_catalog()
QS = CATALOG.get("iaow-2013")


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


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
