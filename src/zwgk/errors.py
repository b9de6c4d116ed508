"""zwgk's error and warning tree.

Every exception zwgk raises on bad input derives from [`ZwgkError`][zwgk.errors.ZwgkError] **and** from the
builtin it resembles (``ValueError``, ``TypeError``, ``LookupError``, ``ImportError``), so
callers may catch either.  Each error keeps its inputs as attributes and formats its
message in one place: the field, the value, what was expected, and the bound.

Where many records are bad at once (rows of a spreadsheet, items of a scorecard, entries
of a notice file) a single error lists every [`Problem`][zwgk.errors.Problem] with its location.

Soft problems (a date computed from estimated, not announced, holidays) are warnings
derived from [`ZwgkWarning`][zwgk.errors.ZwgkWarning].
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from enum import Enum

import attrs

from zwgk._lang import N_, is_decimal
from zwgk._lang import gettext_ as _
from zwgk._lang import ngettext_ as ngettext

__all__ = [
    "CJKFontMissingWarning",
    "CalendarCoverageError",
    "DataFileError",
    "EvidenceError",
    "InvalidCellError",
    "InvalidEventSequence",
    "InvalidInputError",
    "InvalidRecordsError",
    "InvalidTypeError",
    "LimitExceededError",
    "MissingExtraError",
    "MissingFileError",
    "OutcomeRegimeError",
    "PlanCycleError",
    "PlanReferenceError",
    "PlanRuleError",
    "Problem",
    "ProvisionalCalendarWarning",
    "RegisterRecordError",
    "RegisterVersionError",
    "ReportParseError",
    "TablesSkippedWarning",
    "UnknownLanguageError",
    "UnknownNameError",
    "UnparsedTimeLimitWarning",
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
    ``expected`` says what would have been accepted.  ``message`` and ``expected`` are worded
    when the problem is shown: an English text marked with ``N_`` is looked up in the catalog
    (a text already worded, or not in the catalog, is shown as it is).
    """

    location: str
    message: str
    field: str | None = None
    value: object = None
    expected: str | None = None

    def __str__(self) -> str:
        parts = [_("{location}: {message}").format(location=self.location, message=_worded(self.message))]
        if self.field is not None:
            parts.append(_("field {field}").format(field=repr(self.field)))
        if self.value is not None:
            parts.append(_("got {value}").format(value=_show(self.value)))
        if self.expected is not None:
            parts.append(_("expected {expected}").format(expected=_worded(self.expected)))
        return _("; ").join(parts)


def _worded(text: str) -> str:
    """``text`` in the current language when it is a message of the catalog (marked ``N_`` where
    it was written), else as it is (``""`` stays empty: gettext would answer its header)."""
    return _(text) if text else text


def _show(value: object) -> str:
    """How a value appears in a message: dates as ISO text, everything else as its repr, cut to 200."""
    return cut(value, 200)


def _list_problems(header: str, problems: Sequence[Problem]) -> str:
    n = len(problems)
    lines = [ngettext("{header} ({n} problem):", "{header} ({n} problems):", n).format(header=header, n=n)]
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

    @classmethod
    def beyond_settled(cls, what: str, settled: _dt.date, last: _dt.date) -> ProvisionalCalendarWarning:
        """``what`` used days after ``settled`` (notices recorded through ``last``)."""
        return cls(
            _(
                "{what} uses days after {settled}: the {next} notice may still change the last week of "
                "{year}, and days after {last} are estimated from the statutory rules"
            ).format(
                what=what,
                settled=settled.isoformat(),
                next=last.year + 1,
                year=last.year,
                last=last.isoformat(),
            )
        )


