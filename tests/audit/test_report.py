"""The audit of one report: adaptors over the checks of zwgk.reports."""

from __future__ import annotations

import subprocess
import sys

from tests.audit.helpers import FIXTURES, report

from zwgk.audit import CHECKS, audit_report
from zwgk.audit._report import ADAPTORS, _cell, audited_file, unreadable
from zwgk.errors import InvalidInputError
from zwgk.reports import Table3Column, load_report


def test_the_2021_fixture_breaks_identities_1_and_3() -> None:
    # The page's 总计 column: 一 16 + 二 1 = 17 but （七）总计 15 + 四 3 = 18 (identity 1), and
    # row 四: 总计 3 but 1 + 1 + 0 + 0 + 0 + 0 = 2 (identity 3) — as printed in the fixture.
    page = FIXTURES / "report_2021.html"
    findings = audit_report(load_report(page), str(page))
    assert [(f.check, f.cells[0]) for f in findings] == [
        ("identity_1", "表三 [（七）总计] × [总计]"),
        ("identity_3", "表三 [四、结转下年度继续办理] × [总计]"),
    ]
    assert {(f.agency, f.year, f.file, f.culprit) for f in findings} == {
        ("某市某区司法局", 2023, str(page), None)
    }
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
    assert [f.check for f in findings] == ["identity_4"]  # 表四 行政复议: 总计 0, parts 1
    assert all(f.check in CHECKS for f in findings)


def test_unreadable_is_one_row_with_the_message() -> None:
    status, (finding,) = unreadable("f.pdf", InvalidInputError("path", "f.pdf", "a report"))
    assert (status.status, status.error) == ("unreadable", "path: got 'f.pdf'; expected a report")
    assert (finding.check, finding.message) == (
        "unreadable",
        "cannot be read: path: got 'f.pdf'; expected a report",
    )


class _Effective:
    """A table 3 that knows effective values (as the model will): the helper must use them."""

    def effective(self, row: str, column: object) -> int | None:
        return 42 if row == "total" else None

    def value(self, row: str, column: object) -> int:  # pragma: no cover - must not be called
        raise AssertionError("value() used although effective() exists")


def test_cell_uses_effective_values_when_the_model_has_them() -> None:
    assert _cell(_Effective(), "total") == 42  # type: ignore[arg-type]
    assert _cell(_Effective(), "new") is None  # type: ignore[arg-type]
    plain = report("局", 2023, new=5).table3
    assert _cell(plain, "new", Table3Column.TOTAL) == 5
    assert _cell(plain, "withheld_1") in (0, None)  # blank


def test_importing_the_audit_does_not_import_pydantic() -> None:
    code = "import sys, zwgk.audit; print('pydantic' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
