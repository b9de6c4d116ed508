"""``parse_notice_text``: the notice as published → the notice record.

The round trip runs over every committed record: its period sentences (the notice's own
text, kept in ``text``) are put back together under the record's title and number, and the
parsed notice must set the same days.  Records whose text is not an annual notice are
listed in ``NOT_PARSED`` with the reason.
"""

from __future__ import annotations

import datetime as dt

import pytest

from zwgk.calendar import Notice, NoticeKind
from zwgk.calendar.io import bundled_notices, parse_notice_text
from zwgk.errors import DataFileError

NUMERALS = "一二三四五六七八九十"

#: Committed records whose text parse_notice_text does not read, and why.
NOT_PARSED = {
    "国发明电〔2015〕1号": "a special State Council notice (国发明电) for one day, not a 部分节假日安排",
    "国办发明电〔2019〕3号": "an amendment (调整2019年劳动节假期安排): it names no festival heading",
    "国办发明电〔2020〕1号": "an amendment (延长2020年春节假期): “延长…至2月2日” has no first rest day",
}

# 《国务院办公厅关于2026年部分节假日安排的通知》 as copied from the gov.cn page: full-width
# punctuation, 周 forms, lunar remarks, the web page's line breaks, the signature.
NOTICE_2026 = """国务院办公厅关于2026年部分节假日安排的通知
国办发明电〔2025〕7号

各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
　　经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
　　一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
　　二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。
2月14日（周六）、2月28日（周六）上班。
　　三、清明节：4月4日（周六）至6日（周一）放假，共3天。
　　四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
　　五、端午节：6月19日（周五）至21日（周日）放假，共3天。
　　六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
　　七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
　　节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。

国务院办公厅
2025年11月4日
"""


def _days(notice: Notice) -> list[tuple[frozenset[str], tuple[dt.date, ...], tuple[dt.date, ...]]]:
    return [
        (frozenset(f.value for f in p.festivals), p.rest_days, tuple(sorted(p.working_days)))
        for p in notice.periods
    ]


def _text_of(record: Notice) -> str:
    lines = [record.title, record.document]
    for i, p in enumerate(record.periods):
        # a record keeps the item's sentence; some keep its heading (一、元旦：) too
        lines.append(
            p.text if p.text.startswith(f"{NUMERALS[i]}、") else f"{NUMERALS[i]}、{p.label}：{p.text}"
        )
    return "\n".join(lines)


RECORDS = bundled_notices()


@pytest.mark.parametrize("record", RECORDS, ids=lambda n: f"{n.year}-{n.document}")
def test_every_committed_record_round_trips(record: Notice) -> None:
    if record.document in NOT_PARSED:
        assert record.kind is not NoticeKind.ANNUAL
        with pytest.raises(DataFileError, match="no title of an annual notice"):
            parse_notice_text(_text_of(record), issued=record.issued)
        return
    parsed = parse_notice_text(_text_of(record), issued=record.issued)
    assert parsed.document == record.document
    assert parsed.year == record.year
    assert _days(parsed) == _days(record)


def test_round_trip_figures() -> None:
    annual = [n for n in RECORDS if n.kind is NoticeKind.ANNUAL]
    assert len(RECORDS) == 26
    assert len(annual) == 23 == len(RECORDS) - len(NOT_PARSED)


def test_the_2026_notice_as_published() -> None:
    record = next(n for n in RECORDS if n.document == "国办发明电〔2025〕7号")
    parsed = parse_notice_text(NOTICE_2026, source="https://www.gov.cn/")
    assert parsed.issued == dt.date(2025, 11, 4) == record.issued
    assert parsed.document == record.document
    assert parsed.title == record.title
    assert parsed.source == "https://www.gov.cn/"
    assert _days(parsed) == _days(record)
    assert parsed.periods[1].text.startswith("二、春节：2月15日（农历腊月二十八、周日）")


def test_half_width_and_star_forms() -> None:
    half = (
        "国务院办公厅关于2026年部分节假日安排的通知 国办发明电[2025]7号\n"
        "一、元旦:1月1日(星期四)-3日(星期六)放假调休,共3天.1月4日(星期日)上班.\n"
        "国务院办公厅 2025年11月4日"
    )
    parsed = parse_notice_text(half)
    assert parsed.periods[0].rest_days == (dt.date(2026, 1, 1), dt.date(2026, 1, 2), dt.date(2026, 1, 3))
    assert parsed.periods[0].working_days == (dt.date(2026, 1, 4),)