class UnparsedTimeLimitWarning(ZwgkWarning):
    """A 公开时限 phrase (or part of one) was not recognised.

    The phrase is kept verbatim as an [`UnparsedLimit`][zwgk.catalog.UnparsedLimit]; zwgk never
    guesses a period from text it does not understand.  ``text`` is the whole phrase and
    ``clauses`` the parts that were not recognised.
    """

    def __init__(self, text: str, clauses: Sequence[str]) -> None:
        self.text = text
        self.clauses = tuple(clauses)
        shown = _("; ").join(repr(c) for c in self.clauses)
        super().__init__(
            _(
                "time limit {text}: not recognised: {shown}; kept as unparsed text "
                "(expected a period such as {period}, an annual date such as {annual}, {regular}, "
                "{ongoing}, or {notice})"
            ).format(
                text=repr(text),
                shown=shown,
                period="自信息形成或者变更之日起20个工作日内",
                annual="每年1月31日前",
                regular="每月/每季度/每年",
                ongoing="实时/及时/长期/常态化",
                notice="公示期5个工作日",
            )
        )


class CJKFontMissingWarning(ZwgkWarning):
    """Chinese plot labels were asked for (``labels="zh"``) and no CJK font is installed.

    zwgk draws English labels instead of boxes; the message names the font packages to
    install (Noto Sans CJK SC: ``fonts-noto-cjk`` on Debian/Ubuntu).  Issued once per process.
    """


class TablesSkippedWarning(ZwgkWarning):
    """A published report was read, but some of its tables could not be and were skipped.

    ``problems`` holds one [`TableProblem`][zwgk.reports.io.TableProblem] per skipped table (kind
    ``table_unreadable``, its place and what is wrong); the report has ``None`` for those
    tables.  [`read_report`][zwgk.reports.io.read_report] returns them without warning.
    """

    def __init__(self, problems: Sequence[object]) -> None:
        self.problems = tuple(problems)
        lines = "".join(f"\n  - {p}" for p in self.problems)
        n = len(self.problems)
        header = ngettext("{n} table of the report skipped:", "{n} tables of the report skipped:", n)
        super().__init__(header.format(n=n) + lines)


class InvalidInputError(ZwgkError, ValueError):
    """A single value is of the right type but not acceptable."""

    def __init__(self, field: str, value: object, expected: str) -> None:
        self.field = field
        self.value = value
        self.expected = expected
        super().__init__(
            _("{field}: got {value}; expected {expected}").format(
                field=field, value=_show(value), expected=_worded(expected)
            )
        )

    @classmethod
    def inexact_number(cls, field: str, value: object) -> InvalidInputError:
        """``value`` (text) is not a decimal number, such as a weight ``"0.6"``."""
        return cls(field, value, _("a decimal number such as '0.6'"))

    @classmethod
    def results_for(cls, field: str, given: Sequence[str], needed: Sequence[str]) -> InvalidInputError:
        """The results given (their cards ``given``) are not one per card of ``needed``.

        ``value`` is the cards lacking a result, or else those with a result not needed.
        """
        lacking = [c for c in needed if c not in given]
        if lacking:
            return cls(
                field, sorted(given), _("a result for each of {cards}").format(cards=", ".join(needed))
            )
        return cls(
            field,
            sorted(set(given) - set(needed)),
            _("results only for {cards}").format(cards=", ".join(needed)),
        )

    @classmethod
    def no_parts(cls, field: str) -> InvalidInputError:
        """A combination was given no ``(result, weight)`` pair."""
        return cls(field, [], _("at least one (result, weight) pair"))

    @classmethod
    def period_end(cls, field: str, end: _dt.date, start: _dt.date) -> InvalidInputError:
        """A period ends before it starts."""
        return cls(
            field, end, _("a period end on or after its start {start}").format(start=start.isoformat())
        )

    @classmethod
    def outside_period(
        cls, field: str, dates: Iterable[_dt.date], start: _dt.date, end: _dt.date
    ) -> InvalidInputError:
        """Dates (all listed) lie outside the period ``[start, end]``."""
        shown = [d.isoformat() for d in dates]
        return cls(
            field,
            shown,
            _("update dates within the assessment period {start}..{end}").format(
                start=start.isoformat(), end=end.isoformat()
            ),
        )


