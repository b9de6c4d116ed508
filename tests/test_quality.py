"""Style gates run as tests, so the README's single test command checks them too.

- ruff (lint) on ``src`` and ``tests``;
- mypy ``--strict`` on ``src`` (configuration in ``pyproject.toml``);
- ``import zwgk``, ``import zwgk.calendar`` and ``import zwgk.deadlines`` stay light (no pydantic,
  numpy, pandas, matplotlib, openpyxl or workalendar imported).
"""

from __future__ import annotations

import ast
import re
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


# Sphinx roles (``:func:`x```) are printed raw by mkdocstrings; docstrings use autorefs
# cross-references (``[`x`][zwgk.package.x]``) or plain code instead.
SPHINX_ROLE = re.compile(r":(?:py:)?(?:func|class|meth|data|mod|attr|exc|obj|const):`")


def _docstrings(source: str) -> list[tuple[int, str]]:
    """Every docstring of a module: module, class and function ones, and attribute docstrings."""
    found = []
    for node in ast.walk(ast.parse(source)):
        body = getattr(node, "body", None)
        if not isinstance(body, list):
            continue
        for i, stmt in enumerate(body):
            if not (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)):
                continue
            if not isinstance(stmt.value.value, str):
                continue
            scopes = ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef
            owns = i == 0 and isinstance(node, scopes)
            follows_assignment = i > 0 and isinstance(body[i - 1], ast.Assign | ast.AnnAssign)
            if owns or follows_assignment:
                found.append((stmt.lineno, stmt.value.value))
    return found


def test_role_finder_finds_roles() -> None:
    source = (
        'def f():\n    """See :func:`g`."""\n\n'
        'X = 1\n"""Also :class:`~zwgk.a.B`."""\n'
        's = ":func:`not a docstring`"\n'
    )
    roles = [line for line, text in _docstrings(source) if SPHINX_ROLE.search(text)]
    assert sorted(roles) == [2, 5]


def test_no_sphinx_roles_in_docstrings() -> None:
    src = ROOT / "src" / "zwgk"
    found = []
    for path in sorted(src.rglob("*.py")):
        found.extend(
            f"{path.relative_to(ROOT)}:{line}: {text[match.start() : match.start() + 40]!r}"
            for line, text in _docstrings(path.read_text(encoding="utf-8"))
            for match in SPHINX_ROLE.finditer(text)
        )
    assert found == [], "\n".join(found)
