"""Notebook displays and DataFrames of catalogs, catalog checks and compliance reports."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from importlib import resources

import pytest

from zwgk.catalog import (
    Catalog,
    CheckReport,
    ComplianceReport,
    DisclosureItem,
    check_catalog,
    check_compliance,
    sample_catalog,
    sample_publication_log,
)
from zwgk.catalog._display import compliance_to_dataframe, findings_to_frame
from zwgk.catalog.io import catalog_to_dataframe


def _body_rows(page: str) -> list[list[str]]:
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [re.findall(r"<td>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", body)]


def _defects() -> list[dict[str, object]]:
    """The defects the sample catalog carries on purpose (hand-written package data)."""
    text = (
        resources.files("zwgk.catalog").joinpath("data", "sample_employment_catalog.toml").read_text("utf-8")
    )
    defects: list[dict[str, object]] = tomllib.loads(text)["defect"]
    return defects


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return sample_catalog()


@pytest.fixture(scope="module")
def report(catalog: Catalog) -> CheckReport:
    return check_catalog(catalog)


@pytest.fixture(scope="module")
def compliance(catalog: Catalog) -> ComplianceReport:
    return check_compliance(catalog, sample_publication_log(), as_of=dt.date(2026, 6, 30))


# ----------------------------------------------------------------------------- catalog


def test_catalog_repr_names_title_size_and_source(catalog: Catalog) -> None:
    assert repr(catalog) == (
        "<Catalog 示例县就业和社会保障领域基层政务公开标准目录: 32 items from sample_employment_catalog.csv>"
    )


def test_catalog_html_shows_the_first_twenty_rows(catalog: Catalog) -> None:
    page = catalog._repr_html_()
    rows = _body_rows(page)
    assert len(rows) == 20
    assert [r[0] for r in rows] == [i.sequence for i in catalog.items[:20]]
    assert rows[0][1] == catalog.items[0].name
    assert "… and 12 more items" in page


def test_catalog_html_escapes_cells() -> None:
    small = Catalog((DisclosureItem("1", "<script>alert(1)</script>", body="A&B局"),), title="T<1>")
    page = small._repr_html_()
    assert "<script>" not in page
    assert _body_rows(page) == [["1", "&lt;script&gt;alert(1)&lt;/script&gt;", "", "A&amp;B局", ""]]
    assert "<p>T&lt;1&gt;: 1 item</p>" in page
    assert "more items" not in page
    assert repr(small) == "<Catalog T<1>: 1 item>"


def test_catalog_to_frame_is_the_export_function(catalog: Catalog) -> None:
    frame = catalog.to_frame()
    assert frame.equals(catalog_to_dataframe(catalog))
    assert len(frame) == 32
    assert list(frame["sequence"]) == [i.sequence for i in catalog.items]


# ----------------------------------------------------------------------------- checks


def test_check_report_html_has_one_row_per_defect(report: CheckReport) -> None:
    defects = _defects()
    rows = _body_rows(report._repr_html_())
    assert [(r[0], r[3]) for r in rows] == [
        (f"row {d['row']}", report.findings[n].label_in("en")) for n, d in enumerate(defects)
    ]
    assert [f.code.name for f in report.findings] == [d["code"] for d in defects]


def test_check_report_repr_counts_by_code(report: CheckReport) -> None:
    text = repr(report)
    assert text.startswith("<CheckReport 32 items, 7 findings: ")
    for defect in _defects():
        assert f"{defect['code']} " in text


def test_check_report_to_frame_matches_the_findings(report: CheckReport) -> None:
    frame = report.to_frame()
    assert list(frame.columns) == ["location", "sequence", "item", "code", "label", "message"]
    assert list(frame["location"]) == [f"row {d['row']}" for d in _defects()]
    assert list(frame["code"]) == [d["code"] for d in _defects()]
    assert list(frame["message"]) == [f.message for f in report.findings]
    assert frame.equals(findings_to_frame(report))


def test_clean_check_report_display() -> None:
    clean = CheckReport((), 3)
    assert repr(clean) == "<CheckReport ok: 3 items, no findings>"
    assert clean._repr_html_() == "<div class='zwgk-check'><p><b>3</b> items checked — no findings</p></div>"
    assert list(clean.to_frame().columns) == ["location", "sequence", "item", "code", "label", "message"]
    assert clean.to_frame().empty


# ----------------------------------------------------------------------------- compliance


def test_compliance_html_has_one_row_per_item(compliance: ComplianceReport) -> None:
    rows = _body_rows(compliance._repr_html_())
    assert len(rows) == len(compliance.items)
    for row, item in zip(rows, compliance.items, strict=True):
        assert row[:7] == [
            item.sequence,
            item.item,
            str(len(item.results)),
            str(item.on_time),
            str(item.late),
            str(item.overdue),
            str(item.pending),
        ]
    assert sum(int(r[3]) for r in rows) == compliance.on_time


def test_compliance_repr_and_frame(compliance: ComplianceReport) -> None:
    text = repr(compliance)
    assert text.startswith("<ComplianceReport as of 2026-06-30: ")
    assert (
        f"({compliance.on_time} on time, {compliance.late} late, {compliance.overdue} overdue, "
        f"{compliance.pending} pending)"
    ) in text
    frame = compliance.to_frame()
    assert frame.equals(compliance_to_dataframe(compliance))
    assert len(frame) == len(compliance.results)
    assert list(frame["status"]) == [r.status.value for r in compliance.results]