class InvalidCellError(ZwgkError, ValueError):
    """One cell of a file (a JSON member, a table cell, a register column) cannot be read.

    Raised inside boundary validators, which locate it (row, column, JSON path); ``shown``
    is how the value is described (``the boolean true``, ``'1 234'``), ``what`` what it is
    not, and ``expected`` what would have been accepted.
    """

    def __init__(self, shown: str, what: str, expected: str) -> None:
        self.shown = shown
        self.what = what
        self.expected = expected
        super().__init__(
            _("{shown} is not {what}; expected {expected}").format(shown=shown, what=what, expected=expected)
        )

    @classmethod
    def not_json(cls, what: str, detail: object) -> InvalidCellError:
        """Text that should hold JSON (``what``: ``a JSON list of events``) and does not parse."""
        return cls(_("text that does not parse as JSON ({detail})").format(detail=detail), what, what)


class InvalidTypeError(ZwgkError, TypeError):
    """A single value is of the wrong type."""

    def __init__(self, field: str, value: object, expected: str) -> None:
        self.field = field
        self.value = value
        self.expected = expected
        super().__init__(
            _("{field}: got {value} of type {type}; expected {expected}").format(
                field=field, value=_show(value), type=type(value).__name__, expected=_worded(expected)
            )
        )

    @classmethod
    def missing(cls, field: str, value: object, name: str, expected: str) -> InvalidTypeError:
        """``value`` is a missing value (``name``: ``"a missing date (NaT)"``, ``"a missing value (NaN)"``).

        pandas and spreadsheets give ``NaT``, ``NA``, ``NaN`` or ``None`` for an empty cell;
        the message names it instead of showing its ``repr``.
        """
        error = cls(field, value, expected)
        error.args = (
            _("{field}: got {name}; expected {expected}").format(
                field=field, name=name, expected=_worded(expected)
            ),
        )
        return error

    @classmethod
    def not_a_card(cls, field: str, value: object) -> InvalidTypeError:
        """``value`` was given where a scorecard is expected (a card name, say)."""
        expected = _("a zwgk.scoring.Card or CompiledCard")
        if isinstance(value, str):
            expected = _(
                "a zwgk.scoring.Card or CompiledCard (load a card by name or path first: "
                "zwgk.scoring.load_card({name}))"
            ).format(name=repr(value))
        return cls(field, value, expected)

    @classmethod
    def not_evidence(cls, field: str, value: object) -> InvalidTypeError:
        """``value`` was given where evidence (a mapping of keys to values) is expected."""
        return cls(field, value, _("a mapping of evidence keys to values"))

    @classmethod
    def not_exact(cls, field: str, value: object) -> InvalidTypeError:
        """``value`` is not an exact number (a float, a bool, ...)."""
        if isinstance(value, bool | float):
            return cls(field, value, _("a Decimal, int or decimal text (floats are inexact)"))
        return cls(field, value, _("a Decimal, int or decimal text"))


