"""JSON, TOML and CSV guards on hostile text: each refused with the bound it breaks, or read as usual."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from typing import NamedTuple

import pytest

from zwgk._csv_guard import column_name, iter_csv_rows, read_csv_rows
from zwgk._json_guard import check_depth, load_json, load_toml, text_depth
from zwgk._limits import DEFAULT_LIMITS, Limits
from zwgk.errors import DataFileError, LimitExceededError


def _nested(levels: int) -> str:
    return "[" * levels + "]" * levels


def _objects(levels: int) -> str:
    return '{"a":' * levels + "1" + "}" * levels


class TextCase(NamedTuple):
    id: str
    build: Callable[[], str]
    error: type[Exception] | None  # None: accepted
    message: str = ""
    limits: Limits = DEFAULT_LIMITS


JSON_CASES = [
    TextCase("depth-10", lambda: _nested(10), None),
    TextCase("depth-64", lambda: _nested(64), None),
    TextCase("objects-64", lambda: _objects(64), None),
    TextCase(
        "depth-65", lambda: _nested(65), LimitExceededError, "nests 65 levels deep; the limit max_depth is 64"
    ),
    TextCase("depth-100000", lambda: _nested(100_000), LimitExceededError, "nests 100000 levels deep"),
    TextCase("objects-100000", lambda: _objects(100_000), LimitExceededError, "max_depth"),
    TextCase("unbalanced-100000", lambda: "[" * 100_000, LimitExceededError, "line 1, column 65"),
    TextCase("crossing-on-line-3", lambda: "[\n[\n" + _nested(63), LimitExceededError, "line 3, column 63"),
    TextCase("brackets-in-strings", lambda: json.dumps(["[" * 1000, "{" * 1000]), None),
    TextCase("escaped-quote-in-string", lambda: json.dumps(['\\"[[[', "]"]), None),
    TextCase(
        "custom-depth-3",
        lambda: _nested(4),
        LimitExceededError,
        "the limit max_depth is 3",
        Limits(max_depth=3),
    ),
    TextCase("invalid", lambda: '{"a": 1,}', DataFileError, "line 1, column 9: not valid JSON"),
    TextCase("invalid-second-line", lambda: '{\n  "a": tru\n}', DataFileError, "line 2, column 8"),
    TextCase("unterminated-string", lambda: '["abc', DataFileError, "not valid JSON"),
    TextCase("unterminated-string-then-brackets", lambda: '["' + "[" * 100, DataFileError, "not valid JSON"),
    TextCase("empty", lambda: "", DataFileError, "line 1, column 1"),
    TextCase("5000-digit-integer", lambda: "1" * 5000, DataFileError, "an integer of 5000 digits"),
    TextCase("negative-5000-digit-integer", lambda: "[-" + "1" * 5000 + "]", DataFileError, "digits"),
    TextCase(
        "too-long",
        lambda: "[" + "1," * 60 + "1]",
        LimitExceededError,
        "max_file_bytes",
        Limits(max_file_bytes=100),
    ),
    TextCase("chinese-keys", lambda: '{"事项": "公开"}', None),
]


@pytest.mark.parametrize("case", JSON_CASES, ids=[c.id for c in JSON_CASES])
def test_load_json(case: TextCase) -> None:
    text = case.build()
    if case.error is None:
        assert load_json(text, limits=case.limits, source="x.json") == json.loads(text)
        return
    with pytest.raises(case.error) as caught:
        load_json(text, limits=case.limits, source="x.json")
    assert case.message in str(caught.value)
    assert len(str(caught.value)) < 300


def test_load_json_passes_its_hooks() -> None:
    assert load_json('{"a": 1.10}', limits=DEFAULT_LIMITS, source="x", parse_float=Decimal) == {
        "a": Decimal("1.10")
    }
    pairs = load_json('{"a": 1, "a": 2}', limits=DEFAULT_LIMITS, source="x", object_pairs_hook=list)
    assert pairs == [("a", 1), ("a", 2)]
    assert load_json("NaN", limits=DEFAULT_LIMITS, source="x", parse_constant=str) == "NaN"
    assert load_json("12", limits=DEFAULT_LIMITS, source="x", parse_int=Decimal) == Decimal(12)


TOML_CASES = [
    TextCase("plain", lambda: 'title = "2026年"\n[table]\nkey = [1, 2]\n', None),
    TextCase("array-depth-64", lambda: "a = " + _nested(64), None),
    TextCase("array-depth-65", lambda: "a = " + _nested(65), LimitExceededError, "nests 65 levels deep"),
    TextCase(
        "array-depth-100000", lambda: "a = " + _nested(100_000), LimitExceededError, "line 1, column 69"
    ),
    TextCase(
        "inline-tables-100000",
        lambda: "a = " + "{b = " * 100_000 + "1" + "}" * 100_000,
        LimitExceededError,
        "max_depth",
    ),
    TextCase(
        "headers-70-deep",
        lambda: "[" + ".".join(["k"] * 70) + "]\n",
        LimitExceededError,
        "the value at 'k.k.k",
    ),
    TextCase("headers-64-deep", lambda: "[" + ".".join(["k"] * 64) + "]\n", None),
    TextCase(
        "dotted-keys-70-deep",
        lambda: ".".join(["k"] * 70) + " = 1\n",
        LimitExceededError,
        "nests 69 levels deep",
    ),  # 69 tables, then 1
    TextCase("array-of-tables", lambda: "[[a]]\nx = 1\n[[a]]\nx = 2\n", None),
    TextCase("brackets-in-strings", lambda: 'a = "[[[["\nb = \'{{{{\'\nc = """\n[[[[\n"""\n', None),
    TextCase("multiline-string-ending-in-quotes", lambda: 'a = """x""""\nb = [[1]]\n', None),
    TextCase("literal-multiline", lambda: "a = '''\n[[[[''''\nb = 1\n", None),
    TextCase("brackets-in-comments", lambda: "# " + "[" * 1000 + "\na = 1\n", None),
    TextCase("invalid", lambda: "a = \n", DataFileError, "not valid TOML"),
    TextCase("duplicate-key", lambda: "a = 1\na = 2\n", DataFileError, "not valid TOML"),
    TextCase("unterminated-string", lambda: 'a = "[[[[\n', DataFileError, "not valid TOML"),
]


@pytest.mark.parametrize("case", TOML_CASES, ids=[c.id for c in TOML_CASES])
def test_load_toml(case: TextCase) -> None:
    import tomllib

    text = case.build()
    if case.error is None:
        assert load_toml(text, limits=case.limits, source="x.toml") == tomllib.loads(text)
        return
    with pytest.raises(case.error) as caught:
        load_toml(text, limits=case.limits, source="x.toml")
    assert case.message in str(caught.value)
    assert len(str(caught.value)) < 400


def test_load_toml_passes_parse_float() -> None:
    assert load_toml("a = 0.10", limits=DEFAULT_LIMITS, source="x", parse_float=Decimal) == {
        "a": Decimal("0.10")
    }


def test_load_toml_recursion_is_a_data_file_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import tomllib

    def recurse(text: str, parse_float: object) -> object:
        raise RecursionError

    monkeypatch.setattr(tomllib, "loads", recurse)
    with pytest.raises(DataFileError, match="nested too deeply"):
        load_toml("a = 1", limits=DEFAULT_LIMITS, source="x.toml")


class DepthCase(NamedTuple):
    id: str
    value: object
    depth: int  # deepest nesting; refused when above 3


def _deep_list(levels: int) -> object:
    value: object = 1
    for _ in range(levels):
        value = [value]
    return value


DEPTH_CASES = [
    DepthCase("scalar", "x", 0),
    DepthCase("empty-list", [], 1),
    DepthCase("dict-of-list", {"a": [1]}, 2),
    DepthCase("three", {"a": [{"b": 1}]}, 3),
    DepthCase("four", {"a": [{"b": [1]}]}, 4),
    DepthCase("tuple", ((((1,),),),), 4),
    DepthCase("100000-levels", _deep_list(100_000), 100_000),
]


@pytest.mark.parametrize("case", DEPTH_CASES, ids=[c.id for c in DEPTH_CASES])
def test_check_depth_is_iterative(case: DepthCase) -> None:
    limits = Limits(max_depth=3)
    if case.depth <= 3:
        check_depth(case.value, limits, "v")
    else:
        with pytest.raises(
            LimitExceededError, match=f"nests {case.depth} levels deep; the limit max_depth is 3"
        ):
            check_depth(case.value, limits, "v")


def test_text_depth() -> None:
    assert text_depth('{"a": [1, {"b": "]]]["}]}') == 3
    assert text_depth("a = [[1]] # [[[[", toml=True) == 2
    assert text_depth("") == 0


CSV_CASES = [
    TextCase("plain", lambda: "事项,依据\n1,国务院令第711号\n", None),
    TextCase("gb18030-text-decoded", lambda: "张三,李四\r\n", None),
    TextCase(
        "cell-200000-chars",
        lambda: "a,b\n1," + "x" * 200_000 + "\n",
        LimitExceededError,
        "row 2, column B has 200000 characters; the limit max_cell_chars is 32767",
    ),
    TextCase(
        "cell-40000-chars-in-quotes",
        lambda: 'a\n"' + "长" * 40_000 + '"\n',
        LimitExceededError,
        "row 2, column A has 40000 characters",
    ),
    TextCase("cell-exactly-32767", lambda: "x" * 32_767 + "\n", None),
    TextCase("cell-32768", lambda: "x" * 32_768 + "\n", LimitExceededError, "row 1, column A"),
    TextCase(
        "cell-in-column-AB",
        lambda: "," * 27 + "x" * 10 + "\n",
        LimitExceededError,
        "row 1, column AB",
        Limits(max_cell_chars=5),
    ),
    TextCase(
        "too-many-rows",
        lambda: "a\n" * 11,
        LimitExceededError,
        "has 11 rows or more; the limit max_rows is 10",
        Limits(max_rows=10),
    ),
    TextCase("rows-at-the-bound", lambda: "a\n" * 10, None, "", Limits(max_rows=10)),
    TextCase(
        "too-many-columns",
        lambda: "a," * 512 + "a\n",
        LimitExceededError,
        "row 1 has 513 columns; the limit max_columns is 512",
    ),
    TextCase("columns-at-the-bound", lambda: ",".join(["a"] * 512) + "\n", None),
    TextCase("nul-byte", lambda: "a,b\nc\x00,d\n", DataFileError, "line 2: contains a NUL character"),
    TextCase("utf16-read-as-utf8", lambda: "a\x00,\x00b\x00\n", DataFileError, "NUL"),
    TextCase("quoted-newlines", lambda: 'a,"line 1\nline 2"\nb,c\n', None),
    TextCase("unterminated-quote", lambda: 'a,"never closed\n', None),
    TextCase(
        "text-too-long", lambda: "a," * 100, LimitExceededError, "max_file_bytes", Limits(max_file_bytes=50)
    ),
    TextCase("empty", lambda: "", None),
]


@pytest.mark.parametrize("case", CSV_CASES, ids=[c.id for c in CSV_CASES])
def test_read_csv_rows(case: TextCase) -> None:
    import csv
    import io

    text = case.build()
    before = csv.field_size_limit()
    if case.error is None:
        expected = list(csv.reader(io.StringIO(text, newline="")))
        assert read_csv_rows(text, limits=case.limits, source="x.csv") == expected
    else:
        with pytest.raises(case.error) as caught:
            read_csv_rows(text, limits=case.limits, source="x.csv")
        assert case.message in str(caught.value)
        assert len(str(caught.value)) < 300
    assert csv.field_size_limit() == before  # the process-wide limit is restored


@pytest.mark.parametrize("case", CSV_CASES, ids=[c.id for c in CSV_CASES])
def test_iter_csv_rows_gives_the_rows_and_errors_of_read_csv_rows(case: TextCase) -> None:
    import csv

    text = case.build()
    before = csv.field_size_limit()
    given: list[list[str]] = []
    try:
        expected: object = read_csv_rows(text, limits=case.limits, source="x.csv")
    except (DataFileError, LimitExceededError) as error:
        expected = (type(error), str(error))
    try:
        given.extend(iter_csv_rows(text, limits=case.limits, source="x.csv"))
        got: object = given
    except (DataFileError, LimitExceededError) as error:
        got = (type(error), str(error))
    assert got == expected
    assert csv.field_size_limit() == before


def test_iter_csv_rows_gives_every_row_before_the_bad_one() -> None:
    text = "a,b\n" * 5 + "a,b,c\n" + "a,b\n" * 5
    rows = iter_csv_rows(text, limits=Limits(max_columns=2), source="x.csv")
    assert [next(rows) for _ in range(5)] == [["a", "b"]] * 5
    with pytest.raises(LimitExceededError, match="row 6 has 3 columns"):
        next(rows)


def test_iter_csv_rows_checks_size_and_nul_at_once() -> None:
    with pytest.raises(LimitExceededError, match="max_file_bytes"):
        iter_csv_rows("a," * 100, limits=Limits(max_file_bytes=50), source="x.csv")
    with pytest.raises(DataFileError, match="NUL"):
        iter_csv_rows("a\n\x00", limits=DEFAULT_LIMITS, source="x.csv")


@pytest.mark.parametrize(
    ("cell", "length"),
    [
        ('"abcde"', None),  # quotes make the record longer than its cell: still accepted
        ('"a""b""c"', None),  # escaped quotes: 9 characters of text, a cell of 5
        ("abcde\r", None),
        ('"a\r\ncd"', None),  # a line break in a cell counts
        ("abcdef", 6),
        ('"abc\r\ndef"', 8),
    ],
)
def test_a_cell_is_measured_not_its_record(cell: str, length: int | None) -> None:
    text = f"x,{cell}\ny,z\n"
    if length is None:
        assert read_csv_rows(text, limits=Limits(max_cell_chars=5), source="x.csv")[1] == ["y", "z"]
    else:
        with pytest.raises(LimitExceededError, match=f"row 1, column B has {length} characters"):
            read_csv_rows(text, limits=Limits(max_cell_chars=5), source="x.csv")


def test_two_long_texts_read_at_once_under_the_raised_field_limit() -> None:
    """Beyond the csv module's field limit the limit is raised per batch, never held by a caller."""
    import csv

    before = csv.field_size_limit()
    texts = [f"{k}," + "x" * 150_000 + "\n" + "a,b\n" * 3000 for k in range(2)]
    limits = Limits(max_cell_chars=200_000)
    first, second = (iter_csv_rows(t, limits=limits, source="x.csv") for t in texts)
    assert next(first)[1] == next(second)[1] == "x" * 150_000
    assert csv.field_size_limit() == before  # not raised while the caller holds a record
    rows = list(zip(first, second, strict=True))
    assert len(rows) == 3000
    assert rows[-1] == (["a", "b"], ["a", "b"])
    assert csv.field_size_limit() == before


def test_a_field_beyond_the_csv_module_limit_is_measured() -> None:
    rows = read_csv_rows("x" * 150_000, limits=Limits(max_cell_chars=200_000), source="x.csv")
    assert len(rows[0][0]) == 150_000


def test_malformed_csv_names_the_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import csv

    # The default dialect is lenient; strict parsing shows the conversion of csv.Error.
    real = csv.reader
    monkeypatch.setattr(csv, "reader", lambda f: real(f, strict=True))
    with pytest.raises(DataFileError, match=r"line 2: malformed CSV"):
        read_csv_rows('a\n"b"c\n', limits=DEFAULT_LIMITS, source="x.csv")


@pytest.mark.parametrize(
    ("index", "name"), [(1, "A"), (26, "Z"), (27, "AA"), (52, "AZ"), (703, "AAA"), (16384, "XFD")]
)
def test_column_name(index: int, name: str) -> None:
    assert column_name(index) == name
