"""The audit of one report: adaptors over the checks of zwgk.reports."""

from __future__ import annotations

import subprocess
import sys

from tests.audit.helpers import FIXTURES, report

from zwgk.audit import CHECKS, audit_report
from zwgk.audit._report import ADAPTORS, _cell, audited_file, unreadable
from zwgk.errors import InvalidInputError
from zwgk.reports import Table3, Table3Column, load_report


def test_the_2021_fixture_breaks_identities_1_and_3() -> None:
    # The page's 总计 column: 一 16 + 二 1 = 17 but （七）总计 15 + 四 3 = 18 (identity 1), and
    # row 四: 总计 3 but 1 + 1 + 0 + 0 + 0 + 0 = 2 (identity 3) — as printed in the fixture.
    page = FIXTURES / "report_2021.html"
    findings = audit_report(load_report(page), str(page))
    assert [(f.check, f.cells[0]) for f in findings] == [
        ("identity_1", "表三 [（七）总计] × [总计]"),
        ("identity_3", "表三 [四、结转下年度继续办理] × [总计]"),
        # the page has no heading for 二 and none for 六
        ("section_missing", "二、主动公开政府信息情况"),
        ("section_missing", "六、其他需要报告的事项"),
    ]
    # 四 总计 is 3 where its columns add to 1 + 1 = 2: the one cell that satisfies both identities
    likely = "likely 表三 [四、结转下年度继续办理] × [总计]: 3, consistent value 2"
    assert [(f.agency, f.year, f.file, f.culprit) for f in findings] == [
        ("某市某区司法局", 2023, str(page), likely),
        ("某市某区司法局", 2023, str(page), likely),
        ("某市某区司法局", 2023, str(page), None),
        ("某市某区司法局", 2023, str(page), None),
    ]
    assert "16 + 1 = 17" in findings[0].message


def test_a_consistent_report_has_no_finding_and_its_status_is_ok() -> None:
    value = report("甲局", 2023, new=12, carried_over=2, carried_forward=4)
    assert audit_report(value) == ()
    status, findings = audited_file(value, "x.json")
    assert findings == ()
    assert (status.status, status.agency, status.year, status.format, status.findings) == (
        "ok",
        "甲局",
        2023,
        "2021",
        0,
    )
    # the 2021 format's 25 rows × 7 columns: all blank but 自然人 and 总计 of five rows, listed
    assert len(status.blanks) == 25 * 7 - 10


def test_every_adaptor_writes_contract_checks() -> None:
    assert isinstance(ADAPTORS, tuple)
    page = FIXTURES / "report_trial.html"
    findings = audit_report(load_report(page), "t.html")
    # 表四 行政复议: 总计 0, parts 1; the page has only the headings 三 and 四
    assert [f.check for f in findings] == ["identity_4", *["section_missing"] * 4]
    assert findings[0].culprit is not None
    assert findings[0].culprit.startswith("ambiguous")
    assert all(f.check in CHECKS for f in findings)


def test_unreadable_is_one_row_with_the_message() -> None:
    status, (finding,) = unreadable("f.pdf", InvalidInputError("path", "f.pdf", "a report"))
    assert (status.status, status.error) == ("unreadable", "path: got 'f.pdf'; expected a report")
    assert (finding.check, finding.message) == (
        "unreadable",
        "cannot be read: path: got 'f.pdf'; expected a report",
    )


def test_cell_reads_effective_values() -> None:
    plain = report("局", 2023, new=5).table3
    assert _cell(plain, "new", Table3Column.TOTAL) == 5
    assert _cell(plain, "withheld_1") is None  # blank, and so are its parts
    blank_total = Table3.from_mapping("2021", {"new": {"natural_person": 4, "business": 1}})
    assert _cell(blank_total, "new") == 5  # a blank total is read from its parts


def test_importing_the_audit_does_not_import_pydantic() -> None:
    code = "import sys, zwgk.audit; print('pydantic' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
