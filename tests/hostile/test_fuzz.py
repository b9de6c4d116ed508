"""Fuzzing every parser: whatever the input, zwgk answers or raises one of its own errors.

Each test feeds one parser arbitrary or mutated input and accepts exactly two outcomes: a
result, or a :class:`~zwgk.errors.ZwgkError` (which also derives from the matching builtin).
Anything else — ``RecursionError``, ``UnicodeDecodeError``, ``_csv.Error``, ``KeyError``,
``AttributeError`` from deep inside — fails the test.  zwgk's own warnings (an unparsed time
limit, a provisional date) are allowed; every other warning is an error.

The ``fuzz`` marker selects them.  In the normal run they use the ``ci`` profile (100
inputs each); the ``fuzz`` profile (``tests/conftest.py``) draws
``ZWGK_FUZZ_EXAMPLES`` inputs per parser (default 100,000; twelve parsers, so more than
10⁶ in all) for a manual run::

    HYPOTHESIS_PROFILE=fuzz python -m pytest -m fuzz -p no:cacheprovider tests/hostile/test_fuzz.py
"""

from __future__ import annotations

import contextlib
import io
import json
import string
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zwgk._csv_guard import read_csv_rows
from zwgk._json_guard import load_json, load_toml
from zwgk._limits import DEFAULT_LIMITS
from zwgk.calendar.io import notice_from_mapping, parse_notice_text
from zwgk.catalog import parse_time_limit
from zwgk.catalog.io import catalog_from_json, catalog_from_rows, read_catalog_xlsx, sample_catalog_path
from zwgk.errors import ZwgkError, ZwgkWarning
from zwgk.plans.io import plan_from_dict
from zwgk.reports.io import counts_from_json, parse_report_html, report_from_json
from zwgk.requests.io import ledger_from_rows
from zwgk.scoring import load_card, score

pytestmark = pytest.mark.fuzz

FIXTURES = Path(__file__).resolve().parents[1] / "reports" / "fixtures"

# Text that looks like the inputs: Chinese, digits, punctuation people type, and markup.
_ALPHABET = st.sampled_from(
    list(string.printable)
    + list("年月日工作个内起之前后每季度上半年〔〕（）【】、，。：；—　０１２３日期限自信息形成变更")
)
_TEXT = st.one_of(st.text(), st.text(_ALPHABET, max_size=200))
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(_ALPHABET, max_size=30),
    lambda children: (
        st.lists(children, max_size=5)
        | st.dictionaries(st.text(_ALPHABET, max_size=12), children, max_size=5)
    ),
    max_leaves=25,
)