class CalendarCoverageError(ZwgkError, LookupError):
    """A date lies outside the range the calendar can answer for.

    ``day`` is the date the call started from (or the one out of range), ``first`` and
    ``last`` the bounds that apply: the recorded notices' coverage (when the calendar was built
    with ``beyond="raise"``) or the estimate horizon.  ``reason`` is the whole message.

    Raise sites use the constructor classmethods, which format every message here and name
    the bound that was crossed.
    """

    def __init__(self, day: _dt.date, first: _dt.date, last: _dt.date, reason: str) -> None:
        self.day = day
        self.first = first
        self.last = last
        self.reason = reason
        super().__init__(reason)

    @staticmethod
    def _what(field: str, day: _dt.date, shown: str | None) -> str:
        name = _(field) if field in _FIELD_NAMES else field
        return _("{field} {day} is outside the calendar").format(field=name, day=shown or day.isoformat())

    @classmethod
    def before_notices(
        cls, day: _dt.date, first: _dt.date, last: _dt.date, *, field: str = "day", shown: str | None = None
    ) -> CalendarCoverageError:
        """``day`` is before ``first``, the first day the recorded notices cover."""
        reason = _(
            "{what}: holiday arrangements are recorded from {first}; earlier dates are not supported"
        ).format(what=cls._what(field, day, shown), first=first.isoformat())
        return cls(day, first, last, reason)

    @classmethod
    def beyond_notices(
        cls, day: _dt.date, first: _dt.date, last: _dt.date, *, field: str = "day", shown: str | None = None
    ) -> CalendarCoverageError:
        """``day`` is after ``last``, the last day of the recorded notices (``beyond="raise"``)."""
        reason = _(
            "{what}: holiday arrangements are recorded through {last}; add the next notice with "
            "calendar.with_notices(load_notices(path)) or use beyond='estimate'"
        ).format(what=cls._what(field, day, shown), last=last.isoformat())
        return cls(day, first, last, reason)

    @classmethod
    def beyond_horizon(
        cls,
        day: _dt.date,
        first: _dt.date,
        recorded: _dt.date,
        until: _dt.date,
        *,
        field: str = "day",
        shown: str | None = None,
    ) -> CalendarCoverageError:
        """``day`` is after ``until``, the last day estimates reach (notices end on ``recorded``)."""
        reason = _(
            "{what}: holiday arrangements are recorded through {recorded} and estimated through {until}"
        ).format(what=cls._what(field, day, shown), recorded=recorded.isoformat(), until=until.isoformat())
        return cls(day, first, until, reason)

    @classmethod
    def count_beyond_edge(
        cls, day: _dt.date, n: int, first: _dt.date, last: _dt.date
    ) -> CalendarCoverageError:
        """Counting ``n`` working days from ``day`` leaves ``first``–``last`` (names the edge crossed)."""
        edge = first if n < 0 else last
        reason = _("{n} working days from {day} go beyond {edge}, the edge of the calendar").format(
            n=f"{n:+d}", day=day.isoformat(), edge=edge.isoformat()
        )
        return cls(day, first, last, reason)


class DataFileError(ZwgkError, ValueError):
    """A data file (holiday notice, scorecard, ...) is malformed; lists every problem."""

    def __init__(self, source: str, problems: Iterable[Problem]) -> None:
        self.source = source
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(_list_problems(_("invalid data file {source}").format(source=source), self.problems))


class InvalidRecordsError(ZwgkError, ValueError):
    """Many input records (rows, items) are bad; lists every one with its location."""

    def __init__(self, source: str, problems: Iterable[Problem]) -> None:
        self.source = source
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(
            _list_problems(_("invalid records in {source}").format(source=source), self.problems)
        )


class ReportParseError(InvalidRecordsError):
    """A published report's tables cannot be read; lists every problem with its place."""


