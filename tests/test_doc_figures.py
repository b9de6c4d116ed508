"""The script that renders the docs' figures still runs (into a temporary folder)."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_doc_figures_render(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("matplotlib")
    monkeypatch.setenv("MPLBACKEND", "Agg")
    module = runpy.run_path(str(ROOT / "scripts" / "make_doc_figures.py"))
    written = module["main"](tmp_path)
    names = sorted(p.name for p in written)
    assert names == sorted(p.name for p in (ROOT / "docs" / "images").glob("*.png"))
    assert all(p.stat().st_size > 5_000 for p in written)
