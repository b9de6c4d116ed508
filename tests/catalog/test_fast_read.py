"""The CSV reader's fast paths (issue 17 §3) give what the general path gives.

``read_catalog_csv`` uses the CSV rows as read when the file has no apostrophe (no quote an
export put before a formula-like cell to undo), and tells data rows from empty rows and
banners by their first two cells; both must change nothing but the speed.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from zwgk.catalog.io import catalog_from_rows, read_catalog_csv
from zwgk.errors import InvalidRecordsError

from .test_import import SUB, TOP

_CELLS = st.one_of(
    st.sampled_from(
        ["", " ", "√", "□", "同上", "主动", "全社会", "县级", "一、标题", "'=1+1", "'x", "x'", "1"]
    ),
    st.text(alphabet="ab '同上、", max_size=5),
)


def _outcome(read: object) -> object:
    try:
        return read()  # type: ignore[operator]
    except InvalidRecordsError as error:
        return [(p.location, p.message, p.value) for p in error.problems]


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(_CELLS, min_size=14, max_size=14), max_size=6))
def test_the_csv_reader_gives_what_the_rows_give(tmp_path: Path, body: list[list[str]]) -> None:
    rows = [TOP, SUB, *body]
    path = tmp_path / "c.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    assert _outcome(lambda: read_catalog_csv(path)) == _outcome(
        lambda: catalog_from_rows(rows, source="c.csv")
    )


def test_a_quoted_cell_is_unquoted_and_a_plain_file_read_as_is(tmp_path: Path) -> None:
    data = ["1", "政策", "文件", "实时公开", "主动"]
    head = ["序号", "一级事项", "二级事项", "公开时限", "公开方式"]
    plain, quoted = tmp_path / "plain.csv", tmp_path / "quoted.csv"
    for path, first_level in ((plain, "政策"), (quoted, "'=政策")):
        with path.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows([head, [data[0], first_level, *data[2:]]])
    assert read_catalog_csv(plain).items[0].first_level == "政策"
    assert read_catalog_csv(quoted).items[0].first_level == "=政策"  # the export's apostrophe undone


@pytest.mark.parametrize(
    ("row", "kept"),
    [
        (["1", "政策", "文件", "实时公开", "主动"], True),  # 序号 and a name: a data row
        (["政策", "政策", "文件", "实时公开", "主动"], True),  # the first two alike: still data
        (["", "政策", "文件", "实时公开", "主动"], True),  # no 序号
        (["", "一、就业创业", "", "", ""], False),  # a heading in the second cell
        (["就业创业", "就业创业", "就业创业", "就业创业", ""], False),  # one text across merged cells
        ([" ", "  ", "", "", ""], False),  # blank
    ],
)
def test_data_rows_banners_and_blank_rows(row: list[str], kept: bool) -> None:
    rows = [["序号", "一级事项", "二级事项", "公开时限", "公开方式"], row]
    assert len(catalog_from_rows(rows).items) == (1 if kept else 0)


# ---------------------------------------------------------------- 同上 folded only when short
# (``_is_same_as_above`` skips the folding of cells with more than three characters that are
# not whitespace; these tests hold the facts that shortcut rests on)

_SAME_PARTS = st.sampled_from(
    [
        "同",
        "上",
        "栏",
        "欄",
        "前",
        " ",
        "\u3000",
        "\n",
        "\u00a0",
        "\u200b",
        "\u0301",
        "e",
        "１",
        "﹣",
        "︰",
        "x",
    ]
)


@given(st.one_of(st.text(_SAME_PARTS, max_size=12), st.text(max_size=8)))
def test_the_same_as_above_shortcut_agrees_with_folding(cell: str) -> None:
    from zwgk._text import compact
    from zwgk.catalog._import import _SAME_AS_ABOVE, _is_same_as_above

    assert _is_same_as_above(cell) == (compact(cell) in _SAME_AS_ABOVE)


@pytest.mark.parametrize(
    "cell", ["同上", " 同 上 ", "同\u3000上\n", "同上欄", "\u00a0同前\u00a0", "同上\t\t\t\t\t"]
)
def test_same_as_above_cells_with_whitespace_are_recognised(cell: str) -> None:
    from zwgk.catalog._import import _is_same_as_above

    assert _is_same_as_above(cell)
    assert not _is_same_as_above(cell + "x")


def test_no_character_folds_to_nothing_or_only_whitespace() -> None:
    """The fact the shortcut rests on, over every code point and every traditional pair."""
    import sys
    import unicodedata

    from zwgk._text import _TRADITIONAL

    vanishing = [
        hex(cp)
        for cp in range(sys.maxunicode + 1)
        if not chr(cp).isspace() and not unicodedata.normalize("NFKC", chr(cp)).strip()
    ]
    assert vanishing == []
    assert all(isinstance(v, str) and v.strip() for v in _TRADITIONAL.values())


# ---------------------------------------------------------------- rows read as they come
# (``read_catalog_csv`` consumes the CSV records one by one; an error of the CSV further on is
# still raised before any error of the catalog, as when every record was read first)

_GOOD_ROW = ["1", "就业", "政策", "文件", "", "实时公开", "人社局", "网站", "√", "", "√", "", "√", ""]


def _write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


@pytest.mark.parametrize(
    "head",
    [
        [["标题"], ["a", "b", "c"]],  # no header in the first 15 rows
        [["序号", "公开依据", "公开时限"]],  # a header without an item-name column
        [TOP, SUB, ["1", "同上", *_GOOD_ROW[2:]]],  # a bad cell (同上 in the first row)
    ],
)
def test_an_error_of_the_csv_further_on_comes_first(tmp_path: Path, head: list[list[str]]) -> None:
    from zwgk._limits import Limits
    from zwgk.errors import LimitExceededError

    rows = [*head, *([_GOOD_ROW] * 40), [*_GOOD_ROW, "", "", "x"]]
    path = _write(tmp_path / "c.csv", rows)
    with pytest.raises(LimitExceededError, match=f"row {len(rows)} has 17 columns"):
        read_catalog_csv(path, limits=Limits(max_columns=16))
    with pytest.raises(InvalidRecordsError):  # the catalog's own error once the CSV is fine
        read_catalog_csv(path)


def test_a_header_below_the_first_rows_and_a_sub_header_on_the_sixteenth(tmp_path: Path) -> None:
    above = [[f"说明{k}"] for k in range(14)]
    path = _write(tmp_path / "c.csv", [*above, TOP, SUB, _GOOD_ROW, _GOOD_ROW])
    catalog = read_catalog_csv(path)
    assert [item.row for item in catalog.items] == [17, 18]
    assert catalog.title == "说明0"
    assert catalog == catalog_from_rows([*above, TOP, SUB, _GOOD_ROW, _GOOD_ROW], source="c.csv")


def test_an_apostrophe_file_is_read_as_it_comes_too(tmp_path: Path) -> None:
    rows = [TOP, SUB, _GOOD_ROW, ["2", "'=就业", *_GOOD_ROW[2:]], ["3", "同上", *_GOOD_ROW[2:]]]
    catalog = read_catalog_csv(_write(tmp_path / "c.csv", rows))
    assert [item.first_level for item in catalog.items] == ["就业", "=就业", "=就业"]


def test_no_letter_or_digit_is_whitespace() -> None:
    """The fact the plain-text shortcut rests on: a cell that ``isalnum()`` has no whitespace,
    so ``" ".join(cell.split())`` is the cell itself."""
    import sys

    assert [hex(cp) for cp in range(sys.maxunicode + 1) if chr(cp).isalnum() and chr(cp).isspace()] == []


def test_the_argument_slots_follow_the_item_fields() -> None:
    import attrs

    from zwgk.catalog._import import _DEFAULTS, _MARKS, _item
    from zwgk.catalog._model import DisclosureItem

    names = list(attrs.fields_dict(DisclosureItem))
    assert len(_DEFAULTS) == len(names)
    assert names[_MARKS] == ["channels", "audiences", "modes", "levels", "five_open"]
    blank = _item([*_DEFAULTS], ((),) * 5, "上一级", 9)
    assert blank == DisclosureItem("", "上一级")
    assert blank.row == 9
    assert blank.second_level is None


def _is_data_row(row: list[str]) -> bool:
    from zwgk.catalog._import import _is_banner_values, _two_texts

    present = [v for c in row if (v := c.strip())]
    return _two_texts(row) or (bool(present) and not _is_banner_values(present, len(row)))


@settings(max_examples=80)
@given(st.lists(st.lists(_CELLS, min_size=14, max_size=14), min_size=2, max_size=6))
def test_a_same_as_above_row_reads_as_the_row_with_the_cells_above(body: list[list[str]]) -> None:
    """Every 同上 (wherever it stands, whatever the other cells raise) reads as the cell above it in
    the last data row: the catalog of the rows with 同上 replaced by hand is the same."""
    from zwgk._neutralise import restore_cell
    from zwgk._text import compact
    from zwgk.catalog._import import _SAME_AS_ABOVE

    texts = [[restore_cell(c) for c in row] for row in body]
    data = [_is_data_row(row) for row in texts]
    assume(True in data)
    assume(not any(compact(c) in _SAME_AS_ABOVE for c in texts[data.index(True)]))
    replaced, above = [], None
    for row, is_data in zip(texts, data, strict=True):
        new = row
        if is_data and above is not None:
            new = [a if compact(c) in _SAME_AS_ABOVE else c for c, a in zip(row, above, strict=True)]
        if is_data:
            above = new
        replaced.append(new)
    assume([_is_data_row(row) for row in replaced] == data)  # replacing made no row a banner
    assert _outcome(lambda: catalog_from_rows([TOP, SUB, *body])) == _outcome(
        lambda: catalog_from_rows([TOP, SUB, *replaced])
    )
