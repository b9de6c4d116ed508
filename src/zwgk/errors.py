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
    "LimitExceededError",
    "MissingExtraError",
    "MissingFileError",
    "Problem",
    "ProvisionalCalendarWarning",
    "UnknownNameError",
    "UnsafeFileError",
    "ZwgkError",
    "ZwgkWarning",
    "cut",
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
    """How a value appears in a message: dates as ISO text, everything else as its repr, cut to 200."""
    return cut(value, 200)


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


class InvalidTypeError(ZwgkError, TypeError):
    """A single value is of the wrong type."""

    def __init__(self, field: str, value: object, expected: str) -> None:
        self.field = field
        self.value = value
        self.expected = expected
        super().__init__(f"{field}: got {_show(value)} of type {type(value).__name__}; expected {expected}")


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
        super().__init__(f"unknown {kind} {_show(name)}; known: {', '.join(self.known)}")


class MissingExtraError(ZwgkError, ImportError):
    """An optional dependency is needed for this call and is not installed."""

    def __init__(self, package: str, extra: str, purpose: str) -> None:
        self.package = package
        self.extra = extra
        self.purpose = purpose
        super().__init__(
            f"{purpose} needs the optional package {package!r}; install it with pip install 'zwgk[{extra}]'"
        )


# --- Hostile and real-world inputs (issue 11) ------------------------------------------------


def cut(value: object, limit: int = 80) -> str:
    """``value`` as it appears in a message, never much longer than ``limit`` characters.

    Dates (and datetimes) are shown as ISO text, everything else as its ``repr``.  A longer
    ``repr`` keeps its first ``limit`` characters and says how long the value was — the
    number of characters of a string, of its ``repr`` otherwise — so a 100 MB cell becomes a
    one-line message::

        >>> cut("x" * 100)
        "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx… (100 characters)"

    Only the head of a long string is passed to ``repr``, so the cost does not grow with it.
    """
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str):
        shown, size, whole = repr(value[:limit]), len(value), len(value) <= limit
    else:
        shown = repr(value)
        size, whole = len(shown), True
    if whole and len(shown) <= limit:
        return shown
    return f"{shown[:limit]}… ({size} characters)"


class LimitExceededError(DataFileError):
    """An input is larger than a bound of :class:`zwgk._limits.Limits` allows.

    A :class:`DataFileError` (so also a ``ValueError``).  ``source`` names the input,
    ``limit`` the field of ``Limits`` (``"max_rows"``), ``bound`` its value, ``value`` what
    was found and ``where`` the place (``"sheet 'Sheet1'"``, ``"row 3, column B"``).  The
    message says how to raise the bound; build one with :meth:`too_many`, :meth:`too_deep`
    or :meth:`too_compressed`.
    """

    def __init__(self, source: str, limit: str, bound: int, value: int, *, where: str, finding: str) -> None:
        self.limit = limit
        self.bound = bound
        self.value = value
        self.where = where
        self.finding = finding
        super().__init__(
            source,
            [Problem(where, f"{finding}; the limit {limit} is {bound}", limit, value, f"at most {bound}")],
        )
        message = (
            f"{source}: {where} {finding}; the limit {limit} is {bound} "
            f"(pass limits=Limits({limit}=...) to raise it)"
        )
        self.args = (message,)

    @classmethod
    def too_many(
        cls, source: str, limit: str, bound: int, value: int, *, where: str, unit: str
    ) -> LimitExceededError:
        """``"<source>: <where> has <value> <unit>; the limit <limit> is <bound> (...)"``."""
        return cls(source, limit, bound, value, where=where, finding=f"has {value} {unit}")

    @classmethod
    def too_deep(cls, source: str, bound: int, value: int, where: str) -> LimitExceededError:
        """Nesting (JSON arrays/objects, TOML arrays/tables) deeper than ``max_depth``."""
        return cls(source, "max_depth", bound, value, where=where, finding=f"nests {value} levels deep")

    @classmethod
    def too_compressed(cls, source: str, bound: int, value: int, entry: str) -> LimitExceededError:
        """A zip entry that expands more than ``max_compression_ratio`` times (a zip bomb)."""
        return cls(
            source,
            "max_compression_ratio",
            bound,
            value,
            where=f"zip entry {entry!r}",
            finding=f"expands {value} times",
        )


_SAFE_XML = "XML without a DTD, entities or external references"


class UnsafeFileError(DataFileError):
    """A file uses a construct zwgk refuses to parse at all.

    XML with a document type, entity declarations or external references (the "billion
    laughs" and XXE attacks: no workbook Excel writes has them), found by ``defusedxml``.
    ``part`` is the member of the file (``"xl/sharedStrings.xml"``) and ``reason`` what was
    found.
    """

    def __init__(self, source: str, part: str, reason: str) -> None:
        self.part = part
        self.reason = reason
        super().__init__(
            source,
            [Problem(part, f"refused: {reason}", "content", None, _SAFE_XML)],
        )
