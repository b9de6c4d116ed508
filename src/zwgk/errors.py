"""zwgk's error and warning tree.

Every exception zwgk raises on bad input derives from :class:`ZwgkError` **and** from the
builtin it resembles (``ValueError``, ``TypeError``, ``LookupError``, ``ImportError``), so
callers may catch either.  Each error keeps its inputs as attributes and formats its
message in one place: the field, the value, what was expected, and the bound.

Where many records are bad at once (rows of a spreadsheet, items of a scorecard, entries
of a notice file) a single error lists every :class:`Problem` with its location.

Soft problems (a date computed from estimated, not announced, holidays) are warnings
derived from :class:`ZwgkWarning`.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence

import attrs

__all__ = [
    "CalendarCoverageError",
    "DataFileError",
    "EvidenceError",
    "InvalidEventSequence",
    "InvalidInputError",
    "InvalidRecordsError",
    "InvalidTypeError",
    "MissingExtraError",
    "MissingFileError",
    "Problem",
    "ProvisionalCalendarWarning",
    "UnknownNameError",
    "ZwgkError",
    "ZwgkWarning",
]


@attrs.frozen
class Problem:
    """One thing wrong with one place in some input.

    ``location`` says where (``"row 12"``, ``"notices/2026.toml: holidays[3].rest"``,
    ``"item 10"``); ``field`` names the field or column, ``value`` is what was found and
    ``expected`` says what would have been accepted.
    """

    location: str
    message: str
    field: str | None = None
    value: object = None
    expected: str | None = None

    def __str__(self) -> str:
        parts = [f"{self.location}: {self.message}"]
        if self.field is not None:
            parts.append(f"field {self.field!r}")
        if self.value is not None:
            parts.append(f"got {_show(self.value)}")
        if self.expected is not None:
            parts.append(f"expected {self.expected}")
        return "; ".join(parts)


def _show(value: object) -> str:
    """How a value appears in a message: dates as ISO text, everything else as its repr."""
    if isinstance(value, _dt.date):
        return value.isoformat()
    return repr(value)


def _list_problems(header: str, problems: Sequence[Problem]) -> str:
    lines = [f"{header} ({len(problems)} problem{'s' if len(problems) != 1 else ''}):"]
    lines.extend(f"  - {p}" for p in problems)
    return "\n".join(lines)


class ZwgkError(Exception):
    """Root of every error zwgk raises on purpose."""


class ZwgkWarning(UserWarning):
    """Root of zwgk's warnings (visible by default; never a ``DeprecationWarning``)."""


class ProvisionalCalendarWarning(ZwgkWarning):
    """A result used days beyond the published holiday notices.

    Such days are estimated from the statutory holiday rules
    (《全国年节及纪念日放假办法》) and may change when the State Council publishes the
    year's notice.
    """


class InvalidInputError(ZwgkError, ValueError):
    """A single value is of the right type but not acceptable."""

    def __init__(self, field: str, value: object, expected: str) -> None:
        self.field = field
        self.value = value
        self.expected = expected
        super().__init__(f"{field}: got {_show(value)}; expected {expected}")

    @classmethod
    def inexact_number(cls, field: str, value: object) -> InvalidInputError:
        """``value`` (text) is not a decimal number, such as a weight ``"0.6"``."""
        return cls(field, value, "a decimal number such as '0.6'")

    @classmethod
    def results_for(cls, field: str, given: Sequence[str], needed: Sequence[str]) -> InvalidInputError:
        """The results given (their cards ``given``) are not one per card of ``needed``.

        ``value`` is the cards lacking a result, or else those with a result not needed.
        """
        lacking = [c for c in needed if c not in given]
        if lacking:
            return cls(field, sorted(given), f"a result for each of {', '.join(needed)}")
        return cls(field, sorted(set(given) - set(needed)), f"results only for {', '.join(needed)}")

    @classmethod
    def no_parts(cls, field: str) -> InvalidInputError:
        """A combination was given no ``(result, weight)`` pair."""
        return cls(field, [], "at least one (result, weight) pair")

    @classmethod
    def period_end(cls, field: str, end: _dt.date, start: _dt.date) -> InvalidInputError:
        """A period ends before it starts."""
        return cls(field, end, f"a period end on or after its start {start.isoformat()}")

    @classmethod
    def outside_period(
        cls, field: str, dates: Iterable[_dt.date], start: _dt.date, end: _dt.date
    ) -> InvalidInputError:
        """Dates (all listed) lie outside the period ``[start, end]``."""
        shown = [d.isoformat() for d in dates]
        return cls(
            field, shown, f"update dates within the assessment period {start.isoformat()}..{end.isoformat()}"
        )


