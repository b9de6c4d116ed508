"""Assertion helpers and golden-file readers for the catalog tests."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from zwgk.catalog import (
    Anchor,
    AnnualDeadline,
    DisplayPeriod,
    Frequency,
    LimitPart,
    PeriodicLimit,
    PeriodLimit,
    Qualitative,
    QualitativeLimit,
    SameAsAbove,
    UnparsedLimit,
)
from zwgk.deadlines import PeriodUnit

GOLDEN = Path(__file__).parent / "golden"
# The golden files name units as the phrases do.
UNITS = {"工作日": PeriodUnit.WORKING_DAYS, "日": PeriodUnit.DAYS, "月": PeriodUnit.MONTHS}


def load_golden(name: str) -> dict[str, Any]:
    """A TOML golden file of this directory."""
    return tomllib.loads((GOLDEN / name).read_text(encoding="utf-8"))


def expected_part(spec: dict[str, Any]) -> LimitPart:
    """The limit part a golden-file entry describes (enums looked up by their Chinese value)."""
    kind = spec["kind"]
    scope = spec.get("scope")
    if kind == "period":
        anchor = Anchor(spec["anchor"]) if "anchor" in spec else None
        return PeriodLimit(spec["amount"], UNITS[spec["unit"]], anchor, scope)
    if kind == "annual":
        return AnnualDeadline(spec["month"], spec.get("day"), spec.get("subject"), scope)
    if kind == "periodic":
        return PeriodicLimit(Frequency(spec["frequency"]), spec.get("day"), scope)
    if kind == "qualitative":
        return QualitativeLimit(Qualitative(spec["quality"]), scope)
    if kind == "display":
        return DisplayPeriod(spec["amount"], UNITS[spec["unit"]], spec.get("at_least", False), scope)
    if kind == "same":
        return SameAsAbove()
    if kind == "unparsed":
        return UnparsedLimit(spec["text"])
    raise AssertionError(f"unknown kind {kind!r} in golden file")
