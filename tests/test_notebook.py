"""The analyst notebook (docs/notebooks/analyst.py, jupytext percent format) runs end to end."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parent.parent / "docs" / "notebooks" / "analyst.py"


@pytest.mark.slow
def test_analyst_notebook_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    runpy.run_path(str(NOTEBOOK), run_name="__main__")
    for figure in ("calendar-2026.png", "deadline-R02.png", "outcomes.png"):
        assert (tmp_path / figure).stat().st_size > 10_000


def test_notebook_is_a_jupytext_notebook() -> None:
    jupytext = pytest.importorskip("jupytext")
    notebook = jupytext.read(NOTEBOOK)
    kinds = [cell.cell_type for cell in notebook.cells]
    assert kinds.count("markdown") >= 6
    assert kinds.count("code") >= 10