class InvalidTypeError(ZwgkError, TypeError):
    """A single value is of the wrong type."""

    def __init__(self, field: str, value: object, expected: str) -> None:
        self.field = field
        self.value = value
        self.expected = expected
        super().__init__(f"{field}: got {value!r} of type {type(value).__name__}; expected {expected}")

    @classmethod
    def not_a_card(cls, field: str, value: object) -> InvalidTypeError:
        """``value`` was given where a scorecard is expected (a card name, say)."""
        expected = "a zwgk.scoring.Card or CompiledCard"
        if isinstance(value, str):
            expected += f" (load a card by name or path first: zwgk.scoring.load_card({value!r}))"
        return cls(field, value, expected)

    @classmethod
    def not_evidence(cls, field: str, value: object) -> InvalidTypeError:
        """``value`` was given where evidence (a mapping of keys to values) is expected."""
        return cls(field, value, "a mapping of evidence keys to values")

    @classmethod
    def not_exact(cls, field: str, value: object) -> InvalidTypeError:
        """``value`` is not an exact number (a float, a bool, ...)."""
        if isinstance(value, bool | float):
            return cls(field, value, "a Decimal, int or decimal text (floats are inexact)")
        return cls(field, value, "a Decimal, int or decimal text")


class CalendarCoverageError(ZwgkError, LookupError):
    """A date lies outside the range the calendar can answer for.

    ``day`` is the date the call started from (or the one out of range), ``first`` and
    ``last`` the bounds that apply: the recorded notices' coverage (when the calendar was built
    with ``beyond="raise"``) or the estimate horizon.  ``reason`` is the whole message.
    """

    def __init__(self, day: _dt.date, first: _dt.date, last: _dt.date, reason: str) -> None:
        self.day = day
        self.first = first
        self.last = last
        self.reason = reason
        super().__init__(reason)


class DataFileError(ZwgkError, ValueError):
    """A data file (holiday notice, scorecard, ...) is malformed; lists every problem."""

    def __init__(self, source: str, problems: Iterable[Problem]) -> None:
        self.source = source
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(_list_problems(f"invalid data file {source}", self.problems))


class InvalidRecordsError(ZwgkError, ValueError):
    """Many input records (rows, items) are bad; lists every one with its location."""

    def __init__(self, source: str, problems: Iterable[Problem]) -> None:
        self.source = source
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(_list_problems(f"invalid records in {source}", self.problems))


class MissingFileError(DataFileError, FileNotFoundError):
    """An input file does not exist (or is not a regular file).

    A :class:`DataFileError` that is also a :class:`FileNotFoundError`, so code catching
    either keeps working.  ``path`` is the path as given and ``what`` the kind of file expected.
    """

    def __init__(self, path: object, what: str) -> None:
        self.path = str(path)
        self.what = what
        super().__init__(
            self.path,
            [
                Problem(
                    self.path,
                    "no such file (or not a regular file)",
                    field="path",
                    value=self.path,
                    expected=f"an existing {what}",
                )
            ],
        )


class EvidenceError(ZwgkError, ValueError):
    """Evidence given to a scorecard is missing or ill-typed; lists every item affected."""

    def __init__(self, card: str, problems: Iterable[Problem]) -> None:
        self.card = card
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(_list_problems(f"evidence does not fit card {card!r}", self.problems))

    @classmethod
    def unknown_key(cls, card: str, location: str, key: str, value: object) -> EvidenceError:
        """``key`` is not an evidence key of ``card`` (found at ``location``)."""
        return cls(
            card, [Problem(location, "unknown evidence key", key, value, "a key of the card's evidence")]
        )


class InvalidEventSequence(ZwgkError, ValueError):
    """Events of a disclosure request cannot have happened in this order.

    ``events`` holds the offending events themselves.
    """

    def __init__(self, reason: str, events: Sequence[object]) -> None:
        self.reason = reason
        self.events = tuple(events)
        shown = ", ".join(repr(e) for e in self.events)
        super().__init__(f"{reason}: {shown}" if shown else reason)


class UnknownNameError(ZwgkError, LookupError):
    """A name (card, model, festival, outcome, ...) is not one zwgk knows."""

    def __init__(self, kind: str, name: object, known: Iterable[str]) -> None:
        self.kind = kind
        self.name = name
        self.known = tuple(known)
        super().__init__(f"unknown {kind} {name!r}; known: {', '.join(self.known)}")


class MissingExtraError(ZwgkError, ImportError):
    """An optional dependency is needed for this call and is not installed."""

    def __init__(self, package: str, extra: str, purpose: str) -> None:
        self.package = package
        self.extra = extra
        self.purpose = purpose
        super().__init__(
            f"{purpose} needs the optional package {package!r}; install it with pip install 'zwgk[{extra}]'"
        )
