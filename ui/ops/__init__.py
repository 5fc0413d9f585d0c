"""The application layer: everything the GUI and the command line can do.

Qt-free (an import-linter contract checks it).  Screens (``ui.gui``) and
commands (``ui.cli``) call these modules and never import ``storage`` or
``exports`` themselves.  One module per job, in the spirit of Anki's
``aqt/operations``:

- ``workspace``: an open database, settings, who is working, looking things up
- ``inspections``: inspections, cases, sample lists, bundles
- ``session``: one case being assessed, with its save-and-retry queue
- ``scores``: scores, subgroups, sample shares, factor tables, drill-down
- ``printing``: case summaries and the findings report as PDF
- ``exchange``: inspection packs, signed exports, the merge
- ``conflicts``: merge conflicts and their decisions
- ``qa``, ``moderation``: QA second reads, agreement between readings, moderation
- ``answers``, ``history``, ``grades``: one answer from the command line, the audit trail read
  back, inspection-level grades
- ``changes``: what an operation changed, so screens refresh only that
- ``errors`` and ``paths``: user-facing errors, data folders

Nothing is imported here, so importing one module stays cheap.
"""
