"""The shape of the catalog, requests and reports packages (issue 10, "the house as it should be").

- no two modules of a package import each other, even inside functions (no import cycle), and
  no value module imports its package's ``_display`` (values reach it through ``zwgk._present``);
- module-level tables are read-only (``MappingProxyType``, tuples, frozensets);
- the top-level façades stay small and do not import pydantic (only their ``io`` submodules do).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest

import zwgk.catalog._import
import zwgk.catalog._log
import zwgk.catalog._log_schema
import zwgk.catalog._timelimit
import zwgk.reports._check
import zwgk.requests._kinds
import zwgk.requests._ledger_io

SRC = Path(__file__).resolve().parents[2] / "src" / "zwgk"
PACKAGES = ("catalog", "requests", "reports")


def _imports(package: str) -> dict[str, set[str]]:
    """Module → the modules of the same package it imports (anywhere in its body)."""
    prefix = f"zwgk.{package}."
    graph: dict[str, set[str]] = {}
    for path in sorted((SRC / package).glob("*.py")):
        if path.name == "__init__.py":
            continue
        name = prefix + path.stem
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(prefix):
                found.add(node.module)
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names if a.name.startswith(prefix))
        graph[name] = found
    return graph


def _cycle(graph: Mapping[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)) is not None:
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)) is not None:
            return found
    return None


@pytest.mark.parametrize("package", PACKAGES)
def test_no_import_cycle_within_the_package(package: str) -> None:
    assert _cycle(_imports(package)) is None


@pytest.mark.parametrize("package", PACKAGES)
def test_value_modules_never_import_the_display_module(package: str) -> None:
    display = f"zwgk.{package}._display"
    importers = [m for m, found in _imports(package).items() if display in found]
    assert importers == []


TABLES = [
    zwgk.catalog._import._HEADERS,
    zwgk.catalog._log._COLUMNS,
    zwgk.catalog._log_schema._FIELD_TEXT,
    zwgk.catalog._timelimit._UNITS,
    zwgk.catalog._timelimit._FREQUENCIES,
    zwgk.catalog._timelimit._QUALITATIVE_KINDS,
    zwgk.requests._kinds._APPLICANT_ALIASES,
    zwgk.requests._ledger_io._HEADER_ALIASES,
    zwgk.reports._check.IDENTITIES,
]


@pytest.mark.parametrize("table", TABLES, ids=lambda t: next(iter(t)) if t else "empty")
def test_module_tables_cannot_be_changed(table: Mapping[object, object]) -> None:
    key = next(iter(table))
    with pytest.raises(TypeError):
        table[key] = None  # type: ignore[index]
    with pytest.raises(TypeError):
        del table[key]  # type: ignore[attr-defined]


@pytest.mark.parametrize("package", PACKAGES)
def test_top_level_is_small_and_io_has_its_own_all(package: str) -> None:
    top = __import__(f"zwgk.{package}", fromlist=["__all__"])
    io = __import__(f"zwgk.{package}.io", fromlist=["__all__"])
    assert len(top.__all__) <= 40
    assert io.__all__
    assert not set(io.__all__) - set(dir(io))


@pytest.mark.parametrize("package", PACKAGES)
def test_top_level_import_does_not_import_pydantic(package: str) -> None:
    code = f"import sys, zwgk.{package}\nprint('pydantic' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