class MissingFileError(DataFileError, FileNotFoundError):
    """An input file does not exist (or is not a regular file).

    A [`DataFileError`][zwgk.errors.DataFileError] that is also a `FileNotFoundError`, so code catching
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
                    _("no such file (or not a regular file)"),
                    field="path",
                    value=self.path,
                    expected=_("an existing {what}").format(what=what),
                )
            ],
        )


class EvidenceError(ZwgkError, ValueError):
    """Evidence given to a scorecard is missing or ill-typed; lists every item affected."""

    def __init__(self, card: str, problems: Iterable[Problem]) -> None:
        self.card = card
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(
            _list_problems(_("evidence does not fit card {card}").format(card=repr(card)), self.problems)
        )

    @classmethod
    def unknown_key(cls, card: str, location: str, key: str, value: object) -> EvidenceError:
        """``key`` is not an evidence key of ``card`` (found at ``location``)."""
        return cls(
            card,
            [Problem(location, _("unknown evidence key"), key, value, _("a key of the card's evidence"))],
        )


class InvalidEventSequence(ZwgkError, ValueError):
    """Events of a disclosure request cannot have happened in this order.

    ``events`` holds the offending events themselves.  Raise sites use the constructor
    classmethods, one per reason, so every reason is worded here.
    """

    def __init__(self, reason: str, events: Sequence[object]) -> None:
        self.reason = reason
        self.events = tuple(events)
        shown = _(", ").join(_show_event(e) for e in self.events)
        super().__init__(_("{reason}: {events}").format(reason=reason, events=shown) if shown else reason)

    @classmethod
    def not_an_event(cls, value: object) -> InvalidEventSequence:
        """``value`` is not one of the request-clock event classes."""
        return cls(_("not a request event (expected CorrectionRequested, ConsultationStarted, ...)"), [value])

    @classmethod
    def before_receipt(cls, received: _dt.date, event: object) -> InvalidEventSequence:
        """``event`` is dated before the request was received."""
        return cls(
            _("event dated before the request was received ({day})").format(day=received.isoformat()), [event]
        )

    @classmethod
    def after_close(cls, closing: object, event: object) -> InvalidEventSequence:
        """``event`` follows the reply or withdrawal that closed the request."""
        return cls(_("event after the request was closed"), [closing, event])

    @classmethod
    def end_without_start(cls, event: object) -> InvalidEventSequence:
        """A consultation ended that was never started."""
        return cls(_("consultation ended but none was started"), [event])

    @classmethod
    def paid_without_notice(cls, event: object) -> InvalidEventSequence:
        """A fee was paid while no fee notice is open."""
        return cls(_("fee paid but no fee notice is open"), [event])

    @classmethod
    def two_open_pauses(cls, earlier: object, event: object) -> InvalidEventSequence:
        """A pause began while an earlier one had no end."""
        return cls(_("two open pauses: the earlier one has no end"), [earlier, event])

    @classmethod
    def pause_while_stopped(cls, correction: object, event: object) -> InvalidEventSequence:
        """A pause began while the clock is stopped awaiting a correction."""
        return cls(_("a pause while the clock is stopped awaiting a correction"), [correction, event])

    @classmethod
    def correction_during_pause(cls, pause: object, event: object) -> InvalidEventSequence:
        """A correction was requested during an open pause."""
        return cls(_("correction requested during an open pause"), [pause, event])

    @classmethod
    def correction_not_requested(cls, event: object) -> InvalidEventSequence:
        """A corrected request arrived although no correction was requested."""
        return cls(_("corrected request received but no correction was requested"), [event])

    @classmethod
    def delay_during_pause(cls, pause: object, event: object) -> InvalidEventSequence:
        """A reasonable delay was set during an open pause."""
        return cls(_("a reasonable delay set during an open pause"), [pause, event])

    @classmethod
    def unknown_outcome(cls, event: object, outcome: object = None) -> InvalidEventSequence:
        """A reply's outcome names no row of table 3 (``outcome=None``: not text at all)."""
        if outcome is None:
            return cls(_("unknown outcome (expected a table-3 row label or None)"), [event])
        return cls(_("unknown outcome {outcome}").format(outcome=_show(outcome)), [event])


# The calendar's arguments by name, as coverage errors name them (zh: 日期, 年份, …).
_FIELD_NAMES = frozenset({N_("day"), N_("date"), N_("year"), N_("start"), N_("end")})


def _show_event(event: object) -> str:
    """An event as a message shows it: ``ConsultationEnded on 2026-03-02`` (never its repr)."""
    on = getattr(event, "on", None)
    name = type(event).__name__
    if attrs.has(type(event)):
        name = _(name) if name in _EVENT_NAMES else name
        if isinstance(on, _dt.date):
            return _("{event} on {day}").format(event=name, day=on.isoformat())
        return name
    return _("{value} of type {type}").format(value=_show(event), type=name)


# The request-clock events by class name, as error messages name them (zh: 征求意见结束, …).
_EVENT_NAMES = frozenset(
    {
        N_("CorrectionRequested"),
        N_("CorrectionReceived"),
        N_("ConsultationStarted"),
        N_("ConsultationEnded"),
        N_("FeeNoticeIssued"),
        N_("FeePaid"),
        N_("ExtensionGranted"),
        N_("ReasonableDelaySet"),
        N_("Replied"),
        N_("Withdrawn"),
    }
)


