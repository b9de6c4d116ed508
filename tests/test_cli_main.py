"""The command line's shared behaviour: exit codes, errors, warnings, pipes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from zwgk._cli import main

BIN = Path(sys.executable).parent


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for command in (
        "calendar",
        "workdays",
        "deadline",
        "score",
        "cards",
        "card-template",
        "catalog",
        "report",
        "fees",
        "schema",
    ):
        assert f"    {command}" in out


def test_unreadable_file_is_a_clean_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["catalog", "check", str(tmp_path / "missing.csv")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("zwgk: error: ")
    assert "Traceback" not in err


@pytest.mark.skipif(
    not (BIN / "zwgk").exists(), reason="the zwgk script is not installed next to this Python"
)
def test_a_closed_pipe_is_not_an_error() -> None:
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    result = subprocess.run(
        ["bash", "-c", "set -o pipefail; zwgk --lang zh calendar 2026 | head -n 1"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("2026年节假日安排")
    assert result.stderr == ""


# ------------------------------------------------------------------ the CLI's own language (issue 13)


def test_argparse_texts_follow_the_language(capsys: pytest.CaptureFixture[str]) -> None:
    from zwgk._cli import main

    with pytest.raises(SystemExit) as stop:
        main(["--lang", "zh", "calendar", "2026", "--bogus"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("用法：zwgk")
    assert "zwgk：错误：无法识别的参数：--bogus" in err
    with pytest.raises(SystemExit):
        main(["--lang=en", "calendar", "2026", "--bogus"])
    err = capsys.readouterr().err
    assert err.startswith("usage: zwgk")
    assert "zwgk: error: unrecognized arguments: --bogus" in err
    import argparse

    assert argparse._("usage: ") == "usage: "  # type: ignore[attr-defined]  # argparse's own again


def test_help_is_worded_in_the_language_given_after_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    from zwgk._cli import main

    with pytest.raises(SystemExit):
        main(["calendar", "--help", "--lang", "zh"])
    out = capsys.readouterr().out
    assert out.startswith("用法：")
    assert "显示本帮助并退出" in out
    assert "退出码：" in out


def test_a_bad_lang_is_refused_before_parsing(capsys: pytest.CaptureFixture[str]) -> None:
    from zwgk._cli import main

    assert main(["--lang", "fr", "--help"]) == 2
    assert "--lang: got 'fr'" in capsys.readouterr().err


def test_given_lang_reads_the_last_one_before_the_end_of_options() -> None:
    from zwgk._cli import _given_lang

    assert _given_lang(["--lang", "zh", "deadline", "--lang=en"]) == "en"
    assert _given_lang(["deadline", "--", "--lang", "zh"]) is None
    assert _given_lang(["deadline", "--lang"]) is None


def test_wide_text_is_wrapped_by_terminal_columns() -> None:
    from zwgk._cli import _wrap_wide

    lines = _wrap_wide("答复期限开始计算：20个工作日，起算当日不计入。使用 --lang zh 选择语言", 24)
    joined = "答复期限开始计算：20个工作日，起算当日不计入。使用--langzh选择语言"
    assert "".join(lines).replace(" ", "") == joined
    wide = lambda s: sum(2 if "\u4e00" <= c <= "\u9fff" or c in "：，。" else 1 for c in s)  # noqa: E731
    assert all(wide(line) <= 24 for line in lines), lines
    assert not any(line.startswith(("，", "。", "：")) for line in lines)


def test_a_chinese_usage_aligns_its_continuation_lines(capsys: pytest.CaptureFixture[str]) -> None:
    from zwgk._cli import _columns, main

    with pytest.raises(SystemExit):
        main(["--lang", "zh", "workdays", "add", "--help"])
    first, second = capsys.readouterr().out.splitlines()[:2]
    # the options of line 2 start under the first option of line 1, in terminal columns
    assert _columns(first[: first.index("[")]) == len(second) - len(second.lstrip())
