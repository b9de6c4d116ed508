"""Properties: whatever the input, each guard returns or raises a zwgk error — nothing else escapes."""

from __future__ import annotations

import contextlib
import csv
import io
import json

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from tests.hostile.workbooks import sheet_xml, workbook_bytes

from zwgk._csv_guard import column_name, iter_csv_rows, read_csv_rows
from zwgk._json_guard import load_json, load_toml, text_depth
from zwgk._limits import Limits
from zwgk._neutralise import DANGEROUS_PREFIXES, neutralise_cell, restore_cell
from zwgk._xlsx_guard import inspect_xlsx
from zwgk.errors import DataFileError, LimitExceededError, ZwgkError

SMALL = Limits(max_rows=50, max_columns=20, max_cells=500, max_depth=8, max_cell_chars=200)
_VALID = workbook_bytes(
    sheet_xml(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c><c r="B1"><v>1</v></c></row>',
        merged=("A2:B3",),
    ),
    shared_strings='<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>a</t></si></sst>',
    compression=0,  # stored: mutations hit the XML itself, not only the deflate stream
)
_DEFLATED = workbook_bytes(sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>', merged=("A2:B3",)))
_JSONISH = st.text(alphabet='[]{}",:\\0123456789 \n-.etrufalsn\x00', max_size=300)


@given(st.binary(max_size=2000))
def test_xlsx_random_bytes(data: bytes) -> None:
    with contextlib.suppress(ZwgkError):
        inspect_xlsx(data, SMALL, "random.xlsx")


@given(
    st.sampled_from([_VALID, _DEFLATED]),
    st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=8),
)
@example(_VALID, [(len(_VALID) // 2, ord("Z"))])
def test_xlsx_mutated_workbook(base: bytes, edits: list[tuple[int, int]]) -> None:
    data = bytearray(base)
    for position, byte in edits:
        data[position % len(data)] = byte
    with contextlib.suppress(ZwgkError):
        inspect_xlsx(bytes(data), SMALL, "mutated.xlsx")


@given(_JSONISH | st.text(max_size=200))
@example("[" * 10_000)
@example('"' + "[" * 10_000)
def test_json_random_text(text: str) -> None:
    try:
        value = load_json(text, limits=SMALL, source="random.json")
    except ZwgkError:
        return
    assert value == json.loads(text)


@given(
    st.recursive(
        st.none() | st.integers() | st.text(max_size=5),
        lambda c: st.lists(c) | st.dictionaries(st.text(max_size=3), c),
        max_leaves=30,
    )
)
def test_json_depth_agrees_with_the_value(value: object) -> None:
    text = json.dumps(value)
    if text_depth(text) > SMALL.max_depth:
        with pytest.raises(LimitExceededError, match="max_depth"):
            load_json(text, limits=SMALL, source="v.json")
    else:
        assert load_json(text, limits=SMALL, source="v.json") == value


@given(st.text(alphabet="[]{}=\"'#.ab1 \n,", max_size=300) | st.text(max_size=200))
@example("a = " + "[" * 10_000)
def test_toml_random_text(text: str) -> None:
    with contextlib.suppress(ZwgkError):
        load_toml(text, limits=SMALL, source="random.toml")


@given(st.text(alphabet='ab,"\r\n\x00张', max_size=500) | st.text(max_size=300))
def test_csv_random_text(text: str) -> None:
    try:
        rows = read_csv_rows(text, limits=SMALL, source="random.csv")
    except ZwgkError:
        return
    assert len(rows) <= SMALL.max_rows
    assert all(len(r) <= SMALL.max_columns and all(len(c) <= SMALL.max_cell_chars for c in r) for r in rows)


_TIGHT = Limits(max_rows=12, max_columns=4, max_cell_chars=4)


def _first_breach(text: str, limits: Limits) -> str | None:
    """What the guard must refuse first, found the slow way: every record, every cell measured."""
    for number, record in enumerate(csv.reader(io.StringIO(text, newline="")), start=1):
        if number > limits.max_rows:
            return f"has {number} rows or more"
        if len(record) > limits.max_columns:
            return f"row {number} has {len(record)} columns"
        for index, cell in enumerate(record, start=1):
            if len(cell) > limits.max_cell_chars:
                return f"row {number}, column {column_name(index)} has {len(cell)} characters"
    return None


@given(st.text(alphabet='ab,"\r\n 张', max_size=120))
def test_csv_guard_refuses_the_first_breach_and_reads_the_rest_as_csv(text: str) -> None:
    breach = _first_breach(text, _TIGHT)
    if breach is None:
        expected = list(csv.reader(io.StringIO(text, newline="")))
        assert read_csv_rows(text, limits=_TIGHT, source="t.csv") == expected
        assert list(iter_csv_rows(text, limits=_TIGHT, source="t.csv")) == expected
        return
    for read in (read_csv_rows, lambda *a, **k: list(iter_csv_rows(*a, **k))):
        with pytest.raises(LimitExceededError) as caught:
            read(text, limits=_TIGHT, source="t.csv")
        assert breach in str(caught.value)


@given(st.text(max_size=50) | st.sampled_from(DANGEROUS_PREFIXES).map(lambda p: p + "1+1"))
def test_neutralised_cells_never_start_a_formula(text: str) -> None:
    once = neutralise_cell(text)
    assert not once.startswith(DANGEROUS_PREFIXES)
    assert neutralise_cell(once) == once
    assert once in (text, "'" + text)
    if not text.startswith("'"):
        assert restore_cell(once) == text


@pytest.mark.parametrize("prefix", DANGEROUS_PREFIXES)
def test_each_prefix_is_neutralised(prefix: str) -> None:
    assert neutralise_cell(prefix + "x") == "'" + prefix + "x"


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity", '{"a": [1, NaN]}'])
def test_json_constants_that_are_not_json_are_refused(constant: str) -> None:
    # Python's json module reads them as floats; RFC 8259 has no such numbers
    with pytest.raises(DataFileError, match="is not a number JSON allows"):
        load_json(constant, limits=SMALL, source="c.json")
