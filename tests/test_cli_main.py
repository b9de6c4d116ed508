"""The command line's shared behaviour: exit codes, errors, warnings, pipes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from zwgk._cli import main

BIN = Path(sys.executable).parent


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for command in (
        "calendar",
        "workdays",
        "deadline",
        "score",
        "cards",
        "card-template",
        "catalog",
        "report",
        "fees",
        "schema",
    ):
        assert f"    {command}" in out


def test_unreadable_file_is_a_clean_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["catalog", "check", str(tmp_path / "missing.csv")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("zwgk: error: ")
    assert "Traceback" not in err


@pytest.mark.skipif(
    not (BIN / "zwgk").exists(), reason="the zwgk script is not installed next to this Python"
)
def test_a_closed_pipe_is_not_an_error() -> None:
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    result = subprocess.run(
        ["bash", "-c", "set -o pipefail; zwgk calendar 2026 | head -n 1"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("2026年节假日安排")
    assert result.stderr == ""
