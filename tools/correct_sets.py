"""Write the corrected versions (1.1.0) of the built-in question sets from their 1.0.0 files.

Issue 17 asked for four applicability rules to be checked against the seed
reports and corrected where the evidence supports it.  Each correction below
names its evidence; the new files are data like any other set (validated, every
source quote checked against the seeds by the tests).  Run from the repository
root after changing a 1.0.0 file, so the corrections carry its other changes:

    python tools/correct_sets.py

Not corrected, with the reason (docs/question-sets.md, "Journey order"): the
IAOW order "assess (3.1, 4.1) before planning (2.1)" comes from a copy of the
2013 tool outside the seeds, and the set's own 3.1 plan items (3.1-10 to 13)
are asked only when there is a sentence plan (2.1-08), which that order would
put after them.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

SETS = Path(__file__).resolve().parent.parent / "models" / "question_sets"
YORK, TR, TV = "003_b64db95b1e64ce7a.txt", "001_4afb5bcd615a4c5e.txt", "002_33b5c351f1ddcaaa.txt"
NEW_VERSION = "1.1.0"


def _question(data: dict[str, Any], qid: str) -> dict[str, Any]:
    return next(q for q in data["questions"] if q["id"] == qid)


def _note(q: dict[str, Any], text: str) -> None:
    """Say why the version changed the question, where readers of its origin look."""
    key = "provenance" if "provenance" in q else "guidance"
    old = q.get(key, {}).get("en", "")
    q[key] = {**q.get(key, {}), "en": (old + " " if old else "") + text}


def _source(q: dict[str, Any], seed: str, line: int, quote: str) -> None:
    if not any(s["seed"] == seed and s["line"] == line for s in q["sources"]):
        q["sources"].append({"seed": seed, "line": line, "quote": quote})


def iaow(data: dict[str, Any]) -> str:
    q = _question(data, "IAOW-2.1-22")
    q.pop("applies", None)
    q["applies_note"] = {"en": "All cases"}
    _source(q, YORK, 879, "involved in the case to achieve sentence planning objectives")
    _note(q, f"Version {NEW_VERSION}: asked of every case. York's data-summary chart counts an answer for all 49 "
             "cases (43 and 6, 003:L876-L879); 1.0.0 asked it only when the initial sentence plan was timely or late.")
    q = _question(data, "IAOW-4.1-19")
    q.pop("applies", None)
    q["applies_note"] = {"en": "All cases (N/A where no work to manage the risk of harm was relevant)"}
    _source(q, YORK, 1545, "all plans and arrangements to 24 13")
    _note(q, f"Version {NEW_VERSION}: asked of every case, N/A where no risk-of-harm work was relevant. York's chart "
             "has 37 answers (24 and 13, 003:L1545) where the medium-or-higher RoSH population that 1.0.0 limited "
             "it to is 32.")
    return ("Version 1.1.0 corrects two applicability rules against the York data-summary charts: 2.1-22 (contribution "
            "of all workers) is asked of every case, and 4.1-19 (involvement in plans to manage own risk of harm) of "
            "every case with N/A allowed, not only from medium RoSH up.")


def tr(data: dict[str, Any]) -> str:
    q = _question(data, "TR-A11")
    q["applies"] = {"field": "rsr_score", "at_least": 6.9}
    for key in ("guidance", "provenance"):  # the note moved from guidance to provenance; either holds it
        if key in q:
            q[key] = {**q[key], "en": q[key]["en"].replace(
                " Applicability conditions cannot compare numbers, so this is not applied automatically: answer N/A "
                "when the score is below 6.90 or was not calculated.",
                " Asked only when the case's RSR score is 6.90 or higher.")}
    _note(q, f"Version {NEW_VERSION}: applies automatically where the RSR score is 6.90 or higher "
             "(conditions can compare numbers); 1.0.0 asked it of every case.")
    return ("Version 1.1.0 applies A11 only to cases with an RSR score of 6.90 or higher (001:L192), now that "
            "conditions compare numbers.")


def omi2(data: dict[str, Any]) -> str:
    old = _question(data, "OMI2-1.2-14")
    level, timely = copy.deepcopy(old), copy.deepcopy(old)
    level.update(id="OMI2-1.2-14A", text={"en": "Referred to, and managed at, the appropriate MAPPA level"})
    level["sources"] = [{"seed": TV, "line": 302, "quote": "There were two further cases that we thought ought to "
                                                            "have been managed initially at Level 2"}]
    _note(level, f"Version {NEW_VERSION}: 1.0.0's 1.2-14 asked about the level and the timeliness at once; the report "
                 "gives them as two findings (002:L302), so they are two questions here. Answer No where the case "
                 "should have been managed at a different level.")
    timely.update(id="OMI2-1.2-14B", text={"en": "Referral to MAPPA level 2 or 3 made in a timely manner"},
                  applies={"field": "mappa_level", "at_least": "2"},
                  applies_note={"en": "Cases managed at MAPPA level 2 or 3"})
    timely["sources"] = [{"seed": TV, "line": 302, "quote": "Eight of these were referred to Level 2, seven in a "
                                                             "timely manner"}]
    _note(timely, f"Version {NEW_VERSION}: the timeliness half of 1.0.0's 1.2-14 (002:L302: seven of the eight "
                  "level-2 referrals timely).")
    at = data["questions"].index(old)
    data["questions"][at:at + 1] = [level, timely]
    return ("Version 1.1.0 splits 1.2-14 into 1.2-14A (the appropriate MAPPA level) and 1.2-14B (a timely referral "
            "to level 2 or 3), the two findings the report gives (002:L302). Migrating from 1.0.0 removes answers to "
            "1.2-14 (kept in the audit trail): one combined answer cannot say which half failed.")


def main() -> None:
    for name, correct in (("iaow-2013", iaow), ("tr-2016", tr), ("omi2-2010", omi2)):
        data = json.loads((SETS / f"{name}.json").read_text(encoding="utf-8"))
        assert data["version"] == "1.0.0", f"{name}.json is not version 1.0.0"
        what = correct(data)
        data["version"] = NEW_VERSION
        data["description"] = {**data["description"], "en": data["description"]["en"] + " " + what}
        out = SETS / f"{name}-{NEW_VERSION}.json"
        out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {out.relative_to(SETS.parent.parent)}")


if __name__ == "__main__":
    main()
