"""One language per output (issue 13): the calendar, its commands and its errors in zh and in en.

Golden Chinese texts come from the notices' own terms (国办发明电〔2025〕7号: 放假调休, 上班;
the day kinds 工作日, 周末休息, 法定节假日, 调休休息, 调休上班), not from the code's output.
The scans are those of tests/deadlines/test_languages.py (tests.support): a Chinese output holds
no Latin words (ISO dates, numbers, option names, ids and file names aside); an English output
holds Chinese only inside citations (document numbers) and quoted data (a notice's own text).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
from pathlib import Path

import pytest
from tests.calendar.helpers import NOTICE_2027_TOML
from tests.calendar.test_notice_text import NOTICE_2026
from tests.support import assert_one_language

import zwgk
from zwgk._cli import main
from zwgk._i18n import Language
from zwgk.calendar import DayKind, Festival, default_calendar
from zwgk.calendar.io import load_notices, parse_notice_text
from zwgk.errors import DataFileError, ProvisionalCalendarWarning, UnknownLanguageError

VERSION = default_calendar().coverage().data_version
# Ids and code a Chinese reader still sees as typed: the data version, the id of an estimated
# notice, the call a provisional warning names.
IDS = (VERSION, "estimate-2027", "holidays(2027)", "add_working_days", "working_days_between")


# What the user types or reads as code: the program and its words, file names, the data's
# field names, the date form with 年月日 (a form the user may type), the API a message names.
TYPED = (
    "zwgk workdays add",
    "argument date",
    "/nonexistent/notice.txt",
    "parse-notice",
    "FILE",
    "--write",
    "'path'",
    "calendar.with_notices(load_notices(path))",
    "beyond='estimate'",
    "YYYY年M月D日",
    "YYYY-MM-DD",
    "YYYY/M/D",
    "YYYY.M.D",
    "参数 date",
    "'extra'",
    ".toml",
    ".json",
    "zwgk",
)


def _run(capsys: pytest.CaptureFixture[str], lang: str, *argv: str) -> tuple[int, str, str]:
    code = main(["--lang", lang, *argv])
    out, err = capsys.readouterr()
    return code, out, err


COMMANDS = [
    ["calendar", "2026"],
    ["calendar", "2027"],
    ["calendar", "2027", "--beyond", "raise"],
    ["workdays", "add", "2026-09-28", "20"],
    ["workdays", "add", "2026-09-28", "1"],
    ["workdays", "add", "2026-12-20", "20"],
    ["workdays", "between", "2026-09-28", "2026-10-30"],
    ["workdays", "kind", "2026-10-10"],
    ["workdays", "kind", "2026-10-01"],
    ["workdays", "kind", "2026-11-03"],
    ["workdays", "kind", "2027-01-01"],
    ["workdays", "kind", "2003-12-31"],
    ["workdays", "add", "2026-13-01", "2"],
    ["calendar", "2026", "extra"],
    ["calendar", "parse-notice"],
    ["calendar", "parse-notice", "/nonexistent/notice.txt"],
]


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_calendar_commands_print_one_language(
    capsys: pytest.CaptureFixture[str], argv: list[str], lang: str
) -> None:
    try:
        _, out, err = _run(capsys, lang, *argv)
    except SystemExit:  # argparse: the usage lines (option names), then the error line, scanned
        out, err = "", capsys.readouterr().err.strip().splitlines()[-1]
    assert out or err
    assert_one_language(out + err, lang, *IDS, *TYPED)


def test_a_malformed_notice_file_is_reported_in_one_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "2027.toml"
    path.write_text(NOTICE_2027_TOML.replace("元旦", "圣诞节"), encoding="utf-8")
    for lang in ("zh", "en"):
        code, _, err = _run(capsys, lang, "calendar", "2027", "--notices", str(path))
        assert code == 2
        # the file's own keys and paths, and the festival names the file must use (quoted data)
        fields = re.findall(r"periods\[\d+\](?:\.\w+(?:\[\d+\])?)?", err)
        festivals = "、".join(f.value for f in Festival)
        assert_one_language(err, lang, str(path), *fields, "圣诞节", festivals, "zwgk")


def test_parse_notice_prints_its_diff_in_one_language(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    changed = NOTICE_2026.replace(
        "10月1日（周四）至7日（周三）放假调休，共7天", "10月1日（周四）至8日（周四）放假调休，共8天"
    )
    for lang in ("zh", "en"):
        monkeypatch.setattr("sys.stdin", io.StringIO(changed))
        code, out, err = _run(
            capsys, lang, "calendar", "parse-notice", "-", "--write", str(tmp_path), "--force"
        )
        assert (code, err) == (0, "")
        assert_one_language(out, lang, str(tmp_path / "2026.toml"))
    assert "新增 2026-10-08 周四  工作日 → 调休休息  国庆节" not in out  # the last run was in English
    assert "added   2026-10-08 Thu  working weekday → other holiday rest day  National Day" in out


def test_notice_text_errors_are_worded_in_the_current_language() -> None:
    broken = NOTICE_2026.replace("国务院办公厅\n2025年11月4日", "")
    for lang in ("zh", "en"):
        with zwgk.language(lang), pytest.raises(DataFileError) as exc:
            parse_notice_text(broken.replace("一、元旦", "一、圣诞"))
        # the notice's own grammar is quoted data: 国办发明电〔YYYY〕N号, 国务院办公厅 YYYY年M月D日
        assert_one_language(
            str(exc.value),
            lang,
            "国务院办公厅 YYYY年M月D日",
            "国办发明电〔YYYY〕N号",
            "'一、圣诞'",
            "元旦, 春节, 清明节 …",
            "(一、)",
            "document=",
            "issued=",
            "periods[0]",
            "issued",
            "document",
        )


# --------------------------------------------------------------- golden texts from the notices

# The notices name the kinds of day: 上班 on a weekend day (调休上班), 放假 on a statutory day
# (法定节假日) or another weekday of the period (调休休息); DayKind's values are these names.
ZH_KINDS = {
    DayKind.WORKING_WEEKDAY: "工作日",
    DayKind.WEEKEND_REST: "周末休息",
    DayKind.STATUTORY_HOLIDAY: "法定节假日",
    DayKind.ADJUSTED_REST: "调休休息",
    DayKind.ADJUSTED_WORKING: "调休上班",
}


@pytest.mark.parametrize("kind", list(DayKind))
def test_day_kind_names_in_both_languages(kind: DayKind) -> None:
    assert kind.name_in("zh") == ZH_KINDS[kind] == kind.value
    english = kind.name_in("en")
    assert_one_language(english, "en")
    assert english != kind.value
    with zwgk.language("zh"):
        assert kind.name_in() == ZH_KINDS[kind]
    assert kind.name_in() == english  # the library's default is English


def test_one_holiday_worded_in_both_languages() -> None:
    # 国办发明电〔2025〕7号: 中秋节、国庆节 are separate in 2026; 2025's notice joins them.
    national_day = default_calendar().holidays(2025)[-1]
    assert national_day.label == "国庆节、中秋节"
    assert national_day.label_in("zh") == "国庆节、中秋节"
    assert national_day.label_in("en") == "National Day & Mid-Autumn"
    assert Festival.SPRING_FESTIVAL.name_in("zh") == "春节"
    assert Festival.SPRING_FESTIVAL.name_in("en") == "Spring Festival"


def test_golden_chinese_lines_of_zwgk_calendar(capsys: pytest.CaptureFixture[str]) -> None:
    # 国办发明电〔2025〕7号, item 七: 10月1日至7日放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
    _, out, _ = _run(capsys, "zh", "calendar", "2026")
    assert "国庆节  2026-10-01 … 2026-10-07  休7天  国办发明电〔2025〕7号" in out
    assert "  班  2026-09-20 周日  调休上班  国办发明电〔2025〕7号" in out
    _, out, _ = _run(capsys, "zh", "workdays", "kind", "2026-10-01")
    assert out == "2026-10-01 周四  法定节假日（国庆节，国办发明电〔2025〕7号）：休息日\n"


@pytest.mark.parametrize("bad", ["fr", "zh_CN", "zh-CN", "EN"])
def test_unknown_languages_are_refused(bad: str) -> None:
    with pytest.raises(UnknownLanguageError):
        DayKind.ADJUSTED_WORKING.name_in(bad)  # type: ignore[arg-type]
    with pytest.raises(UnknownLanguageError):
        Festival.NEW_YEAR.name_in(bad)  # type: ignore[arg-type]


# --------------------------------------------------------------- warnings and errors raised here


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_provisional_warning_and_coverage_errors_in_one_language(lang: Language) -> None:
    cal = default_calendar()
    with zwgk.language(lang):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ProvisionalCalendarWarning)
            cal.add_working_days(dt.date(2026, 12, 20), 20)
        texts = [str(w.message) for w in caught]
        with pytest.raises(LookupError) as before:
            cal.is_working_day(dt.date(2003, 12, 31))
        texts.append(str(before.value))
        with pytest.raises(DataFileError) as bad:
            load_notices(Path("/no/such/notices.toml"))
        texts.append(str(bad.value))
    assert texts
    for text in texts:
        assert_one_language(text, lang, "/no/such/notices.toml", *IDS, *TYPED)


# --------------------------------------------------------------- the year plot


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_year_plot_follows_the_language(lang: Language) -> None:
    pytest.importorskip("matplotlib")
    from zwgk._display import find_cjk_font
    from zwgk.calendar import plot_calendar_year

    with zwgk.language(lang):
        fig = plot_calendar_year(2026)
    ax = fig.axes[0]
    texts = [ax.get_title(), *(t.get_text() for t in ax.get_legend().get_texts())]
    texts += [t.get_text() for t in ax.get_yticklabels()]
    chinese = lang == "zh" and find_cjk_font() is not None
    joined = "\n".join(texts)
    assert_one_language(joined, "zh" if chinese else "en")
    if chinese:
        assert ax.get_title() == "2026年工作日与节假日"
        assert "调休上班" in joined
    else:
        assert ax.get_title() == "2026 working days and holidays"
        assert "weekend working day" in joined
