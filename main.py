"""Case Assessor: ``python main.py`` opens the app; ``python main.py COMMAND``
runs a command (``--help`` lists them).  This file only chooses which."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TextIO


def run_cli(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    from ui import cli

    args = cli.parse(argv)
    if args.command is None:
        from ui.gui.app import run_app

        return run_app(args.db, args.lang)
    return cli.run(args, out)


def run() -> None:
    sys.exit(run_cli())


if __name__ == "__main__":
    run()
