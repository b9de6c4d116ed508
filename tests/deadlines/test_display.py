"""Notebook displays, DataFrames and plots of calendar and deadline results (issue 7 §2–3)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import zwgk._display
from zwgk._display import has_cjk
from zwgk.calendar import default_calendar, plot_calendar_year
from zwgk.calendar._display import holiday_label
from zwgk.deadlines import (
    ClockState,
    ConsultationEnded,
    ConsultationStarted,
    DeadlineKind,
    Replied,
    reply_deadline,
)
from zwgk.deadlines._display import deadline_title
from zwgk.errors import InvalidInputError, ProvisionalCalendarWarning

d = dt.date
CAL = default_calendar()


@pytest.fixture
def deadline():  # type: ignore[no-untyped-def]
    return reply_deadline(
        d(2026, 9, 28),
        [ConsultationStarted(d(2026, 10, 9)), ConsultationEnded(d(2026, 10, 20)), Replied(d(2026, 11, 10))],
    )


def test_repr_is_one_readable_line(deadline) -> None:  # type: ignore[no-untyped-def]
    assert repr(deadline) == "<Deadline reply from 2026-09-28: due 2026-11-11, replied, regime 2019>"


def test_html_timeline_lists_every_step_with_its_article(deadline) -> None:  # type: ignore[no-untyped-def]
    page = deadline._repr_html_()
    assert page.count("<tr>") == 1 + len(deadline.steps)
    assert "《政府信息公开条例》第三十三条第三款" in page
    assert "paused 8 working days" in page
    assert "<script" not in page


def test_html_escapes_text() -> None:
    dl = reply_deadline(d(2026, 9, 28), [Replied(d(2026, 10, 9), "予以公开")])
    assert "<b>reply deadline from 2026-09-28" in dl._repr_html_()


def test_to_frame_has_one_row_per_step(deadline) -> None:  # type: ignore[no-untyped-def]
    frame = deadline.to_frame()
    assert list(frame.columns) == ["on", "event", "effect", "article", "due"]
    assert len(frame) == len(deadline.steps)
    assert frame.due.iloc[-1] == d(2026, 11, 11)


def test_calendar_frame_marks_the_working_saturday() -> None:
    frame = CAL.to_frame(d(2026, 2, 13), d(2026, 2, 16)).set_index("date")
    assert bool(frame.loc[d(2026, 2, 14), "working"])
    assert frame.loc[d(2026, 2, 14), "notice"] == "国办发明电〔2025〕7号"
    assert frame.loc[d(2026, 2, 16), "kind"] == "法定节假日"


def test_calendar_frame_rejects_a_reversed_range() -> None:
    with pytest.raises(InvalidInputError, match="on or after start"):
        CAL.to_frame(d(2026, 3, 1), d(2026, 2, 1))


@pytest.mark.parametrize("labels", ["en", "auto"])
def test_plots_return_figures(deadline, labels: str) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("matplotlib")
    fig = CAL.plot_year(2026, labels=labels)  # type: ignore[arg-type]
    ax = fig.axes[0]
    texts = [t.get_text() for t in ax.texts]
    assert any("国办发明电〔2025〕7号" in t for t in texts) or all("Guo" not in t for t in texts)
    assert len(ax.patches) == 365
    fig2 = deadline.plot(labels=labels)
    title = fig2.axes[0].get_title()
    if labels == "en" or zwgk._display.find_cjk_font() is None:  # the module's: a run may hide the fonts
        assert title == "reply deadline: 2026-09-28 → 2026-11-11"
    else:  # Chinese-first, like the other plots
        assert title == "答复期限：2026-09-28 → 2026-11-11"
        assert zwgk._display.find_cjk_font() in fig2.axes[0].title.get_fontfamily()


@pytest.mark.parametrize(
    ("chinese", "expected"),
    [(True, "答复期限：2026-12-21 → —（暂定）"), (False, "reply deadline: 2026-12-21 → — (provisional)")],
)
def test_deadline_title_names_the_kind_in_the_output_language(chinese: bool, expected: str) -> None:
    from zwgk.deadlines import CorrectionRequested

    # the request is received late in the last recorded year; the correction stops the clock, so
    # no due date; the 20 working days would run into the estimated next year: provisional.
    with pytest.warns(ProvisionalCalendarWarning):
        dl = reply_deadline(d(2026, 12, 21), [CorrectionRequested(d(2026, 12, 22))])
    assert dl.provisional
    assert deadline_title(dl, chinese=chinese) == expected


def test_every_deadline_kind_and_clock_state_has_a_chinese_label() -> None:
    assert {k.label for k in DeadlineKind} >= {"答复期限", "主动公开期限", "年度报告公布期限"}
    assert all(has_cjk(k.label) for k in DeadlineKind)
    # 条例第三十条: 逾期不补正的，视为放弃申请
    assert ClockState.ABANDONED.label == "视为放弃申请"
    assert len({s.label for s in ClockState}) == len(ClockState)


def test_plot_of_an_estimated_year_says_so() -> None:
    pytest.importorskip("matplotlib")
    fig = plot_calendar_year(2028, labels="en")  # day_kind flags each day provisional (no warning)
    assert "provisional" in fig.axes[0].get_title()


def test_bad_labels_choice() -> None:
    pytest.importorskip("matplotlib")
    with pytest.raises(InvalidInputError, match="'auto', 'zh' or 'en'"):
        CAL.plot_year(2026, labels="fr")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("chinese", "cjk_font", "expected"),
    [
        (True, True, "春节 国办发明电〔2025〕7号"),
        (False, True, "Spring Festival — 国办发明电〔2025〕7号"),
        (False, False, "Spring Festival"),
    ],
)
def test_holiday_labels_never_romanise_the_document_number(
    chinese: bool, cjk_font: bool, expected: str
) -> None:
    assert holiday_label("春节", "国办发明电〔2025〕7号", chinese=chinese, cjk_font=cjk_font) == expected


def test_holiday_label_keeps_an_ascii_number_without_a_cjk_font() -> None:
    assert holiday_label("国庆节、中秋节", "estimate-2028", chinese=False, cjk_font=False) == (
        "National Day & Mid-Autumn — estimate-2028"
    )


def test_romanise_document_is_gone() -> None:
    import zwgk.calendar
    import zwgk.deadlines

    assert "romanise_document" not in zwgk.calendar.__all__
    assert not hasattr(zwgk.calendar, "romanise_document")
    assert not hasattr(zwgk.deadlines, "romanise_document")


@pytest.mark.usefixtures("no_cjk_font")
def test_english_calendar_without_a_cjk_font_shows_festival_names_only() -> None:
    fig = CAL.plot_year(2026, labels="en")
    ax = fig.axes[0]
    texts = [t.get_text() for t in ax.texts]
    assert "Spring Festival" in texts
    assert ax.get_title() == "2026 working days and holidays"  # no data hash in the title


def test_english_calendar_with_a_cjk_font_keeps_the_document_number(cjk_font: str) -> None:
    fig = CAL.plot_year(2026, labels="en")
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert "Spring Festival — 国办发明电〔2025〕7号" in texts


def test_chinese_calendar_title(cjk_font: str) -> None:
    fig = CAL.plot_year(2026, labels="zh")
    assert fig.axes[0].get_title() == "2026年工作日与节假日"
    assert "春节 国办发明电〔2025〕7号" in [t.get_text() for t in fig.axes[0].texts]


def _outcome_reports() -> list[Any]:
    from zwgk import reports, requests

    ledger = requests.read_ledger(requests.sample_ledger_path())
    return [reports.build_report(ledger, 2025)]


@pytest.mark.usefixtures("no_cjk_font")
def test_outcomes_plot_has_whole_number_ticks_and_the_legend_outside() -> None:
    pytest.importorskip("matplotlib")
    from zwgk import reports

    fig = reports.plot_outcomes(_outcome_reports(), labels="en")
    ax = fig.axes[0]
    fig.canvas.draw()
    ticks = ax.get_yticks()
    assert all(float(t).is_integer() for t in ticks)
    legend = ax.get_legend()
    assert legend is not None
    assert legend.get_bbox_to_anchor().x0 >= ax.get_window_extent().x1  # right of the axes
    assert next(t.get_text() for t in legend.get_texts()) == "disclosed"


def test_outcomes_plot_in_chinese(cjk_font: str) -> None:
    from zwgk import reports

    fig = reports.plot_outcomes(_outcome_reports())
    ax = fig.axes[0]
    assert ax.get_title() == "办理结果（按年度）"
    assert next(t.get_text() for t in ax.get_legend().get_texts()) == "予以公开"
