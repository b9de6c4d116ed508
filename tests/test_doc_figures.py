"""The script that renders the docs' figures still runs (into a temporary folder), in both
label languages: ``NAME.zh.png`` with a CJK font, ``NAME.en.png`` with or without one."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"


def _main(monkeypatch: pytest.MonkeyPatch) -> object:
    pytest.importorskip("matplotlib")
    monkeypatch.setenv("MPLBACKEND", "Agg")
    return runpy.run_path(str(ROOT / "scripts" / "make_doc_figures.py"))["main"]


def test_every_figure_is_committed_in_both_languages() -> None:
    names = sorted(p.name for p in IMAGES.glob("*.png"))
    stems = {n.rsplit(".", 2)[0] for n in names}
    assert names == sorted(f"{s}.{lang}.png" for s in stems for lang in ("zh", "en"))
    assert "calendar-2026" in stems


@pytest.mark.slow
def test_doc_figures_render_in_chinese_and_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cjk_font: str
) -> None:
    main = _main(monkeypatch)
    written = main(tmp_path)  # type: ignore[operator]
    assert sorted(p.name for p in written) == sorted(p.name for p in IMAGES.glob("*.png"))
    assert all(p.stat().st_size > 5_000 for p in written)


@pytest.mark.slow
@pytest.mark.usefixtures("no_cjk_font")
def test_english_doc_figures_render_without_a_cjk_font(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    main = _main(monkeypatch)
    written = main(tmp_path, ("en",))  # type: ignore[operator]
    assert sorted(p.name for p in written) == sorted(p.name for p in IMAGES.glob("*.en.png"))
