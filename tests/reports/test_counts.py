"""Counts files for tables 2 and 4 and the text sections: ``zwgk report build --counts``.

The golden counts file ``golden/counts_2025.json`` is written by hand; the expected cells
below are read off it (the table 4 block totals it leaves out are summed by hand).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zwgk._cli import main
from zwgk.errors import InvalidRecordsError, MissingFileError
from zwgk.reports import check_report, get_format, load_report
from zwgk.reports.io import counts_from_json, counts_template, read_counts
from zwgk.requests import read_ledger

HERE = Path(__file__).parent
LEDGER = str(HERE / "golden" / "ledger_2025.csv")
COUNTS = str(HERE / "golden" / "counts_2025.json")

KEYS_2021_TABLE2 = (
    "regulations.issued",
    "regulations.repealed",
    "regulations.in_force",
    "normative_documents.issued",
    "normative_documents.repealed",
    "normative_documents.in_force",
    "licensing.decisions",
    "penalties.decisions",
    "enforcement_measures.decisions",
    "fees.amount",
)
KEYS_TABLE4 = tuple(
    f"{block}.{column}"
    for block in ("review", "litigation_direct", "litigation_after_review")
    for column in ("upheld", "corrected", "other", "pending", "total")
)


def _build(capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str, str]:
    code = main(["report", "build", LEDGER, "--year", "2025", *extra])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _write(tmp_path: Path, data: object) -> str:
    path = tmp_path / "counts.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), "utf-8")
    return str(path)


# --- the golden counts file -----------------------------------------------------------------


def test_build_with_counts_renders_tables_2_and_4(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _build(capsys, "--counts", COUNTS, "--agency", "某区司法局")
    assert code == 0
    assert "# 某区司法局2025年度政府信息公开工作年度报告" in out
    assert "| 第二十条第（一）项 规章 | 本年制发件数 | 2 |" in out
    assert "| 第二十条第（一）项 行政规范性文件 | 现行有效件数 | 43 |" in out
    assert "| 第二十条第（五）项 行政许可 | 本年处理决定数量 | 1280 |" in out
    assert "| 第二十条第（八）项 行政事业性收费 | 本年收费金额（单位：万元） | 1.25 |" in out
    assert "| 行政复议 | 1 | 1 |  | 1 | 3 |" in out  # total left out: 1 + 1 + 0 + 1
    assert "| 行政诉讼/未经复议直接起诉 | 2 |  |  |  | 2 |" in out
    assert "| 行政诉讼/复议后起诉 |  |  |  |  | 0 |" in out
    # table 3 still comes from the ledger
    assert "| 一、本年新收政府信息公开申请数量 | 3 | 1 | 1 | 1 | 1 | 1 | 8 |" in out


def test_build_with_counts_json_passes_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "report.json"
    code, _, _ = _build(
        capsys, "--counts", COUNTS, "--agency", "某区司法局", "--as", "json", "--output", str(target)
    )
    assert code == 0
    report = load_report(target)
    result = check_report(report)
    assert result.violations == ()
    # 六 was given with blank text, so the report has no section 六 (二, 三 and 四 are its tables)
    assert [(f.check, f.where) for f in result.format_findings] == [
        ("section_missing", "六、其他需要报告的事项")
    ]
    assert report.agency == "某区司法局"
    assert report.table2 is not None
    assert report.table4 is not None
    assert report.table2.raw("fees.amount") == Decimal("1.25")
    assert report.table2.raw("penalties.decisions") == 96
    assert report.table4.raw("review.total") == 3
    assert report.table4.raw("review.other") is None
    assert report.sections == (
        ("一、总体情况", "本年度，本局围绕法治政府建设推进政务公开。"),
        ("五、存在的主要问题及改进情况", "依申请公开答复的规范性有待加强。"),
    )  # 六 has blank text: left out
    assert main(["report", "check", str(target)]) == 1


def test_build_with_counts_html_shows_sections(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "report.html"
    assert _build(capsys, "--counts", COUNTS, "--as", "html", "--output", str(target))[0] == 0
    html = target.read_text("utf-8")
    assert "<p>依申请公开答复的规范性有待加强。</p>" in html
    assert '<table class="zwgk-table2"' in html
    assert '<table class="zwgk-table4"' in html


def test_trial_format_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    counts = _write(
        tmp_path,
        {
            "table2": {"licensing.change": -2, "procurement.amount": "356.40", "procurement.projects": 4},
            "sections": [["总体情况", "试行格式。"]],
        },
    )
    ledger = str(HERE / "golden" / "ledger_2020.csv")
    target = tmp_path / "r.json"
    args = [
        "report",
        "build",
        ledger,
        "--year",
        "2020",
        "--counts",
        counts,
        "--as",
        "json",
        "--output",
        str(target),
    ]
    assert main(args) == 0
    capsys.readouterr()
    report = load_report(target)
    assert report.format.id == "2019-trial"
    assert report.table4 is None
    assert report.table2 is not None
    assert report.table2.raw("licensing.change") == -2  # 本年增/减 may be negative
    assert report.table2.raw("procurement.amount") == Decimal("356.40")
    assert report.sections == (("一、总体情况", "试行格式。"),)
    result = check_report(report)
    assert result.violations == ()
    # only 一 has text; 二 and 三 are shown by tables 2 and 3; 四 (no table 4), 五 and 六 are missing
    assert [f.where for f in result.format_findings] == [
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]


def test_counts_without_tables_gives_no_tables(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _build(capsys, "--counts", _write(tmp_path, {}))
    assert code == 0
    assert "表二" not in out
    assert "表四" not in out


# --- the template -----------------------------------------------------------------------------


def test_counts_template_2025(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "counts-template", "--year", "2025"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert tuple(data["table2"]) == KEYS_2021_TABLE2
    assert tuple(data["table4"]) == KEYS_TABLE4
    assert set(data["table2"].values()) == {None}
    assert set(data["table4"].values()) == {None}
    assert next(h for h, _ in data["sections"]) == "一、总体情况"
    assert len(data["sections"]) == 6


def test_counts_template_round_trips(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "t.json"
    assert main(["report", "counts-template", "--year", "2020", "--output", str(target)]) == 0
    assert "format 2019-trial" in capsys.readouterr().out
    assert "procurement.amount" in json.loads(target.read_text("utf-8"))["table2"]
    code = main(
        [
            "report",
            "build",
            str(HERE / "golden" / "ledger_2020.csv"),
            "--year",
            "2020",
            "--counts",
            str(target),
        ]
    )
    assert code == 0
    assert "| 行政复议 |  |  |  |  | 0 |" in capsys.readouterr().out


def test_counts_template_bad_year(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "counts-template", "--year", "2015"]) == 2
    assert "2019 or later" in capsys.readouterr().err
    assert main(["report", "counts-template", "--year", "2025", "--layout", "1999"]) == 2
    assert "unknown report format '1999'" in capsys.readouterr().err


# --- bad counts files: exit 2, every problem listed -------------------------------------------


def test_bad_counts_every_problem_listed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    counts = _write(
        tmp_path,
        """{
          "table2": {"regulations.made": 1, "regulations.issued": true, "licensing.decisions": "12",
                     "penalties.decisions": 3.0, "fees.amount": "about 2", "regulations.repealed": -1},
          "table4": {"review.upheld": false, "review.totl": 1},
          "sections": [["七、附录", "x"], ["一、总体情况"], ["总体情况", "a"], ["一、总体情况", "b"]],
          "agency": "某局"
        }""",
    )
    code, out, err = _build(capsys, "--counts", counts)
    assert code == 2
    assert out == ""
    assert "(12 problems)" in err
    lines = [line.strip() for line in err.splitlines()[1:]]
    expected_starts = [
        "- agency: unknown member",
        "- table2.regulations.made: unknown table 2 cell of format 2021",
        "- table2.regulations.issued: the boolean true is not a count",
        "- table2.licensing.decisions: the text '12' is not a count",
        "- table2.penalties.decisions: the number 3.0 is not a count",
        "- table2.fees.amount: the text 'about 2' is not an amount",
        "- table2.regulations.repealed: a count cannot be negative",
        "- table4.review.upheld: the boolean false is not a count",
        "- table4.review.totl: unknown table 4 cell",
        "- sections[0][0]: unknown heading of format 2021",
        "- sections[1]: not a [heading, text] pair of texts",
        "- sections[3][0]: heading repeated (also sections[2])",
    ]
    assert len(lines) == len(expected_starts)
    for line, start in zip(lines, expected_starts, strict=True):
        assert line.startswith(start), (line, start)
    # an unknown key is answered with the valid keys of that year's format
    assert "expected one of: " + ", ".join(KEYS_2021_TABLE2) in lines[1]
    assert "expected one of: " + ", ".join(KEYS_TABLE4) in lines[8]
    assert "expected one of: table2, table4, sections" in lines[0]


def test_bad_table4_total(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    counts = _write(tmp_path, {"table4": {"review.upheld": 2, "review.corrected": 1, "review.total": 4}})
    code, _, err = _build(capsys, "--counts", counts)
    assert code == 2
    assert "table4.review.total: the total is not the sum of" in err
    assert "got 4; expected 3, or leave it out" in err


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "line 1, column 2: not valid JSON"),
        ("[1, 2]", "document: a list is not an object"),
        ('{"table2": {"fees.amount": NaN}}', "NaN is not a number JSON allows"),
        ('{"table2": [1]}', "table2: a list is not an object"),
        ('{"sections": {"一、总体情况": "x"}}', "sections: an object is not a list"),
        ('{"table4": {"review.upheld": 1, "review.upheld": 2}}', "key given more than once"),
    ],
)
def test_malformed_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    code, _, err = _build(capsys, "--counts", _write(tmp_path, text))
    assert code == 2
    assert message in err


def test_missing_counts_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _build(capsys, "--counts", str(tmp_path / "nope.json"))
    assert code == 2
    assert "nope.json" in err
    with pytest.raises(MissingFileError):
        read_counts(tmp_path / "nope.json", "2021")


def test_keys_of_the_other_format_are_refused() -> None:
    with pytest.raises(InvalidRecordsError) as info:
        counts_from_json('{"table2": {"regulations.issued": 1}}', "2019-trial")
    (problem,) = info.value.problems
    assert problem.location == "table2.regulations.issued"
    assert "regulations.made" in str(problem.expected)


# --- properties -------------------------------------------------------------------------------

_FORMATS = ("2021", "2019-trial")


@st.composite
def _counts(draw: st.DrawFn) -> tuple[str, dict[str, object]]:
    fmt = get_format(draw(st.sampled_from(_FORMATS)))
    money = {c for b in fmt.table2_blocks for c in b.money_columns}
    signed = {c for b in fmt.table2_blocks for c in b.signed_columns}
    table2: dict[str, object] = {}
    for key in draw(st.lists(st.sampled_from(fmt.table2_keys()), unique=True)):
        column = key.partition(".")[2]
        if column in money:
            cents = draw(st.integers(0, 10**9))
            table2[key] = str(Decimal(cents).scaleb(-2))
        else:
            low = -1000 if column in signed else 0
            table2[key] = draw(st.none() | st.integers(low, 10**6))
    parts = [k for k in KEYS_TABLE4 if not k.endswith(".total")]
    table4 = {
        k: draw(st.none() | st.integers(0, 10**4))
        for k in draw(st.lists(st.sampled_from(parts), unique=True))
    }
    return fmt.id, {"table2": table2, "table4": table4}


@given(_counts())
def test_any_valid_counts_build_a_report_that_passes(case: tuple[str, dict[str, object]]) -> None:
    format_id, data = case
    counts = counts_from_json(json.dumps(data), format_id)
    ledger = read_ledger(LEDGER)
    report = counts.build(ledger, 2025)
    result = check_report(report)
    assert result.violations == ()
    # a report on 2025 in the trial layout is flagged (format_year), never accepted silently
    assert [f.check for f in result.format_findings] == (["format_year"] if format_id == "2019-trial" else [])
    assert report.table2 is not None
    assert report.table4 is not None
    for key, value in data["table2"].items():  # type: ignore[attr-defined]
        expected = Decimal(value) if isinstance(value, str) else value
        assert report.table2.raw(key) == expected
    for block in ("review", "litigation_direct", "litigation_after_review"):
        given_parts = [v or 0 for k, v in data["table4"].items() if k.startswith(f"{block}.")]  # type: ignore[attr-defined]
        assert report.table4.raw(f"{block}.total") == sum(given_parts)


@pytest.mark.parametrize("format_id", _FORMATS)
def test_template_has_every_key_of_build_report(format_id: str) -> None:
    fmt = get_format(format_id)
    template = counts_template(fmt)
    assert tuple(template["table2"]) == fmt.table2_keys()
    assert tuple(template["table4"]) == KEYS_TABLE4
    assert [h for h, _ in template["sections"]] == list(fmt.sections)
    counts = counts_from_json(json.dumps(template), fmt)
    assert counts.sections == ()
