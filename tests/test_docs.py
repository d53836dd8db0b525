"""Every command a user can type is shown in the README, and every command explains itself in --help."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from parley.cli.main import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(typer.main.get_command(app).commands)


def test_the_cli_has_the_commands_the_issues_promise():
    assert {"ingest", "articles", "show", "extract", "export", "quotes", "people", "eval", "timeline", "events",
            "conflicts", "search", "ask", "serve", "report"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_command_is_in_the_readme(command):
    assert re.search(rf"parley {command}\b", README), f"README does not show `parley {command}`"


@pytest.mark.parametrize("command", COMMANDS)
def test_command_help_says_what_it_does(command):
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert len(result.output.split()) > 10


def test_readme_first_screen_has_the_two_commands():
    first_screen = "\n".join(README.splitlines()[:20])
    assert "make demo" in first_screen and "make test" in first_screen