class OutcomeRegimeError(ZwgkError, ValueError):
    """A reply outcome label belongs to another regime of the Regulations and means nothing here.

    Raised for the 2008 notices (告知书, 国务院令第492号第二十一条) that name no reply of the
    2019 text, e.g. 不予公开告知书 without its reason, or 补正告知书 (a correction request under
    the 2019 text, not a reply).
    """

    def __init__(self, label: str, regime: str, article: str, expected: str) -> None:
        self.label = label
        self.regime = regime
        self.article = article
        self.expected = expected
        super().__init__(
            _(
                "reply outcome {label} is a notice of {article} with no meaning under the {regime} "
                "regime; expected {expected}"
            ).format(label=repr(label), article=article, regime=regime, expected=expected)
        )


class UnknownNameError(ZwgkError, LookupError):
    """A name (card, model, festival, outcome, ...) is not one zwgk knows."""

    def __init__(self, kind: str, name: object, known: Iterable[str]) -> None:
        self.kind = kind
        self.name = name
        self.known = tuple(known)
        super().__init__(
            _("unknown {kind} {name}; known: {known}").format(
                kind=_(kind), name=_show(name), known=", ".join(self.known)
            )
        )


class UnknownLanguageError(ZwgkError, ValueError):
    """A language zwgk has no texts in (``lang=``, ``zwgk.set_language``, ``ZWGK_LANG``, ``--lang``).

    ``source`` says where it was given, ``value`` what was given, ``known`` the languages.
    Worded in English when ``ZWGK_LANG`` itself is the bad value.
    """

    def __init__(self, source: str, value: object, known: Iterable[str]) -> None:
        self.source = source
        self.value = value
        self.known = tuple(known)
        super().__init__(
            _("{source}: got {value}; expected a language zwgk speaks: {known}").format(
                source=source, value=_show(value), known=", ".join(repr(k) for k in self.known)
            )
        )


class MissingExtraError(ZwgkError, ImportError):
    """An optional dependency is needed for this call and is not installed."""

    def __init__(self, package: str, extra: str, purpose: str) -> None:
        self.package = package
        self.extra = extra
        self.purpose = purpose
        super().__init__(
            _(
                "{purpose} needs the optional package {package}; install it with pip install 'zwgk[{extra}]'"
            ).format(purpose=_(purpose), package=repr(package), extra=extra)
        )


# --- Hostile and real-world inputs (issue 11) ------------------------------------------------


def cut(value: object, limit: int = 80) -> str:
    """``value`` as it appears in a message, never much longer than ``limit`` characters.

    Dates (and datetimes) are shown as ISO text, also inside containers and zwgk values
    (``ConsultationEnded(on=2026-03-02)``, never ``datetime.date(2026, 3, 2)``); enums as
    their value, decimals as their digits; everything else as its ``repr``.  A longer
    ``repr`` keeps its first ``limit`` characters and says how long the value was — the
    number of characters of a string, of its ``repr`` otherwise — so a 100 MB cell becomes a
    one-line message:

    ```pycon
    >>> cut("x" * 100)
    "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx… (100 characters)"
    ```

    Only the head of a long string is passed to ``repr``, so the cost does not grow with it.
    """
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str):
        shown, size, whole = repr(value[:limit]), len(value), len(value) <= limit
    else:
        shown = _plain(value)
        size, whole = len(shown), True
    if whole and len(shown) <= limit:
        return shown
    return ngettext("{shown}… ({size} character)", "{shown}… ({size} characters)", size).format(
        shown=shown[:limit], size=size
    )


