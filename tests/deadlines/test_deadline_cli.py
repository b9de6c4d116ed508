"""The ``zwgk deadline`` command: receipt by channel, event ranges, provisional notes."""

from __future__ import annotations

import pytest

from zwgk._cli import main


def test_cli_prints_provisional_notes_not_python_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    # B4: zwgk deadline with a provisional result.
    assert main(["deadline", "--received", "2026-12-10"]) == 0
    err = capsys.readouterr().err
    assert err.startswith("zwgk: provisional: ")
    assert "ProvisionalCalendarWarning" not in err
    assert ".py:" not in err


def test_cli_accepts_received_with_a_channel(capsys: pytest.CaptureFixture[str]) -> None:
    # Issue 3 §9 syntax: arrived 9/28, signed for 9/29 → received 9/29 (第三十一条第（二）项).
    assert main(["deadline", "--received", "2026-09-28", "--channel", "post", "--signed", "2026-09-29"]) == 0
    out = capsys.readouterr().out
    assert "Request received 2026-09-29" in out
    assert "arrived 2026-09-28" in out


def test_cli_event_range_end_before_start(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["deadline", "--received", "2026-09-28", "--event", "consult:2026-10-20..2026-10-09"]) == 2
    assert "end on or after the start (2026-10-20)" in capsys.readouterr().err