def test_a_december_working_day_of_new_year_is_in_the_previous_year() -> None:
    # 国办发明电〔2005〕35号: “12月31日（星期六）上班” is 2005-12-31
    text = (
        "国务院办公厅关于2006年部分节假日安排的通知\n一、元旦：1月1日—3日放假，共3天。其中1月1日为法定假日，"
        "将12月31日（星期六）、1月1日（星期日）两个公休日调至1月2日（星期一）、3日（星期二），12月31日（星期六）上班。"
    )
    parsed = parse_notice_text(text, document="国办发明电〔2005〕35号", issued=dt.date(2005, 12, 22))
    assert parsed.periods[0].working_days == (dt.date(2005, 12, 31),)


def test_every_problem_is_listed() -> None:
    text = (
        "国务院办公厅关于2026年部分节假日安排的通知\n"
        "一、元旦：1月1日（周五）至3日放假。\n"  # 2026-01-01 is a Thursday
        "二、春节：放假调休。\n"
        "三、端午：6月19日至21日。"
    )
    with pytest.raises(DataFileError) as info:
        parse_notice_text(text)
    message = str(info.value)
    for expected in (
        "weekday in brackets",
        "no date before 放假",
        "no 放假",
        "no document number",
        "no signing date",
    ):
        assert expected in message


def test_no_items_and_no_title() -> None:
    with pytest.raises(DataFileError, match="no numbered items"):
        parse_notice_text(
            "国务院办公厅关于2026年部分节假日安排的通知 国办发明电〔2025〕7号 国务院办公厅 2025年11月4日"
        )
    with pytest.raises(DataFileError, match="no title"):
        parse_notice_text("一、元旦：1月1日放假。")


def test_bad_dates() -> None:
    base = (
        "国务院办公厅关于2026年部分节假日安排的通知 国办发明电〔2025〕7号\n"
        "一、元旦：{}\n国务院办公厅 2025年11月4日"
    )
    with pytest.raises(DataFileError, match="without its month"):
        parse_notice_text(base.format("3日放假。"))
    with pytest.raises(DataFileError, match="not a date"):
        parse_notice_text(base.format("2月30日放假。"))
    with pytest.raises(DataFileError, match="no festival"):
        parse_notice_text(base.replace("元旦", "某节").format("1月1日放假。"))


def test_the_statutory_validation_of_notice_files_applies() -> None:
    # two items naming the same day: notice_from_mapping's check
    text = (
        "国务院办公厅关于2026年部分节假日安排的通知 国办发明电〔2025〕7号\n"
        "一、元旦：1月1日至3日放假。二、春节：1月3日放假。\n国务院办公厅 2025年11月4日"
    )
    with pytest.raises(DataFileError, match="also named"):
        parse_notice_text(text)


# ----------------------------------------------------------------------------- the CLI


def test_cli_prints_the_record_and_no_changes_for_the_recorded_notice(
    tmp_path: object, capsys: pytest.CaptureFixture[str]
) -> None:
    import tomllib
    from pathlib import Path

    from zwgk._cli import main

    source = Path(str(tmp_path)) / "notice.txt"
    source.write_text(NOTICE_2026, encoding="utf-8")
    assert main(["calendar", "parse-notice", str(source)]) == 0
    out = capsys.readouterr().out
    record = tomllib.loads(out)
    assert record["document"] == "国办发明电〔2025〕7号"
    assert record["periods"][1]["rest"] == [dt.date(2026, 2, 15), dt.date(2026, 2, 23)]
    assert "#   no day changes" in out


def test_cli_writes_the_file_and_lists_the_changed_days(
    tmp_path: object, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    from pathlib import Path

    from zwgk._cli import main
    from zwgk.calendar import default_calendar
    from zwgk.calendar.io import load_notices

    changed = NOTICE_2026.replace(
        "10月1日（周四）至7日（周三）放假调休，共7天", "10月1日（周四）至8日（周四）放假调休，共8天"
    )
    monkeypatch.setattr("sys.stdin", io.StringIO(changed))
    assert main(["calendar", "parse-notice", "-", "--write", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "added   2026-10-08 Thu  working weekday → other holiday rest day  National Day" in out
    written = Path(str(tmp_path)) / "2026.toml"
    assert f"wrote {written}" in out
    monkeypatch.setattr("sys.stdin", io.StringIO(changed))
    assert main(["--lang", "zh", "calendar", "parse-notice", "-", "--write", str(tmp_path), "--force"]) == 0
    out = capsys.readouterr().out
    assert "新增 2026-10-08 周四  工作日 → 调休休息  国庆节" in out
    assert f"已写入 {written}" in out
    cal = default_calendar().with_notices(load_notices(written))
    assert not cal.is_working_day(dt.date(2026, 10, 8))


def test_cli_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    from zwgk._cli import main

    assert main(["calendar", "parse-notice"]) == 2
    assert main(["calendar", "2026", "extra"]) == 2
    assert main(["calendar", "parse-notice", "/nonexistent/notice.txt"]) == 2
    err = capsys.readouterr().err
    assert "parse-notice FILE" in err
    assert "only with parse-notice" in err
