"""Style gates run as tests, so the README's single test command checks them too.

- ruff (lint) on ``src`` and ``tests``;
- mypy ``--strict`` on ``src`` (configuration in ``pyproject.toml``);
- ``import zwgk``, ``import zwgk.calendar`` and ``import zwgk.deadlines`` stay light (no pydantic,
  numpy, pandas, matplotlib, openpyxl or workalendar imported).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


@pytest.mark.slow
def test_ruff_clean() -> None:
    pytest.importorskip("ruff")
    result = _run("ruff", "check", "src", "tests", "benchmarks", "scripts", "docs/notebooks")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_mypy_strict_clean() -> None:
    pytest.importorskip("mypy")
    result = _run("mypy", "--strict", "src")
    assert result.returncode == 0, result.stdout + result.stderr


HEAVY = ("pydantic", "numpy", "pandas", "matplotlib", "openpyxl", "workalendar")


@pytest.mark.parametrize("module", ["zwgk", "zwgk.calendar", "zwgk.deadlines"])
def test_import_is_light(module: str) -> None:
    code = f"import sys, {module}\nheavy = [m for m in {HEAVY!r} if m in sys.modules]\nprint(','.join(heavy))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"import {module} pulled in {result.stdout.strip()}"
