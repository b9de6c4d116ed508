"""One transaction per command: a killed import leaves the register as it was; concurrent adds
lose nothing."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from zwgk.register import Register

_IMPORT = textwrap.dedent(
    """
    import datetime as dt, pathlib, sys, time
    from zwgk.register import Register
    from zwgk.requests import DisclosureRequest, Ledger
    url, flag = sys.argv[1], pathlib.Path(sys.argv[2])
    ledger = Ledger(DisclosureRequest(f"K{i}", "x", "自然人", dt.date(2026, 3, 2)) for i in range(2000))
    def hang():
        flag.write_text("written, not committed")
        time.sleep(600)
    with Register(url) as reg:
        reg.import_ledger(ledger, before_commit=hang)
    """
)

_ADD = textwrap.dedent(
    """
    import datetime as dt, sys
    from zwgk.register import Register
    url, worker = sys.argv[1], sys.argv[2]
    with Register(url) as reg:
        for i in range(25):
            reg.add(f"W{worker}-{i}", applicant_kind="自然人", received=dt.date(2026, 3, 2), by=f"w{worker}")
    """
)


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONWARNINGS": "error::DeprecationWarning"}


def test_killed_import_leaves_the_register_unchanged(db_url: str, tmp_path: Path) -> None:
    with Register(db_url) as reg:
        reg.init()
        reg.add("BEFORE", applicant_kind="自然人", received=dt.date(2026, 3, 2))
        flag = tmp_path / "flag"
        proc = subprocess.Popen([sys.executable, "-c", _IMPORT, db_url, str(flag)], env=_env())
        try:
            deadline = time.monotonic() + 60
            while not flag.exists():
                assert proc.poll() is None, "the import ended before its hook"
                assert time.monotonic() < deadline, "the import never reached its hook"
                time.sleep(0.05)
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        assert reg.count() == 1


@pytest.mark.slow
def test_four_processes_adding_lose_nothing(db_url: str) -> None:
    with Register(db_url) as reg:
        reg.init()
        procs = [subprocess.Popen([sys.executable, "-c", _ADD, db_url, str(w)], env=_env()) for w in range(4)]
        assert [p.wait(timeout=120) for p in procs] == [0, 0, 0, 0]
        assert reg.count() == 100
