"""The 2008-regime reply notices (告知书, 国务院令第492号第二十一条) as reply outcomes.

Every expectation is read from ``golden/notices_2008.toml`` (written from 第二十一条 and the
table-3 rows of the two report formats).
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

import pytest

from zwgk.deadlines import Outcome, Replied, reply_deadline
from zwgk.deadlines.io import ReplyNotice, parse_reply_outcome
from zwgk.errors import InvalidRecordsError, OutcomeRegimeError
from zwgk.reports import table3_from_frame, table3_from_ledger
from zwgk.requests import DisclosureRequest, Ledger
from zwgk.requests.io import ledger_to_frame

HERE = Path(__file__).parent
LABELS: list[dict[str, Any]] = tomllib.loads((HERE / "golden" / "notices_2008.toml").read_text("utf-8"))[
    "label"
]
BY_TEXT = {x["text"]: x for x in LABELS}
OLD = dt.date(2019, 3, 4)  # received under the 2008 regime (before 2019-05-15)
NEW = dt.date(2019, 6, 3)  # received under the 2019 regime


def _id(label: dict[str, Any]) -> str:
    return str(label["text"])


@pytest.mark.parametrize("label", LABELS, ids=_id)
def test_accepted_under_2008_with_its_row(label: dict[str, Any]) -> None:
    notice = parse_reply_outcome(label["text"], "2008")
    assert notice is ReplyNotice(label["notice"])
    assert isinstance(notice, ReplyNotice)
    assert notice.row == (Outcome(label["row_2008"]) if label["row_2008"] else None)
    assert label["item"].split("、")[0] in notice.record.article
    assert "（2008年）第二十一条" in notice.record.article
    # the clock accepts it as the outcome of a reply under the 2008 regime
    deadline = reply_deadline(OLD, [Replied(dt.date(2019, 3, 8), outcome=label["text"])])
    assert deadline.regime.id == "2008"


@pytest.mark.parametrize("label", LABELS, ids=_id)
def test_under_2019_mapped_or_refused(label: dict[str, Any]) -> None:
    events = [Replied(dt.date(2019, 6, 10), outcome=label["text"])]
    if label["under_2019"] == "refused":
        with pytest.raises(OutcomeRegimeError, match=label["text"]) as info:
            parse_reply_outcome(label["text"], "2019")
        assert info.value.regime == "2019"
        assert "第二十一条" in info.value.article
        with pytest.raises(OutcomeRegimeError):
            reply_deadline(NEW, events)
        with pytest.raises(OutcomeRegimeError):
            DisclosureRequest("r1", "张三", "自然人", NEW, outcome=label["text"], closed=dt.date(2019, 6, 10))
    else:
        assert parse_reply_outcome(label["text"], "2019") is Outcome(label["under_2019"])
        assert reply_deadline(NEW, events).regime.id == "2019"


def _ledger(texts: list[str], received: dt.date = OLD) -> Ledger:
    closed = received + dt.timedelta(days=7)
    return Ledger(
        [
            DisclosureRequest(f"r{i}", f"申请人{i}", "自然人", received, outcome=t, closed=closed)
            for i, t in enumerate(texts)
        ]
    )


def test_a_2008_ledger_builds_table_3_of_the_trial_format() -> None:
    counted = [x["text"] for x in LABELS if x["trial_row"]]
    ledger = _ledger(counted)
    expected: dict[str, int] = {}
    for x in LABELS:
        if x["trial_row"]:
            expected[x["trial_row"]] = expected.get(x["trial_row"], 0) + 1
    for table in (
        table3_from_ledger(ledger, 2019, format="2019-trial"),
        table3_from_frame(ledger_to_frame(ledger), 2019, format="2019-trial"),
    ):
        for key, n in expected.items():
            assert table.raw(key, "natural_person") == n, key
        assert table.raw("total", "natural_person") == len(counted)
        assert table.raw("new", "natural_person") == len(counted)


def test_a_notice_without_a_row_is_refused_by_table_3() -> None:
    rowless = [x["text"] for x in LABELS if not x["trial_row"]]
    ledger = _ledger([*rowless, "同意公开告知书"])
    for build in (
        lambda: table3_from_ledger(ledger, 2019, format="2019-trial"),
        lambda: table3_from_frame(ledger_to_frame(ledger), 2019, format="2019-trial"),
    ):
        with pytest.raises(InvalidRecordsError, match="names no row of table 3") as info:
            build()
        assert [p.value for p in info.value.problems] == rowless
        assert "r0" in str(info.value)


def test_the_ledger_keeps_the_notice_for_2008_requests() -> None:
    (request,) = _ledger(["补正告知书"])
    assert request.outcome is ReplyNotice.UNCLEAR
    (mapped,) = _ledger(["同意公开告知书"], received=NEW)
    assert mapped.outcome is ReplyNotice.DISCLOSED  # a notice that keeps a 2019 meaning stays a notice
    assert mapped.outcome.row is Outcome.DISCLOSED