def _plain(value: object, depth: int = 0) -> str:
    """``value`` as a message shows it: like its ``repr``, with no Python type noise.

    Dates are ISO text, enums their value, decimals their digits, attrs values
    ``Name(field=value, ...)``, inside lists, tuples and dicts too.
    """
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, Enum):
        return _plain(value.value, depth)
    if is_decimal(value):
        return str(value)
    if depth > 3 or isinstance(value, str | bytes | int | float | bool) or value is None:
        return repr(value)
    cls = type(value)
    if attrs.has(cls):
        fields = ", ".join(
            f"{f.name}={_plain(getattr(value, f.name), depth + 1)}"
            for f in attrs.fields(cls)
            if f.repr and not f.name.startswith("_")
        )
        return f"{cls.__name__}({fields})"
    if isinstance(value, dict):
        return (
            "{" + ", ".join(f"{_plain(k, depth + 1)}: {_plain(v, depth + 1)}" for k, v in value.items()) + "}"
        )
    if isinstance(value, list):
        return "[" + ", ".join(_plain(v, depth + 1) for v in value) + "]"
    if isinstance(value, tuple):
        shown = ", ".join(_plain(v, depth + 1) for v in value)
        return f"({shown},)" if len(value) == 1 else f"({shown})"
    return repr(value)


class LimitExceededError(DataFileError):
    """An input is larger than a bound of `zwgk._limits.Limits` allows.

    A [`DataFileError`][zwgk.errors.DataFileError] (so also a ``ValueError``).  ``source`` names the input,
    ``limit`` the field of ``Limits`` (``"max_rows"``), ``bound`` its value, ``value`` what
    was found and ``where`` the place (``"sheet 'Sheet1'"``, ``"row 3, column B"``).  The
    message says how to raise the bound; build one with [`too_many`][zwgk.errors.LimitExceededError.too_many],
    [`too_deep`][zwgk.errors.LimitExceededError.too_deep] or
    [`too_compressed`][zwgk.errors.LimitExceededError.too_compressed].
    """

    def __init__(self, source: str, limit: str, bound: int, value: int, *, where: str, finding: str) -> None:
        self.limit = limit
        self.bound = bound
        self.value = value
        self.where = where
        self.finding = finding
        super().__init__(
            source,
            [
                Problem(
                    where,
                    _("{finding}; the limit {limit} is {bound}").format(
                        finding=finding, limit=limit, bound=bound
                    ),
                    limit,
                    value,
                    _("at most {bound}").format(bound=bound),
                )
            ],
        )
        message = _(
            "{source}: {where} {finding}; the limit {limit} is {bound} "
            "(pass limits=Limits({limit}=...) to raise it)"
        ).format(source=source, where=where, finding=finding, limit=limit, bound=bound)
        self.args = (message,)

    @classmethod
    def too_many(
        cls, source: str, limit: str, bound: int, value: int, *, where: str, unit: str
    ) -> LimitExceededError:
        """``"<source>: <where> has <value> <unit>; the limit <limit> is <bound> (...)"``."""
        return cls(
            source,
            limit,
            bound,
            value,
            where=where,
            finding=_("has {value} {unit}").format(value=value, unit=unit),
        )

    @classmethod
    def too_deep(cls, source: str, bound: int, value: int, where: str) -> LimitExceededError:
        """Nesting (JSON arrays/objects, TOML arrays/tables) deeper than ``max_depth``."""
        return cls(
            source,
            "max_depth",
            bound,
            value,
            where=where,
            finding=_("nests {value} levels deep").format(value=value),
        )

    @classmethod
    def too_compressed(cls, source: str, bound: int, value: int, entry: str) -> LimitExceededError:
        """A zip entry that expands more than ``max_compression_ratio`` times (a zip bomb)."""
        return cls(
            source,
            "max_compression_ratio",
            bound,
            value,
            where=_("zip entry {entry}").format(entry=repr(entry)),
            finding=_("expands {value} times").format(value=value),
        )


_SAFE_XML = N_("XML without a DTD, entities or external references")


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
            [Problem(part, _("refused: {reason}").format(reason=reason), "content", None, _(_SAFE_XML))],
        )


# --- The request register (issue 16) ---------------------------------------------------------


