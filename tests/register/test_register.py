"""The register on SQLite and PostgreSQL: operations, append-only record, versions, privacy.

Expected due dates are the README's worked example (received 2026-09-28: due 2026-10-30;
with a third-party consultation 2026-10-09..2026-10-20: due 2026-11-11), not computed here.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from zwgk.errors import InvalidEventSequence, InvalidRecordsError, RegisterRecordError, RegisterVersionError
from zwgk.register import Register, head_revision
from zwgk.register._schema import init_register
from zwgk.requests import DisclosureRequest, Ledger, read_ledger

D = dt.date


@pytest.fixture
def reg(db_url: str) -> Iterator[Register]:
    with Register(db_url) as r:
        r.init()
        yield r


def test_add_and_due_by_the_clock(reg: Register) -> None:
    reg.add("R1", applicant_kind="自然人", received=D(2026, 9, 28), applicant="张三")
    assert reg.deadline("R1").due == D(2026, 10, 30)
    reg.record("R1", ["consult:2026-10-09..2026-10-20"], by="李四")
    assert reg.deadline("R1").due == D(2026, 11, 11)
    [item] = reg.due(D(2026, 11, 3))
    assert (item.id, item.due, item.state, item.overdue) == ("R1", D(2026, 11, 11), "running", False)


def test_channel_dates_fix_the_receipt_day(reg: Register) -> None:
    assert reg.add("P1", applicant_kind="自然人", channel="post", signed=D(2026, 9, 29)) == D(2026, 9, 29)
    with pytest.raises(RegisterRecordError, match="already recorded"):
        reg.add("P1", applicant_kind="自然人", received=D(2026, 9, 29))


def test_correction_supersedes_and_keeps_history(reg: Register) -> None:
    reg.add("R1", applicant_kind="自然人", received=D(2026, 9, 28))
    first = reg.record("R1", ["consult:2026-10-09..2026-10-22"], by="李四")
    reg.record("R1", ["consult:2026-10-09..2026-10-20"], supersedes=list(first), by="王五", reason="typo")
    history = reg.history("R1")
    assert [h.kind for h in history].count("Superseded") == 2
    assert all(h.superseded_by is not None for h in history if h.seq in first)
    assert reg.deadline("R1").due == D(2026, 11, 11)
    assert {h.recorded_by for h in history} == {"李四", "王五"}
    with pytest.raises(RegisterRecordError, match="already superseded"):
        reg.record("R1", supersedes=[first[0]])


def test_impossible_sequence_writes_nothing(reg: Register) -> None:
    reg.add("R1", applicant_kind="自然人", received=D(2026, 9, 28))
    with pytest.raises(InvalidEventSequence):
        reg.record("R1", ["consult:2026-10-09", "consult:2026-10-12"])
    assert reg.history("R1") == ()


def test_events_are_append_only_in_the_database(reg: Register) -> None:
    reg.add("R1", applicant_kind="自然人", received=D(2026, 9, 28))
    reg.record("R1", ["reply:2026-10-20=予以公开"])
    for statement in ("UPDATE events SET kind = 'x'", "DELETE FROM replies", "DELETE FROM events"):
        with pytest.raises(sa.exc.DatabaseError, match="append-only"), reg.engine.begin() as conn:
            conn.exec_driver_sql(statement)
    assert len(reg.history("R1")) == 1


def test_older_schema_is_refused_then_upgraded(db_url: str) -> None:
    with Register(db_url) as reg:
        init_register(reg.engine, revision="0001")
        with pytest.raises(RegisterVersionError, match="init --upgrade"):
            reg.count()
        with pytest.raises(RegisterVersionError, match="init --upgrade"):
            reg.init()
        assert reg.init(upgrade=True) == ("0001", head_revision())
        assert reg.count() == 0


def test_missing_register_says_init(tmp_path: Path) -> None:
    with (
        Register(str(tmp_path / "none.db")) as reg,
        pytest.raises(RegisterVersionError, match="register init"),
    ):
        reg.count()


def test_import_all_or_nothing_and_export_round_trip(reg: Register, tmp_path: Path) -> None:
    good = DisclosureRequest(
        "L1", "=HYPERLINK(1)", "自然人", D(2026, 3, 2), outcome="予以公开", closed=D(2026, 3, 20)
    )
    also = DisclosureRequest("L2", "某公司", "商业企业", D(2026, 3, 3))
    assert reg.import_ledger(Ledger((good, also))) == 2
    dup = DisclosureRequest("L1", "甲", "自然人", D(2026, 3, 2))
    new = DisclosureRequest("L3", "乙", "自然人", D(2026, 3, 2))
    with pytest.raises(InvalidRecordsError) as caught:
        reg.import_ledger(Ledger((new, dup)))
    assert [p.location for p in caught.value.problems] == ["request 2"]
    assert reg.count() == 2
    out = tmp_path / "out.csv"
    reg.export(out)
    assert "'=HYPERLINK(1)" in out.read_text(encoding="utf-8")
    back = read_ledger(out)
    assert [(r.id, r.outcome, r.closed) for r in back] == [(r.id, r.outcome, r.closed) for r in (good, also)]
    masked = tmp_path / "masked.json"
    reg.export(masked, mask=True)
    assert "某公司" not in masked.read_text(encoding="utf-8")


def test_purge_keeps_statistics(reg: Register, tmp_path: Path) -> None:
    reg.add(
        "R1",
        applicant_kind="自然人",
        received=D(2026, 9, 28),
        applicant="张三",
        identifier="1101",
        subject="张三的档案",
    )
    reg.record("R1", ["reply:2026-10-20=予以公开"])
    before = reg.table3(2026)
    reg.purge("R1", by="王五")
    record = reg.request("R1", show_names=True)
    assert (record.applicant, record.identifier, record.subject, record.purged) == (None, None, None, True)
    assert reg.table3(2026) == before
    assert reg.history("R1")[-1].kind == "Purged"


def test_table3_matches_the_ledger_path(reg: Register) -> None:
    from zwgk.reports import table3_from_ledger

    ledger = Ledger(
        (
            DisclosureRequest("A", "甲", "自然人", D(2025, 12, 1)),
            DisclosureRequest(
                "B", "乙", "商业企业", D(2025, 11, 3), outcome="部分公开", closed=D(2026, 1, 5)
            ),
            DisclosureRequest("C", "丙", "自然人", D(2026, 2, 2), outcome="予以公开", closed=D(2026, 2, 20)),
            DisclosureRequest("D", "丁", "科研机构", D(2026, 11, 2)),
            DisclosureRequest("E", "戊", "自然人", D(2025, 3, 2), outcome="予以公开", closed=D(2025, 3, 20)),
        )
    )
    reg.import_ledger(ledger)
    for year in (2025, 2026):
        assert reg.table3(year) == table3_from_ledger(ledger, year)


def test_due_vector_path_agrees_with_the_clock(reg: Register) -> None:
    days = [D(2026, 1, 5) + dt.timedelta(days=i) for i in range(0, 300, 7)]
    reg.import_ledger(Ledger(DisclosureRequest(f"V{i}", "x", "自然人", d) for i, d in enumerate(days)))
    as_of = D(2026, 10, 1)
    items = {i.id: i for i in reg.due(as_of)}
    for i, d in enumerate(days):
        if d <= as_of:
            status = DisclosureRequest(f"V{i}", "x", "自然人", d).deadline().status(as_of)
            got = items[f"V{i}"]
            assert (got.due, got.working_days_left, got.overdue) == (
                status.due,
                status.working_days_remaining,
                status.overdue,
            )


def test_cli_round(db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from zwgk._cli import main

    assert main(["register", "init", "--db", db_url]) == 0
    assert (
        main(
            [
                "register",
                "add",
                "R1",
                "--db",
                db_url,
                "--kind",
                "自然人",
                "--received",
                "2026-09-28",
                "--applicant",
                "张三",
            ]
        )
        == 0
    )
    assert (
        main(["register", "event", "R1", "consult:2026-10-09..2026-10-20", "--db", db_url, "--by", "李四"])
        == 0
    )
    capsys.readouterr()
    assert main(["register", "due", "--as-of", "2026-11-03", "--json", "--db", db_url]) == 0
    [item] = json.loads(capsys.readouterr().out)
    assert (item["id"], item["due"], item["state"]) == ("R1", "2026-11-11", "running")
    assert main(["register", "show", "R1", "--db", db_url]) == 0
    shown = capsys.readouterr().out
    assert "2026-11-11" in shown
    assert "张三" not in shown
    assert main(["register", "show", "R1", "--db", db_url, "--show-names"]) == 0
    assert "张三" in capsys.readouterr().out
    assert main(["register", "due", "--as-of", "2026-11-20", "--db", db_url]) == 1  # overdue
    assert "张三" not in capsys.readouterr().out
    assert main(["register", "export", "--output", str(tmp_path / "x.xlsx"), "--mask", "--db", db_url]) == 0
    assert main(["register", "purge", "R1", "--db", db_url]) == 0
    assert main(["report", "build", "--register", db_url, "--year", "2026"]) == 0
    assert "张三" not in capsys.readouterr().out
    assert main(["register", "event", "NOPE", "reply:2026-10-01", "--db", db_url]) == 2
    assert "not in the register" in capsys.readouterr().err


def test_default_database_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from zwgk.register import register_url

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ZWGK_DB", raising=False)
    assert register_url() == "sqlite:///zwgk-register.db"
    monkeypatch.setenv("ZWGK_DB", str(tmp_path / "x.db"))
    assert register_url() == f"sqlite:///{tmp_path / 'x.db'}"


def test_2008_notices_count_as_the_ledger_path(reg: Register) -> None:
    """2008-regime replies by 告知书 (docs/explanation/replies-2008.md): same table 3 as the ledger path."""
    from zwgk.reports import table3_from_ledger

    ledger = Ledger(
        (
            DisclosureRequest(
                "A", "甲", "自然人", D(2019, 3, 4), outcome="同意公开告知书", closed=D(2019, 3, 8)
            ),
            DisclosureRequest(
                "B", "乙", "自然人", D(2019, 3, 4), outcome="信息不存在告知书", closed=D(2019, 3, 8)
            ),
            DisclosureRequest("C", "丙", "自然人", D(2019, 3, 4), outcome="补正告知书", closed=D(2019, 3, 8)),
        )
    )
    reg.import_ledger(ledger)
    assert reg.table3(2019) == table3_from_ledger(ledger, 2019)
    assert [r.outcome for r in reg.ledger()] == [r.outcome for r in ledger]


def test_2008_notice_without_a_row_is_listed(reg: Register) -> None:
    reg.import_ledger(
        Ledger(
            [
                DisclosureRequest(
                    "A", "甲", "自然人", D(2019, 3, 4), outcome="不予公开告知书", closed=D(2019, 3, 8)
                )
            ]
        )
    )
    with pytest.raises(InvalidRecordsError, match="names no row of table 3"):
        reg.table3(2019)
