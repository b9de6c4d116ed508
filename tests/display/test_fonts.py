"""CJK font detection and the label language (issue 11 item 7): zwgk._display decides both.

Every test states which machine it runs on: ``cjk_font`` (a real CJK font is installed and
detected) or ``no_cjk_font`` (zwgk finds none).  Missing-glyph warnings are errors here
(``filterwarnings = error``), so a figure that draws proves its font has every glyph.
"""

from __future__ import annotations

import datetime as dt
import pickle
import warnings
from pathlib import Path
from typing import Any

import pytest

import zwgk._display as display
from zwgk.calendar import default_calendar
from zwgk.deadlines import ConsultationEnded, ConsultationStarted, Replied, reply_deadline
from zwgk.errors import CJKFontMissingWarning, InvalidInputError, ZwgkWarning
from zwgk.scoring import ScoreResult

d = dt.date


@pytest.fixture
def deadline():  # type: ignore[no-untyped-def]
    return reply_deadline(
        d(2026, 9, 28),
        [ConsultationStarted(d(2026, 10, 9)), ConsultationEnded(d(2026, 10, 20)), Replied(d(2026, 11, 10))],
    )


def _plots(result: ScoreResult, deadline: Any, labels: str) -> dict[str, Any]:
    return {
        "score": result.plot(labels=labels),  # type: ignore[arg-type]
        "deadline": deadline.plot(labels=labels),
        "calendar": default_calendar().plot_year(2026, labels=labels),  # type: ignore[arg-type]
    }


def _texts(fig: Any) -> list[str]:
    from matplotlib.text import Text

    return [t.get_text() for t in fig.findobj(Text)]


# ----------------------------------------------------------------------------- detection


def test_detection_finds_a_font_matplotlib_uses_for_chinese(cjk_font: str) -> None:
    from matplotlib import font_manager

    assert cjk_font in display.CJK_FONTS
    path = font_manager.findfont(font_manager.FontProperties(family=cjk_font), fallback_to_default=False)
    face = font_manager.get_font(path)
    assert all(face.get_char_index(ord(c)) for c in "政务公开")
    assert display.cjk_fonts() == [cjk_font, "DejaVu Sans"]


