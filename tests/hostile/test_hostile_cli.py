"""The command line under hostile input (issue 11): exit 2 and a message, never a traceback.

Each case names its input and what the CLI must say: the exit code and a fragment of
stderr.  Internal errors exit 3 with one line; ``--debug`` shows the traceback.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import zwgk._cli._calendar as cli_calendar
from zwgk._cli import EXIT_INTERNAL, EXIT_USAGE, main

HERE = Path(__file__).resolve().parent
LEDGER = HERE.parent / "reports" / "golden" / "ledger_2025.csv"
CARD = "kaifu-2013-windows"

# ---------------------------------------------------------------------------- input files

# The kind of bad file → how to make it in a folder.
MAKERS: dict[str, Callable[[Path], Path]] = {
    "missing": lambda d: d / "absent.json",
    "directory": lambda d: _mkdir(d / "a-folder.json"),
    "non-utf8": lambda d: _write_bytes(d / "bad.json", b"\xff\xfe\x00\xd8\x81\x30" * 10),
    "deep-json": lambda d: _write_bytes(d / "deep.json", b"[" * 5000 + b"]" * 5000),
}

# Commands that read a file: (name, argv with {} for the file, the file's suffix).
FILE_COMMANDS: dict[str, list[str]] = {
    "calendar --notices": ["calendar", "2026", "--notices", "{}"],
    "workdays add --notices": ["workdays", "add", "2026-01-05", "3", "--notices", "{}"],
    "score EVIDENCE": ["score", CARD, "{}"],
    "score CARD-FILE": ["score", "{}", "{}"],
    "catalog check": ["catalog", "check", "{}"],
    "catalog compliance": ["catalog", "compliance", "{}", "{}"],
    "report build": ["report", "build", "{}", "--year", "2025"],
    "report build --counts": ["report", "build", str(LEDGER), "--year", "2025", "--counts", "{}"],
    "report check": ["report", "check", "{}"],
    "fees per-request --ledger": [
        "fees",
        "per-request",
        "--ledger",
        "{}",
        "--applicant",
        "A",
        "--month",
        "2025-03",
    ],
}

# What stderr must contain for each kind of bad file (any one fragment).
# A card argument that is no file is read as a card name ("unknown card"); the readers of
# catalogs, ledgers and reports (branch i-readers) still meet deep JSON as a recursion
# error, which the CLI reports as bad input.
EXPECTED: dict[str, tuple[str, ...]] = {
    "missing": ("no such file", "unknown card", "expected an existing"),
    "directory": ("no such file", "unknown card", "expected an existing", "no notice files in the folder"),
    "non-utf8": ("UTF-8", "GB18030", "not valid", "Invalid JSON", "cannot read the file", "not a readable"),
    "deep-json": ("max_depth", "unknown card", "recursion", "RecursionError"),
}


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path


def _write_bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _assert_clean(err: str) -> None:
    assert "Traceback" not in err
    assert 'File "' not in err


@pytest.mark.parametrize("kind", sorted(MAKERS))
@pytest.mark.parametrize("command", sorted(FILE_COMMANDS))
def test_bad_input_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, kind: str) -> None:
    path = MAKERS[kind](tmp_path)
    argv = [str(path) if a == "{}" else a for a in FILE_COMMANDS[command]]
    code, _, err = _run(argv, capsys)
    assert code == EXIT_USAGE, err
    _assert_clean(err)
    assert err.startswith(("zwgk: error:", "usage:", "zwgk: provisional:", "zwgk: warning:")), err
    assert any(fragment in err for fragment in EXPECTED[kind]), err


# ---------------------------------------------------------------------------- huge arguments

HUGE = "9" * (100 * 1024 * 1024)  # a 100 MB argument

HUGE_ARGS: dict[str, list[str]] = {
    "calendar YEAR": ["calendar", HUGE],
    "workdays add DATE": ["workdays", "add", HUGE, "3"],
    "workdays add N": ["workdays", "add", "2026-01-05", HUGE],
    "deadline --received": ["deadline", "--received", HUGE],
    "deadline --event": ["deadline", "--received", "2026-01-05", "--event", HUGE],
    "score CARD": ["score", HUGE, "-"],
    "schema NAME": ["schema", HUGE],
    "report shares": ["report", "shares", HUGE, "--total", "10"],
}


@pytest.mark.parametrize("name", sorted(HUGE_ARGS))
def test_a_100_mb_argument_gives_a_short_message(capsys: pytest.CaptureFixture[str], name: str) -> None:
    with pytest.raises(SystemExit) as exit_info:  # argparse exits; zwgk errors return
        raise SystemExit(main(HUGE_ARGS[name]))
    err = capsys.readouterr().err
    assert exit_info.value.code == EXIT_USAGE, err[:500]
    _assert_clean(err)
    assert len(err) < 10_000, err[:500]


# ---------------------------------------------------------------------------- outputs


def _ledger_copy(tmp_path: Path) -> Path:
    target = tmp_path / "L.csv"
    shutil.copyfile(LEDGER, target)
    return target


def test_output_over_the_input_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ledger = _ledger_copy(tmp_path)
    before = ledger.read_bytes()
    code, _, err = _run(["report", "build", str(ledger), "--year", "2025", "--output", str(ledger)], capsys)
    assert code == EXIT_USAGE
    assert "a file other than the input" in err
    assert ledger.read_bytes() == before


def test_output_over_the_input_is_refused_even_with_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger = _ledger_copy(tmp_path)
    argv = ["report", "build", str(ledger), "--year", "2025", "--output", str(ledger), "--force"]
    code, _, err = _run(argv, capsys)
    assert code == EXIT_USAGE
    assert "a file other than the input" in err


def test_output_over_the_input_by_another_spelling(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger = _ledger_copy(tmp_path)
    (tmp_path / "sub").mkdir()
    other = tmp_path / "sub" / ".." / "L.csv"
    code, _, err = _run(["report", "build", str(ledger), "--year", "2025", "--output", str(other)], capsys)
    assert code == EXIT_USAGE
    assert "a file other than the input" in err


def test_output_over_the_input_through_a_hard_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger = _ledger_copy(tmp_path)
    link = tmp_path / "link.csv"
    try:
        os.link(ledger, link)
    except OSError:  # pragma: no cover - a file system without hard links
        pytest.skip("no hard links here")
    before = ledger.read_bytes()
    code, _, err = _run(["report", "build", str(ledger), "--year", "2025", "--output", str(link)], capsys)
    assert code == EXIT_USAGE
    assert "a file other than the input" in err
    assert ledger.read_bytes() == before


def test_output_over_the_input_through_a_symlink(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ledger = _ledger_copy(tmp_path)
    link = tmp_path / "sym.csv"
    link.symlink_to(ledger)
    code, _, err = _run(["report", "build", str(ledger), "--year", "2025", "--output", str(link)], capsys)
    assert code == EXIT_USAGE
    assert "a file other than the input" in err


def test_output_over_the_counts_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    counts = tmp_path / "counts.json"
    assert main(["report", "counts-template", "--year", "2025", "--output", str(counts)]) == 0
    capsys.readouterr()
    argv = [
        "report",
        "build",
        str(LEDGER),
        "--year",
        "2025",
        "--counts",
        str(counts),
        "--output",
        str(counts),
    ]
    code, _, err = _run(argv, capsys)
    assert code == EXIT_USAGE
    assert "a file other than the input" in err


OUTPUT_COMMANDS: dict[str, list[str]] = {
    "report build --output": ["report", "build", str(LEDGER), "--year", "2025", "--output", "{}"],
    "report counts-template --output": ["report", "counts-template", "--year", "2025", "--output", "{}"],
}


@pytest.mark.parametrize("command", sorted(OUTPUT_COMMANDS))
def test_existing_output_needs_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    target = tmp_path / "out.txt"
    target.write_text("keep me", encoding="utf-8")
    argv = [str(target) if a == "{}" else a for a in OUTPUT_COMMANDS[command]]
    code, _, err = _run(argv, capsys)
    assert code == EXIT_USAGE
    assert "--force" in err
    assert target.read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize("command", sorted(OUTPUT_COMMANDS))
def test_force_replaces_an_existing_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    argv = [str(target) if a == "{}" else a for a in OUTPUT_COMMANDS[command]] + ["--force"]
    code, out, _ = _run(argv, capsys)
    assert code in (0, 1)
    assert target.read_text(encoding="utf-8") != "old"
    assert "wrote" in out


@pytest.mark.parametrize("command", sorted(OUTPUT_COMMANDS))
def test_output_into_a_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    argv = [str(tmp_path) if a == "{}" else a for a in OUTPUT_COMMANDS[command]]
    code, _, err = _run(argv, capsys)
    assert code == EXIT_USAGE
    assert "not a folder" in err


def test_schema_write_regenerates_its_own_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--write", str(tmp_path)]) == 0
    assert main(["schema", "--write", str(tmp_path)]) == 0  # its own files: replaced without --force
    capsys.readouterr()


def test_schema_write_keeps_a_foreign_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    foreign = tmp_path / "notice.schema.json"
    foreign.write_text('{"mine": true}', encoding="utf-8")
    code, _, err = _run(["schema", "--write", str(tmp_path)], capsys)
    assert code == EXIT_USAGE
    assert "--force" in err
    assert foreign.read_text(encoding="utf-8") == '{"mine": true}'
    assert main(["schema", "--write", str(tmp_path), "--force"]) == 0
    assert "Generated by zwgk" in foreign.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------- internal errors


def _boom(args: object) -> int:
    raise RuntimeError("something inside broke")


def test_an_internal_error_is_one_line_and_exit_3(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cli_calendar, "_calendar", _boom)
    code, _, err = _run(["calendar", "2026"], capsys)
    assert code == EXIT_INTERNAL
    assert err.count("\n") == 1
    assert "internal error (RuntimeError: something inside broke)" in err
    assert "please report it" in err
    assert "--debug" in err
    _assert_clean(err)


def test_debug_shows_the_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_calendar, "_calendar", _boom)
    with pytest.raises(RuntimeError, match="something inside broke"):
        main(["--debug", "calendar", "2026"])


@pytest.mark.parametrize(
    ("exc", "fragment"),
    [
        (UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"), "UnicodeDecodeError"),
        (RecursionError("maximum recursion depth exceeded"), "RecursionError"),
    ],
    ids=["UnicodeDecodeError", "RecursionError"],
)
def test_parser_errors_that_escape_a_reader_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], exc: Exception, fragment: str
) -> None:
    def fail(args: object) -> int:
        raise exc

    monkeypatch.setattr(cli_calendar, "_calendar", fail)
    code, _, err = _run(["calendar", "2026"], capsys)
    assert code == EXIT_USAGE
    assert fragment in err
    _assert_clean(err)


def test_help_documents_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for line in ("0  success", "1  the command ran", "2  bad usage", "3  internal error", "--debug"):
        assert line in out
