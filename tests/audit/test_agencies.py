"""The mapping file → agency: a two-column CSV, every problem listed by row."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.audit.helpers import report, write_json

from zwgk._cli import main
from zwgk.audit import audit_paths, read_agencies
from zwgk.errors import InvalidRecordsError


def test_read_a_mapping(tmp_path: Path) -> None:
    path = tmp_path / "agencies.csv"
    path.write_text("\ufeff文件,机关\na.html,某区司法局\n\n b.html , 某区司法局 \n", encoding="utf-8")
    assert read_agencies(path) == {"a.html": "某区司法局", "b.html": "某区司法局"}
    path.write_text("file,agency\n", encoding="utf-8")
    assert read_agencies(path) == {}


def test_every_bad_row_is_listed(tmp_path: Path) -> None:
    path = tmp_path / "agencies.csv"
    path.write_text("file,agency\na.html\n,局\nb.html,甲\nb.html,乙\n", encoding="utf-8")
    with pytest.raises(InvalidRecordsError) as caught:
        read_agencies(path)
    assert [p.location for p in caught.value.problems] == ["row 2", "row 3", "row 5"]
    path.write_text("path,name\na,b\n", encoding="utf-8")
    with pytest.raises(InvalidRecordsError, match="file,agency or 文件,机关"):
        read_agencies(path)


def _renamed(folder: Path) -> None:
    write_json(folder, "2022.json", report("某区司法局", 2022, carried_forward=3))
    write_json(folder, "2023.json", report("某市某区司法局", 2023, carried_over=2))


def test_a_renamed_department_is_one_series(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _renamed(tmp_path / "city")
    monkeypatch.chdir(tmp_path)
    assert audit_paths(["city"], series=True).findings == ()  # two names: nothing compared
    mapped = audit_paths(["city"], series=True, agencies={"./city/2022.json": "某市某区司法局"})
    assert {(f.check, f.file, f.other_file) for f in mapped.findings} == {
        ("series_carry_over", "city/2023.json", "city/2022.json")
    }


def test_cli_agencies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _renamed(tmp_path / "city")
    monkeypatch.chdir(tmp_path)
    Path("agencies.csv").write_text("file,agency\ncity/2022.json,某市某区司法局\n", encoding="utf-8")
    assert main(["report", "check", "city", "--series"]) == 0
    assert main(["report", "check", "city", "--series", "--agencies", "agencies.csv"]) == 1
    assert "series checks: 2 finding(s)" in capsys.readouterr().out
    Path("agencies.csv").write_text("nope\n", encoding="utf-8")
    assert main(["report", "check", "city", "--series", "--agencies", "agencies.csv"]) == 2


@pytest.mark.parametrize(
    ("make", "fragment"),
    [
        (lambda d: d / "absent.csv", "no such file"),
        (lambda d: (d / "a-folder.csv").mkdir() or d / "a-folder.csv", "no such file"),
        (
            lambda d: (d / "bad.csv").write_bytes(b"\xff\xfe\x00\xd8\x81\x30" * 10) and d / "bad.csv",
            "not UTF-8",
        ),
    ],
)
def test_cli_bad_mapping_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: object, fragment: str
) -> None:
    _renamed(tmp_path / "city")
    path = make(tmp_path)  # type: ignore[operator]
    assert main(["report", "check", str(tmp_path / "city"), "--series", "--agencies", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("zwgk: error: ")
    assert fragment in err
    assert "Traceback" not in err