def test_detection_without_cjk_fonts_finds_none(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("matplotlib")
    from matplotlib import font_manager

    kept = [f for f in font_manager.fontManager.ttflist if f.name not in display.CJK_FONTS]
    monkeypatch.setattr(font_manager.fontManager, "ttflist", kept)
    assert display.find_cjk_font() is None
    assert display.cjk_fonts() == ["DejaVu Sans"]


def test_detection_needs_the_glyphs_not_just_the_name(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that calls itself a CJK font but has no Chinese glyphs is not detected."""
    pytest.importorskip("matplotlib")
    from matplotlib import font_manager

    dejavu = font_manager.findfont("DejaVu Sans")
    fake = font_manager.FontEntry(fname=dejavu, name="Noto Sans CJK SC")
    others = [f for f in font_manager.fontManager.ttflist if f.name not in display.CJK_FONTS]
    monkeypatch.setattr(font_manager.fontManager, "ttflist", [fake, *others])
    assert display.find_cjk_font() is None


def test_detection_follows_the_order_of_preference(monkeypatch: pytest.MonkeyPatch, cjk_font: str) -> None:
    from matplotlib import font_manager

    real = next(f for f in font_manager.fontManager.ttflist if f.name == cjk_font)
    later = font_manager.FontEntry(fname=real.fname, name="Droid Sans Fallback")
    first = font_manager.FontEntry(fname=real.fname, name="Noto Sans CJK SC")
    monkeypatch.setattr(font_manager.fontManager, "ttflist", [later, first])
    assert display.find_cjk_font() == "Noto Sans CJK SC"


@pytest.mark.parametrize(
    ("text", "cjk"),
    [
        ("分", True),
        ("〔2025〕", True),
        ("ＡＢ", True),
        ("reply: 2026-09-28 → 2026-11-11 — data", False),
        ("", False),
    ],
)
def test_has_cjk(text: str, cjk: bool) -> None:
    assert display.has_cjk(text) is cjk


# ----------------------------------------------------------------------------- language


@pytest.mark.parametrize(("labels", "chinese"), [("auto", True), ("zh", True), ("en", False)])
def test_language_with_a_cjk_font(cjk_font: str, labels: str, chinese: bool) -> None:
    assert display.use_chinese(labels) is chinese  # type: ignore[arg-type]


@pytest.mark.parametrize("labels", ["auto", "en"])
def test_language_without_a_cjk_font_is_english_silently(no_cjk_font: None, labels: str) -> None:
    assert display.use_chinese(labels) is False  # type: ignore[arg-type]


def test_zh_without_a_cjk_font_warns_once_per_process(no_cjk_font: None) -> None:
    with pytest.warns(CJKFontMissingWarning) as caught:
        answers = [display.use_chinese("zh") for _ in range(2)]
    assert answers == [False, False]
    assert len(caught) == 1
    message = str(caught[0].message)
    assert "Noto Sans CJK SC" in message
    assert "fonts-noto-cjk" in message
    assert "~/.cache/matplotlib" in message
    assert issubclass(CJKFontMissingWarning, ZwgkWarning)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert display.use_chinese("zh") is False  # not again


def test_unknown_labels_are_refused() -> None:
    with pytest.raises(InvalidInputError, match="'auto', 'zh' or 'en'"):
        display.use_chinese("fr")  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- drawing


@pytest.mark.parametrize("labels", ["zh", "auto"])
def test_chinese_plots_draw_without_warnings_with_a_cjk_font(
    result: ScoreResult, deadline: Any, labels: str, cjk_font: str, tmp_path: Path
) -> None:
    from matplotlib.text import Text

    for name, fig in _plots(result, deadline, labels).items():
        assert any(display.has_cjk(t) for t in _texts(fig)), f"{name}: no Chinese label"
        fig.savefig(tmp_path / f"{name}.png")  # a missing glyph would be an error
        fig.savefig(tmp_path / f"{name}-tight.png", bbox_inches="tight")  # how notebooks show figures
        for text in fig.findobj(Text):
            if display.has_cjk(text.get_text()):
                assert cjk_font in text.get_fontfamily(), f"{name}: {text.get_text()!r}"


def test_zh_plots_without_a_cjk_font_warn_once_and_draw_english(
    result: ScoreResult, deadline: Any, no_cjk_font: None, tmp_path: Path
) -> None:
    with pytest.warns(CJKFontMissingWarning) as caught:
        figures = _plots(result, deadline, "zh")
    assert len(caught) == 1
    for name, fig in figures.items():
        assert not any(display.has_cjk(t) for t in _texts(fig)), f"{name}: Chinese text without a font"
        fig.savefig(tmp_path / f"{name}.png")


def test_text_added_by_the_user_uses_the_cjk_font(result: ScoreResult, cjk_font: str, tmp_path: Path) -> None:
    fig = result.plot(labels="en")
    fig.axes[0].set_title("甲局得分")
    fig.axes[0].set_xticks([0, 1], ["公开内容", "奖励加分"])
    fig.savefig(tmp_path / "added.png")
    assert fig.axes[0].title.get_fontfamily()[0] == cjk_font


def test_english_figures_keep_their_fonts(result: ScoreResult, cjk_font: str, tmp_path: Path) -> None:
    """English figures look the same with or without a CJK font (the docs' figures)."""
    fig = result.plot(labels="en")
    fig.savefig(tmp_path / "en.png")
    from matplotlib.text import Text

    assert all(cjk_font not in t.get_fontfamily() for t in fig.findobj(Text))


def test_figures_are_matplotlib_figures_and_pickle(result: ScoreResult, cjk_labels: str) -> None:
    from matplotlib.figure import Figure

    fig = result.plot()
    assert isinstance(fig, Figure)
    again = pickle.loads(pickle.dumps(fig))
    assert type(again) is type(fig)