def only_zwgk_errors(call: Callable[[], object]) -> None:
    """Run ``call``; a result or a zwgk error is fine, anything else propagates."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ZwgkWarning)
        with contextlib.suppress(ZwgkError):
            call()


def _mutated(data: bytes, edits: list[tuple[int, int]]) -> bytes:
    buf = bytearray(data)
    for position, value in edits:
        buf[position % len(buf)] = value
    return bytes(buf)


# ----------------------------------------------------------------------------- text parsers


@given(_TEXT)
def test_time_limit_phrases(text: str) -> None:
    only_zwgk_errors(lambda: parse_time_limit(text))


@given(_TEXT)
def test_notice_text(text: str) -> None:
    only_zwgk_errors(lambda: parse_notice_text(text))


@given(st.one_of(_TEXT, _JSON.map(lambda v: json.dumps(v, ensure_ascii=False))))
def test_notice_files(text: str) -> None:
    def parse() -> None:
        data = load_toml(text, limits=DEFAULT_LIMITS, source="fuzz.toml")
        if isinstance(data, dict):
            notice_from_mapping(data, "fuzz.toml")

    only_zwgk_errors(parse)


@given(_JSON)
def test_notice_mappings(data: Any) -> None:
    if isinstance(data, dict):
        only_zwgk_errors(lambda: notice_from_mapping(data, "fuzz"))


# ----------------------------------------------------------------------------- evidence, cards, plans

_CARD = load_card("kaifu-2013-streets")


@given(st.one_of(_TEXT, _JSON.map(json.dumps)))
def test_evidence_json(text: str) -> None:
    def parse() -> None:
        evidence = load_json(text, limits=DEFAULT_LIMITS, source="evidence.json")
        if isinstance(evidence, dict):
            score(_CARD, evidence)

    only_zwgk_errors(parse)


@given(st.dictionaries(st.sampled_from(sorted(_CARD.fields)), _JSON, max_size=8))
def test_evidence_values(evidence: dict[str, Any]) -> None:
    only_zwgk_errors(lambda: score(_CARD, evidence))


@given(_JSON)
def test_work_plans(data: Any) -> None:
    if isinstance(data, dict):
        only_zwgk_errors(lambda: plan_from_dict(data, source="fuzz"))


# ----------------------------------------------------------------------------- ledgers and catalogs

_LEDGER_KEYS = st.sampled_from(
    ["id", "received", "applicant", "channel", "outcome", "closed", "events", "编号", "收到日期"]
)


@given(st.lists(st.dictionaries(_LEDGER_KEYS, st.one_of(_TEXT, _JSON), max_size=6), max_size=5))
def test_ledger_rows(rows: list[dict[str, Any]]) -> None:
    only_zwgk_errors(lambda: ledger_from_rows(rows, source="fuzz"))


@given(_TEXT)
def test_catalog_csv_text(text: str) -> None:
    only_zwgk_errors(lambda: catalog_from_rows(read_csv_rows(text, limits=DEFAULT_LIMITS, source="fuzz.csv")))


@given(st.one_of(_TEXT, _JSON.map(json.dumps)))
def test_catalog_json(text: str) -> None:
    only_zwgk_errors(lambda: catalog_from_json(text, source="fuzz.json"))


def _sample_xlsx() -> bytes:
    from zwgk.catalog.io import read_catalog_csv, write_catalog_xlsx

    pytest.importorskip("openpyxl")
    target = Path(__file__).parent / ".fuzz-sample.xlsx"
    try:
        write_catalog_xlsx(read_catalog_csv(sample_catalog_path()), target)
        return target.read_bytes()
    finally:
        target.unlink(missing_ok=True)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=8))
def test_catalog_xlsx_bytes(edits: list[tuple[int, int]], tmp_path: Path) -> None:
    data = _SAMPLE_XLSX.get("bytes") or _SAMPLE_XLSX.setdefault("bytes", _sample_xlsx())
    target = tmp_path / "fuzz.xlsx"
    # Mutate either the raw zip bytes or one member's XML, so both the container and the
    # parts behind a valid zip are exercised.
    if edits[0][0] % 2:
        target.write_bytes(_mutated(data, edits))
    else:
        with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(target, "w") as out:
            names = src.namelist()
            victim = names[edits[0][1] % len(names)]
            for name in names:
                content = src.read(name)
                out.writestr(name, _mutated(content, edits[1:] or edits) if name == victim else content)
    only_zwgk_errors(lambda: read_catalog_xlsx(target))


_SAMPLE_XLSX: dict[str, bytes] = {}


# ----------------------------------------------------------------------------- reports


def _published_page() -> str:
    pages = sorted(FIXTURES.glob("*.html"))
    return pages[0].read_text(encoding="utf-8") if pages else "<table><tr><td>本年新收</td></tr></table>"


_PAGE = _published_page()


@given(
    st.one_of(
        _TEXT,
        st.lists(st.tuples(st.integers(0, 10**6), st.sampled_from("<>/td tr表三0123456789")), max_size=12),
    )
)
def test_report_html(change: str | list[tuple[int, str]]) -> None:
    if isinstance(change, str):
        page = change
    else:
        chars = list(_PAGE)
        for position, char in change:
            chars[position % len(chars)] = char
        page = "".join(chars)
    only_zwgk_errors(lambda: parse_report_html(page, year=2023))


@given(st.one_of(_TEXT, _JSON.map(json.dumps)))
def test_report_and_counts_json(text: str) -> None:
    only_zwgk_errors(lambda: report_from_json(text, source="fuzz.json"))
    only_zwgk_errors(lambda: counts_from_json(text, "2021", source="fuzz.json"))
