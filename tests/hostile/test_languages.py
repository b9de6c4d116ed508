"""One language per message (issue 13): the errors and warnings of the low-level guards in zh and en.

Each message is built in a ``zwgk.language`` block and scanned with tests.support: in Chinese
no Latin words besides what the user typed or a program reads (paths, field and limit names,
``pip install`` lines), in English no Chinese outside citations and quoted data.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from tests.support import assert_one_language

import zwgk
from zwgk._i18n import Language, gettext
from zwgk._json_guard import load_json
from zwgk._limits import Limits, check_text_size
from zwgk.errors import (
    DataFileError,
    InvalidInputError,
    LimitExceededError,
    MissingExtraError,
    Problem,
    TablesSkippedWarning,
    UnparsedTimeLimitWarning,
    UnsafeFileError,
    cut,
)

# What a program reads or a user types, kept in both languages.
CODE = (
    "limits=Limits(max_rows=...)",
    "limits=Limits(max_depth=...)",
    "limits=Limits(max_file_bytes=...)",
    "pip install 'zwgk[xlsx]'",
    "max_rows",
    "max_depth",
    "max_file_bytes",
    "'openpyxl'",
    "data.csv",
    "book.xlsx",
    "xl/sharedStrings.xml",
    "'content'",
    "DTD",
    "XML",
    "JSON",
    "DOCTYPE",
    "'path'",
    "'x'",
    ".xlsx",
    "end：",  # the argument's name
)


def _messages() -> list[str]:
    row, at_most = gettext("row {number}").format(number=2), gettext("at most {bound}").format(bound=0)
    texts = [
        # the callers word where and the unit (zwgk._csv_guard, zwgk._json_guard)
        str(
            LimitExceededError.too_many(
                "data.csv", "max_rows", 10, 11, where=gettext("the file"), unit=gettext("rows")
            )
        ),
        str(LimitExceededError.too_deep("data.json", 3, 5, gettext("the top"))),
        str(UnsafeFileError("book.xlsx", "xl/sharedStrings.xml", "DOCTYPE")),
        str(MissingExtraError("openpyxl", "xlsx", "reading .xlsx files safely")),
        str(DataFileError("data.csv", [Problem(row, gettext("unknown key"), "x", 1, at_most)])),
        str(InvalidInputError.period_end("end", dt.date(2026, 1, 1), dt.date(2026, 2, 1))),
        str(TablesSkippedWarning(["table 3"])),
        cut("9" * 100),
    ]
    for raw, limits in (("[[[[1]]]]", Limits(max_depth=2)), ("{", Limits())):
        with pytest.raises(DataFileError) as exc:
            load_json(raw, limits=limits, source="data.json")
        texts.append(str(exc.value))
    with pytest.raises(LimitExceededError) as exc:
        check_text_size("x" * 11, Limits(max_file_bytes=10), "data.csv")
    texts.append(str(exc.value))
    return texts


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_guard_messages_are_in_one_language(lang: Language) -> None:
    with zwgk.language(lang):
        texts = _messages()
    for text in texts:
        assert_one_language(text, lang, "data.json", "table 3", "row 2", *CODE)


def test_the_limit_message_in_both_languages() -> None:
    error = LimitExceededError.too_many("data.csv", "max_rows", 10, 11, where="the file", unit="rows")
    assert str(error) == (
        "data.csv: the file has 11 rows; the limit max_rows is 10 "
        "(pass limits=Limits(max_rows=...) to raise it)"
    )
    with zwgk.language("zh"):
        error = LimitExceededError.too_many("data.csv", "max_rows", 10, 11, where="文件", unit="行")
    assert "限值 max_rows 为 10" in str(error)
    assert "limits=Limits(max_rows=...)" in str(error)


def test_a_quoted_time_limit_stays_as_written() -> None:
    # 《政府信息公开条例》第二十六条: 自该政府信息形成或者变更之日起20个工作日内 — the phrase is quoted data.
    phrase = "尽快公开"
    for lang in ("zh", "en"):
        with zwgk.language(lang):  # type: ignore[arg-type]
            text = str(UnparsedTimeLimitWarning(phrase, [phrase]))
        assert f"'{phrase}'" in text
    assert "kept as unparsed text" in str(UnparsedTimeLimitWarning(phrase, [phrase]))


def test_an_unsafe_workbook_is_refused_in_chinese(tmp_path: Path) -> None:
    pytest.importorskip("defusedxml")
    from zwgk._xlsx_guard import inspect_xlsx

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", '<!DOCTYPE x [<!ENTITY a "b">]><workbook>&a;</workbook>')
    with zwgk.language("zh"), pytest.raises(UnsafeFileError) as exc:
        inspect_xlsx(buffer.getvalue(), Limits(), "book.xlsx")
    text = str(exc.value)
    assert "xl/workbook.xml：拒绝处理：" in text
    assert "应为 不含 DTD、实体或外部引用的 XML" in text
    # defusedxml's own report of what it found is quoted as it is
    found = "DTDForbidden (DTDForbidden(name='x', system_id=None, public_id=None))"
    assert_one_language(text, "zh", "xl/workbook.xml", found, *CODE)
