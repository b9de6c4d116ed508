"""``zwgk calendar`` and ``zwgk workdays`` through :func:`zwgk._cli.main`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.calendar.helpers import NOTICE_2027_TOML

from zwgk._cli import main


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_calendar_2026_lists_periods_with_notice_numbers(capsys: pytest.CaptureFixture[str]) -> None:
    # Chinese: the notice's own terms (休7天, 调休上班, 法定节假日; 国办发明电〔2025〕7号).
    code, out, err = _run(capsys, "--lang", "zh", "calendar", "2026")
    assert code == 0
    assert err == ""
    assert "国庆节  2026-10-01 … 2026-10-07  休7天  国办发明电〔2025〕7号" in out
    assert "  班  2026-10-10 周六  调休上班  国办发明电〔2025〕7号" in out
    assert "  休  2026-10-01 周四  法定节假日  国办发明电〔2025〕7号" in out
    assert "  班  2026-09-20 周日  调休上班" in out
    assert out.index("元旦") < out.index("春节") < out.index("国庆节")


def test_calendar_2026_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "calendar", "2026")
    assert (code, err) == (0, "")
    assert "National Day  2026-10-01 … 2026-10-07  7 days off  国办发明电〔2025〕7号" in out
    assert "  work  2026-10-10 Sat  weekend working day  国办发明电〔2025〕7号" in out
    assert "  rest  2026-10-01 Thu  statutory holiday  国办发明电〔2025〕7号" in out
    assert out.index("New Year") < out.index("Spring Festival") < out.index("National Day")


def test_calendar_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "calendar", "2026", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["year"] == 2026
    assert data["provisional"] is False
    national = data["periods"][-1]
    assert national["festivals"] == ["国庆节"]
    assert national["working_days"] == ["2026-09-20", "2026-10-10"]
    assert national["notices"] == ["国办发明电〔2025〕7号"]
    assert {
        "date": "2026-10-10",
        "kind": "调休上班",
        "working": True,
        "notice": "国办发明电〔2025〕7号",
    } in national["days"]


def test_calendar_of_an_estimated_year_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "calendar", "2027")
    assert code == 0
    assert "provisional" in out
    assert "zwgk: provisional:" in err
    assert "2026-12-31" in err
    _, out, _ = _run(capsys, "calendar", "2027", "--json")
    assert json.loads(out)["provisional"] is True


def test_calendar_beyond_raise(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "calendar", "2027", "--beyond", "raise")
    assert code == 2
    assert out == ""
    assert "recorded through 2026-12-31" in err


def test_calendar_before_2004(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "calendar", "2003")
    assert code == 2
    assert err.startswith("zwgk: error:")
    assert "2004-01-01" in err


def test_workdays_add(capsys: pytest.CaptureFixture[str]) -> None:
    # From Monday 2026-09-28: 9/29, 9/30, (国庆 10/1–7), 10/8, 10/9, Sat 10/10, ... → Fri 10/30.
    code, out, err = _run(capsys, "workdays", "add", "2026-09-28", "20")
    assert code == 0
    assert out == "2026-10-30  (Fri; +20 working days from 2026-09-28 Mon)\n"
    assert err == ""


def test_workdays_add_backwards_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "workdays", "add", "2026-10-12", "-5", "--json")
    assert code == 0
    # Back from Monday 10/12: Sat 10/10, Fri 10/9, Thu 10/8, (国庆), Wed 9/30, Tue 9/29.
    assert json.loads(out) == {"start": "2026-10-12", "n": -5, "result": "2026-09-29", "provisional": False}


def test_workdays_add_provisional_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "workdays", "add", "2026-12-20", "20", "--json")
    assert code == 0
    assert json.loads(out)["provisional"] is True
    assert "zwgk: provisional:" in err


def test_workdays_add_beyond_raise(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "workdays", "add", "2026-12-20", "20", "--beyond", "raise")
    assert code == 2
    assert out == ""
    assert "2026-12-31" in err


def test_workdays_between(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "workdays", "between", "2026-09-28", "2026-10-30") == (0, "20\n", "")
    assert _run(capsys, "workdays", "between", "2026-10-30", "2026-09-28")[1] == "-20\n"
    _, out, _ = _run(capsys, "workdays", "between", "2026-09-30", "2026-10-08", "--json")
    assert json.loads(out) == {
        "start": "2026-09-30",
        "end": "2026-10-08",
        "working_days": 1,
        "provisional": False,
    }


def test_workdays_kind(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "workdays", "kind", "2026-10-10")
    assert code == 0
    assert out == "2026-10-10 Sat  weekend working day (National Day, 国办发明电〔2025〕7号) — working day\n"
    code, out, _ = _run(capsys, "workdays", "kind", "2026-10-01", "--json")
    assert json.loads(out) == {
        "date": "2026-10-01",
        "kind": "法定节假日",
        "kind_name": "STATUTORY_HOLIDAY",
        "working": False,
        "festivals": ["国庆节"],
        "notice": "国办发明电〔2025〕7号",
        "provisional": False,
    }
    code, out, _ = _run(capsys, "workdays", "kind", "2026-11-03")
    assert out == "2026-11-03 Tue  working weekday — working day\n"
    code, out, _ = _run(capsys, "--lang", "zh", "workdays", "kind", "2026-10-10")
    assert out == "2026-10-10 周六  调休上班（国庆节，国办发明电〔2025〕7号）：工作日\n"


def test_workdays_kind_provisional(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "workdays", "kind", "2027-01-01")
    assert code == 0
    assert "[provisional estimate]" in out
    assert "zwgk: provisional: 2027-01-01 is after 2026-12-31" in err
    code, out, _ = _run(capsys, "workdays", "kind", "2027-01-01", "--json")
    assert json.loads(out)["provisional"] is True


def test_date_before_2004_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "workdays", "kind", "2003-12-31")
    assert code == 2
    assert out == ""
    assert "recorded from 2004-01-01" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["workdays", "add", "2026-13-01", "2"],
        ["workdays", "add", "2026-09-28", "twenty"],
        ["workdays", "between", "2026-09-28"],
        ["calendar", "next"],
        ["workdays", "kind", "2026-10-01", "--beyond", "maybe"],
        ["workdays"],
    ],
)
def test_bad_arguments_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    assert "error:" in capsys.readouterr().err


def test_bad_date_message_shows_the_format(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["workdays", "add", "2026-13-01", "2"])
    assert "expected YYYY-MM-DD" in capsys.readouterr().err


def test_extra_notice_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "2027.toml"
    path.write_text(NOTICE_2027_TOML, encoding="utf-8")
    code, out, err = _run(
        capsys, "workdays", "kind", "2027-01-31", "--notices", str(path), "--beyond", "raise"
    )
    assert code == 0
    assert "weekend working day" in out
    assert "国办发明电〔2026〕99号" in out
    assert err == ""


def test_malformed_notice_file_is_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "2027.toml"
    path.write_text(NOTICE_2027_TOML.replace("元旦", "圣诞节"), encoding="utf-8")
    code, _, err = _run(capsys, "calendar", "2027", "--notices", str(path))
    assert code == 2
    assert "periods[0].festivals[0]" in err
    assert "unknown festival" in err


def test_cli_missing_file_is_a_clean_error(capsys: pytest.CaptureFixture[str], tmp_path: object) -> None:
    assert main(["workdays", "add", "2026-09-28", "20", "--notices", "/no/such/notice.toml"]) == 2
    assert capsys.readouterr().err.startswith("zwgk: error: ")
