"""The calendar docs stay in step with the code (their examples run in tests/test_docs_examples.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from zwgk.calendar.io import notice_json_schema

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_reference_shows_the_current_json_schema() -> None:
    page = (DOCS / "reference" / "calendar.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"^```json\n(.*?)^```", page, re.MULTILINE | re.DOTALL)
    assert json.loads(block) == notice_json_schema(), "regenerate the JSON block from notice_json_schema()"


def test_reference_lists_every_calendar_name_it_documents() -> None:
    from zwgk import calendar

    page = (DOCS / "reference" / "calendar.md").read_text(encoding="utf-8")
    members = re.findall(r"^        - (\w+)$", page, re.MULTILINE)
    assert members
    assert set(members) <= set(calendar.__all__)
