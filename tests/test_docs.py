"""The README's commands exist with the options it shows, and the layer drawing is current."""

from __future__ import annotations

import contextlib
import io
import re
import shlex
import subprocess
import sys

import pytest

from ui.cli import build_parser

from .conftest import REPO


def readme_commands() -> list[list[str]]:
    """Every ``python main.py ...`` line in the README's code blocks, as tokens."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:sh|bash)?\n(.*?)```", text, flags=re.S)
    commands = []
    for block in blocks:
        for line in block.replace("\\\n", " ").splitlines():
            line = line.split("#", 1)[0].strip()
            if line.startswith("python main.py"):
                tokens = shlex.split(line.replace("[", " ").replace("]", " ").replace("...", " "))
                commands.append(tokens[2:])
    return commands


def test_the_readme_shows_commands():
    assert len(readme_commands()) >= 15


@pytest.mark.parametrize("tokens", readme_commands(), ids=lambda t: " ".join(t[:1]) or "app")
def test_every_readme_command_exists_with_its_options(tokens):
    parser = build_parser()
    words = [t for t in tokens if not t.startswith("-")]
    subs = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    command = words[0] if words else None
    target = subs[command] if command in subs else parser
    if command is not None:
        assert command in subs, f"the README shows a command that does not exist: {command}"
    actions = target._subparsers._group_actions[0].choices if target._subparsers else {}  # type: ignore[union-attr]
    if len(words) > 1 and words[1] in actions:  # an action of the command (question-sets build ...)
        target = actions[words[1]]
    known = set(target._option_string_actions)
    for opt in (t for t in tokens if t.startswith("--")):
        assert opt.split("=", 1)[0] in known, f"{command}: the README shows {opt}, which the command does not take"
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit) as ended:
        build_parser().parse_args([*([command] if command else []), "--help"])
    assert ended.value.code == 0 and "usage:" in out.getvalue()


def test_the_layer_drawing_in_docs_is_current():
    r = subprocess.run([sys.executable, "tools/layers.py", "--check"], cwd=REPO, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