class RegisterVersionError(ZwgkError, RuntimeError):
    """The register's schema is not the one this zwgk writes; nothing is migrated silently.

    ``found`` is the register's schema revision (``None``: no register there yet) and
    ``expected`` the revision this zwgk needs; ``where`` is the database URL with any
    password hidden.
    """

    def __init__(self, where: str, found: str | None, expected: str, *, newer: bool = False) -> None:
        self.where = where
        self.found = found
        self.expected = expected
        if found is None:
            text = _("no request register at {where}; create one with 'zwgk register init'").format(
                where=where
            )
        elif newer:
            text = _(
                "the register at {where} has schema revision {found}, newer than this zwgk knows "
                "({expected}); upgrade zwgk"
            ).format(where=where, found=found, expected=expected)
        else:
            text = _(
                "the register at {where} has schema revision {found}; this zwgk needs {expected}: "
                "back it up, then run 'zwgk register init --upgrade'"
            ).format(where=where, found=found, expected=expected)
        super().__init__(text)


class RegisterRecordError(ZwgkError, LookupError):
    """A register operation names a request (or event) that is missing, or one that already exists.

    ``what`` is ``"request"`` or ``"event"``, ``key`` the id or sequence number, ``problem``
    what is wrong with it (``"no such"``, ``"already recorded"``, ``"already superseded"`` …).
    """

    def __init__(self, what: str, key: object, problem: str) -> None:
        self.what = what
        self.key = key
        self.problem = problem
        super().__init__(_("{what} {key}: {problem}").format(what=what, key=_show(key), problem=problem))


# --- Work plans (issue 14) -----------------------------------------------------------------


class PlanCycleError(ZwgkError, ValueError):
    """Tasks of a work plan depend on each other in a circle (``after`` links).

    ``cycle`` lists the task ids in dependency order, the first repeated at the end.
    """

    def __init__(self, plan: str, cycle: Sequence[str]) -> None:
        self.plan = plan
        self.cycle = tuple(cycle)
        super().__init__(
            _(
                "plan {plan}: tasks depend on each other in a cycle: {cycle}; "
                "expected every 'after' chain to end at a task with its own due date"
            ).format(plan=repr(plan), cycle=" → ".join(self.cycle))
        )


class PlanReferenceError(ZwgkError, LookupError):
    """A task names (in ``field``: ``after`` or ``phase``) a task or phase the plan lacks.

    ``known`` lists what the plan does have; ``reason`` is set when the name exists but
    cannot be used (a recurring task has no single completion day to count from).
    """

    def __init__(
        self, plan: str, task: str, field: str, name: str, known: Iterable[str], *, reason: str | None = None
    ) -> None:
        self.plan = plan
        self.task = task
        self.field = field
        self.name = name
        self.known = tuple(known)
        self.reason = reason
        if reason is not None:
            message = _("plan {plan}, task {task}: {field} = {name}: {reason}").format(
                plan=repr(plan), task=repr(task), field=field, name=repr(name), reason=reason
            )
        else:
            template = (
                _("plan {plan}, task {task}: {field} = {name} names no task of the plan; known: {known}")
                if field == "after"
                else _(
                    "plan {plan}, task {task}: {field} = {name} names no phase of the plan; known: {known}"
                )
            )
            message = template.format(
                plan=repr(plan),
                task=repr(task),
                field=field,
                name=repr(name),
                known=", ".join(self.known) or _("(none)"),
            )
        super().__init__(message)


class PlanRuleError(ZwgkError, ValueError):
    """A task's due rule cannot be read: a phrase the time-limit parser does not recognise
    as the kind the field needs, or a rule with missing or conflicting parts.

    ``task`` is the task id, ``field`` the rule's field (``within``, ``every``, ``due`` …),
    ``value`` what was given and ``expected`` what would have been accepted.
    """

    def __init__(self, plan: str, task: str, field: str, value: object, expected: str) -> None:
        self.plan = plan
        self.task = task
        self.field = field
        self.value = value
        self.expected = expected
        super().__init__(
            _("plan {plan}, task {task}: {field}: got {value}; expected {expected}").format(
                plan=repr(plan), task=repr(task), field=field, value=_show(value), expected=expected
            )
        )
