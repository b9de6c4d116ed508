"""What the clock returns: deadlines, their steps, statuses and violations, as frozen values.

Every value here has value equality and never changes after construction.  A
[`Deadline`][zwgk.deadlines.Deadline] holds its explanation in one form, ``step_rows`` (plain tuples, cheap to
build in batch) whose texts are messages worded when read (`zwgk._i18n`);
[`Deadline.steps`][zwgk.deadlines.Deadline.steps] words them, in the current language, into
[`Step`][zwgk.deadlines.Step] values through a cached pure function.  Texts (explanations, status summaries)
are worded in `._explain`; presentation (HTML, frames, plots) is reached through `zwgk._present.present`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cache, lru_cache
from typing import Any, Literal

import attrs

from zwgk._dates import parse_date
from zwgk._i18n import Language, Message, current_language, gettext, msg_n, resolve, text
from zwgk._json_out import fields_dict, json_value, pydantic_core_schema
from zwgk._present import present
from zwgk.calendar import ChinaCalendar
from zwgk.deadlines._events import Event
from zwgk.deadlines._explain import explanation, summary
from zwgk.deadlines._kinds import ClockState, DeadlineKind, ViolationKind
from zwgk.deadlines._regimes import Regime, default_answer_window, default_fee_payment_window
from zwgk.errors import InvalidInputError

__all__ = [
    "ClockPolicy",
    "Deadline",
    "Status",
    "Step",
    "StepRow",
    "Text",
    "Violation",
    "deadline_from",
    "deadline_template",
    "default_policy",
    "late_reply",
    "steps_of",
]


@attrs.frozen
class ClockPolicy:
    """Choices the Regulations leave open, each with its default (see the explanation docs).

    Attributes:
        fee_pauses_clock: the reply period pauses from the fee notice until payment
            (FACTS §2 [U]: believed to pause; default ``True``).
        late_correction_restarts: a correction notice sent after the 7-working-day limit
            still restarts the period when the corrected request arrives (the text of
            第三十条 attaches the restart to receipt of the correction; default ``True``;
            the violation is recorded either way).
        consultation_open_end: for a consultation with no recorded end, ``"answer_window"``
            ends the pause when the consulted party's 15-working-day answer window ends
            (第三十二条、第三十四条); ``"open"`` leaves the due date undetermined.
        consultation_answer_window: that window in working days (default: the answer period
            of the current Regulations in ``regimes.toml``, 第三十二条、第三十四条; the 2008
            Regulations set none, so zwgk applies it to both regimes).
        fee_payment_window: working days to pay, counted from the day after the notice
            (default: ``fee_payment`` in ``regimes.toml``, 国办函〔2020〕109号).
    """

    fee_pauses_clock: bool = True
    late_correction_restarts: bool = True
    consultation_open_end: Literal["answer_window", "open"] = "answer_window"
    consultation_answer_window: int = attrs.field(factory=default_answer_window)
    fee_payment_window: int = attrs.field(factory=default_fee_payment_window)


@cache
def default_policy() -> ClockPolicy:
    """``ClockPolicy()``, built once on first use (its defaults read ``regimes.toml``)."""
    return ClockPolicy()


@attrs.frozen
class Step:
    """One line of a deadline's explanation."""

    on: dt.date
    event: str
    effect: str
    article: str
    due: dt.date | None

    def to_dict(self) -> dict[str, Any]:
        """The step as JSON data: ``on``, ``event``, ``effect``, ``article``, ``due``.

        Dates are ISO strings; ``due`` is null while the clock is stopped.
        """
        return fields_dict(self)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        """Pydantic's hook: an instance is accepted as it is; ``mode="json"`` dumps ``to_dict()``."""
        return pydantic_core_schema(cls, None, "zwgk.deadlines.io", "result_json_schema")


Text = str | Message
"""A text of the clock: a `Message` worded when read, or plain text
(citations, and the steps of the simple statutory deadlines)."""

StepRow = tuple[dt.date, Text, Text, Text, "dt.date | None"]
"""A step as a plain tuple: ``(on, event, effect, article, due)``; the texts are
`Message` values, worded by `steps_of` in one language."""


@attrs.frozen
class Violation:
    """A breach of the time rules, with the article it breaks.

    ``detail`` is worded in the current language when read (`detail_in` for another).
    """

    on: dt.date
    kind: ViolationKind
    _detail: Text = attrs.field(alias="detail")
    article: str

    def to_dict(self) -> dict[str, Any]:
        """The violation as JSON data: ``on``, ``kind`` (its id), ``detail`` (in the current
        language), ``article``."""
        return fields_dict(self)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        """Pydantic's hook: an instance is accepted as it is; ``mode="json"`` dumps ``to_dict()``."""
        return pydantic_core_schema(cls, None, "zwgk.deadlines.io", "result_json_schema")

    @property
    def detail(self) -> str:
        """What was wrong, in the current language."""
        return text(self._detail)

    def detail_in(self, lang: Language | None = None) -> str:
        """What was wrong, in ``lang``."""
        return text(self._detail, lang)


@attrs.frozen
class Status:
    """Where a deadline stands on a given day.

    ``working_days_remaining`` counts working days in ``(on, due]`` (0 on the due day;
    negative once overdue, e.g. -3 = three working days late).  For a closed request
    ``working_days_late`` says how late the reply was (0 = on time).
    """

    on: dt.date
    state: ClockState
    due: dt.date | None
    working_days_remaining: int | None
    overdue: bool
    working_days_late: int | None
    _summary: Text = attrs.field(alias="summary")

    @property
    def summary(self) -> str:
        """One sentence on where the request stands, in the current language."""
        return text(self._summary)

    def summary_in(self, lang: Language | None = None) -> str:
        """That sentence in ``lang``."""
        return text(self._summary, lang)

    def to_dict(self) -> dict[str, Any]:
        """The status as JSON data.

        Keys: ``on``, ``state`` (its id), ``due`` (or null), ``working_days_remaining``,
        ``overdue``, ``working_days_late``, ``summary`` (in the current language).
        """
        return fields_dict(self)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        """Pydantic's hook: an instance is accepted as it is; ``mode="json"`` dumps ``to_dict()``."""
        return pydantic_core_schema(cls, None, "zwgk.deadlines.io", "result_json_schema")


# Not slotted: a frozen slotted class sets each of its 17 fields through object.__setattr__,
# a dict-backed one stores them in its __dict__ (half the cost of building a deadline, issue 17).
@attrs.frozen(repr=False, slots=False)
class Deadline:
    """A statutory deadline with its explanation.

    Attributes:
        kind: which deadline this is.
        start: the day counting starts from (receipt, formation of the information, ...).
        due: the last day, or ``None`` while the clock is stopped (awaiting a correction or
            a fee payment) or after the request was abandoned.
        regime: the version of the Regulations applied (``None`` for remedies).
        step_rows: the explanation as plain ``(on, event, effect, article, due)`` tuples, in
            date order, their texts `Message` values in no language yet (the
            one form held; [`steps`][zwgk.deadlines.Deadline.steps] words them as
            [`Step`][zwgk.deadlines.Step] values).
        paused_working_days: working days not counted because of pauses.
        extension_working_days: working days added by valid extensions.
        violations: breaches of the time rules found in the events.
        provisional: whether any day used lies beyond the recorded holiday notices.
        state: where the request stands after all events.
        closed_on: the reply or withdrawal date, if any.
        outcome: the reply's outcome, if recorded.
        data_version: the calendar data version used.
    """

    kind: DeadlineKind
    start: dt.date
    due: dt.date | None
    regime: Regime | None
    _step_rows: tuple[StepRow, ...] | None = attrs.field(repr=False, alias="step_rows")
    calendar: ChinaCalendar = attrs.field(repr=False)
    paused_working_days: int = 0
    extension_working_days: int = 0
    violations: tuple[Violation, ...] = ()
    provisional: bool = False
    state: ClockState = ClockState.RUNNING
    closed_on: dt.date | None = None
    outcome: object = None
    abandon_after: dt.date | None = None
    abandon_reason: Text = ""
    data_version: str = ""

    @property
    def step_rows(self) -> tuple[StepRow, ...]:
        """The explanation as plain ``(on, event, effect, article, due)`` tuples, in date order.

        The request clock builds them lazily, on first read, by re-running the clock over the
        deadline's own inputs through a cached pure function (``None`` is held until then, so a
        batch that never reads them never words them).
        """
        rows = self._step_rows
        if rows is None:
            assert self._clock is not None  # a lazy deadline is built by the clock, which sets it
            received, events, policy, _, explain = self._clock
            rows = explain(received, events, self.regime, self.calendar, policy)
        return rows

    @property
    def steps(self) -> tuple[Step, ...]:
        """The explanation, in date order: what happened, its effect and the article.

        Worded in the current language ([`steps_in`][zwgk.deadlines.Deadline.steps_in] for another), from
        [`step_rows`][zwgk.deadlines.Deadline.step_rows] by a cached pure function (most batch uses never read
        them).
        """
        return steps_of(self.step_rows, current_language())

    def steps_in(self, lang: Language | None = None) -> tuple[Step, ...]:
        """The explanation worded in ``lang`` (``"zh"`` or ``"en"``; default: the current language)."""
        return steps_of(self.step_rows, resolve(lang))

    @property
    def working_days_late(self) -> int | None:
        """For a replied request: working days after the due date (0 if on time)."""
        if self.state is not ClockState.REPLIED or self.closed_on is None or self.due is None:
            return None
        return max(0, self.calendar.kernel.between(self.due, self.closed_on))

    @property
    def on_time(self) -> bool | None:
        """For a replied request: whether the reply came on or before the due date."""
        late = self.working_days_late
        return None if late is None else late == 0

    def status(self, on: dt.date) -> Status:
        """Where this deadline stands at the end of day ``on``.

        Events dated after ``on`` are ignored for a request clock (the status is what could
        be known that day).  Remaining working days count ``(on, due]``.

        Raises:
            InvalidInputError: ``on`` is before the start.
        """
        on = parse_date(on, "on", text=False)
        if on < self.start:
            raise InvalidInputError(
                "on", on, gettext("a date on or after {day}").format(day=self.start.isoformat())
            )
        self.calendar.kernel.index(on, "on")  # a day the calendar answers for
        view = self
        if self.kind is DeadlineKind.REPLY and self._clock is not None:
            received, events, policy, rerun, _ = self._clock
            if any(e.on > on for e in events):
                known = tuple(e for e in events if e.on <= on)
                view = rerun(received, known, self.regime, self.calendar, policy)
        return view._status(on)

    def _status(self, on: dt.date) -> Status:
        state = self.state
        late = self.working_days_late
        remaining = None
        abandoned = None
        if state in (ClockState.REPLIED, ClockState.WITHDRAWN):
            overdue = bool(late)
        elif self.abandon_after is not None and on > self.abandon_after:
            state, late, overdue, abandoned = ClockState.ABANDONED, None, False, self.abandon_after
        elif self.due is None:
            late, overdue = None, False
        else:
            remaining = self.calendar.kernel.between(on, self.due)
            late, overdue = None, remaining < 0
        due = None if abandoned is not None else self.due
        said = summary(state, self.due, remaining, late, abandoned, self.abandon_reason)
        return Status(on, state, due, remaining, overdue, late, said)

    def __repr__(self) -> str:
        due = self.due.isoformat() if self.due else "undetermined"
        regime = f", regime {self.regime.id}" if self.regime else ""
        extra = f", {len(self.violations)} violation(s)" if self.violations else ""
        prov = ", provisional" if self.provisional else ""
        head = f"<Deadline {self.kind.value} from {self.start.isoformat()}: due {due}, {self.state.value}"
        return f"{head}{regime}{extra}{prov}>"

    def _repr_html_(self) -> str:
        html: str = present(self, "html")
        return html

    def to_frame(self) -> Any:
        """The steps as a pandas DataFrame (extra ``zwgk[pandas]``)."""
        return present(self, "frame")

    def plot(self, *, labels: Literal["auto", "zh", "en"] = "auto") -> Any:
        """A timeline figure with pauses shaded and the due date marked (extra ``zwgk[plot]``).

        ``labels="auto"`` words the labels in the language set (``zwgk.language``,
        ``zwgk.set_language``, ``ZWGK_LANG``; Chinese when none is set, as the other plots) when
        a CJK font can draw Chinese, else in English."""
        return present(self, "plot", labels=labels)

    def explain(self, *, lang: Language | None = None) -> str:
        """The steps as plain text, one per line, in ``lang`` (default: the current language).

        Raises:
            UnknownLanguageError: ``lang`` is not ``"zh"`` or ``"en"``.
        """
        return explanation(self, lang)

    def to_dict(self, on: dt.date | None = None) -> dict[str, Any]:
        """The deadline as JSON data (the shape of ``zwgk schema deadline``; ``zwgk deadline --json``).

        Keys, in this order: ``kind``, ``received`` (the receipt date of a reply deadline, else
        null), ``start``, ``due``, ``state``, ``regime`` (``{"id", "instrument"}`` or null),
        ``paused_working_days``, ``extension_working_days``, ``steps``
        ([`Step.to_dict`][zwgk.deadlines.Step.to_dict]), ``violations`` (`Violation.to_dict`), ``closed_on``,
        ``outcome``, ``working_days_late``, ``abandon_after``, ``abandon_reason``, ``provisional``,
        ``data_version`` and ``status`` ([`Status.to_dict`][zwgk.deadlines.Status.to_dict] of ``status(on)``,
        null without ``on``).  Dates are ISO strings, enums their ids.
        """
        regime = self.regime
        return {
            "kind": json_value(self.kind),
            "received": None if self._clock is None else self._clock[0].isoformat(),
            "start": self.start.isoformat(),
            "due": json_value(self.due),
            "state": json_value(self.state),
            "regime": None if regime is None else {"id": regime.id, "instrument": regime.instrument},
            "paused_working_days": self.paused_working_days,
            "extension_working_days": self.extension_working_days,
            "steps": [s.to_dict() for s in self.steps],
            "violations": [v.to_dict() for v in self.violations],
            "closed_on": json_value(self.closed_on),
            "outcome": json_value(self.outcome),
            "working_days_late": self.working_days_late,
            "abandon_after": json_value(self.abandon_after),
            "abandon_reason": text(self.abandon_reason),
            "provisional": self.provisional,
            "data_version": self.data_version,
            "status": None if on is None else self.status(on).to_dict(),
        }

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        """Pydantic's hook: an instance is accepted as it is; ``mode="json"`` dumps ``to_dict()``."""
        return pydantic_core_schema(cls, None, "zwgk.deadlines.io", "result_json_schema")

    # The clock's inputs, for ``status(on)`` (re-run with the events known by a day) and for
    # ``step_rows`` (worded on first read): ``(received, events, policy, rerun, explain)``,
    # where ``rerun`` is the clock and ``explain`` the cached pure function that words its
    # steps (the same two module functions for every deadline, held so that this module never
    # imports the clock).  One plain tuple: a deadline is built in a few microseconds.
    _clock: ClockInputs | None = attrs.field(default=None, repr=False, alias="_clock")


ClockInputs = tuple[
    dt.date,
    tuple[Event, ...],
    ClockPolicy,
    Callable[..., Deadline],
    Callable[..., tuple[StepRow, ...]],
]
"""What a reply deadline keeps of its clock: ``(received, events, policy, rerun, explain)``."""


_NEW_OBJECT = object.__new__
_SET_DICT = Deadline.__dict__["__dict__"].__set__  # the instance dict setter, not the frozen __setattr__


def deadline_template(
    kind: DeadlineKind, regime: Regime | None, calendar: ChinaCalendar, data_version: str
) -> dict[str, Any]:
    """The fields of a ``kind`` deadline under ``regime`` on ``calendar``, every other field at its
    default: what `deadline_from` takes once copied and filled (built by ``Deadline(...)``, so its
    keys are exactly the ones ``__init__`` stores).  Callers keep it private and only copy it (a
    read-only proxy's ``copy`` costs the fast path 3 % more)."""
    made = Deadline(kind, dt.date.min, None, regime, None, calendar, data_version=data_version)
    return dict(made.__dict__)


def deadline_from(fields: dict[str, Any]) -> Deadline:
    """The deadline whose fields are ``fields`` (a filled copy of a `deadline_template`), equal to
    the one ``Deadline(...)`` builds from the same values.

    The clock's fast path builds a deadline per request: copying a template and giving the
    object its dict costs about a third less than ``__init__``'s seventeen stores (issue 17).
    """
    made: Deadline = _NEW_OBJECT(Deadline)
    _SET_DICT(made, fields)
    return made


@lru_cache(maxsize=4096)
def steps_of(rows: tuple[StepRow, ...], lang: Language = "en") -> tuple[Step, ...]:
    """The [`Step`][zwgk.deadlines.Step] values of ``rows`` worded in ``lang`` (a pure function of its frozen
    inputs; cached)."""
    return tuple(
        Step(on, text(event, lang), text(effect, lang), text(article, lang), due)
        for on, event, effect, article, due in rows
    )


def late_reply(on: dt.date, due: dt.date, late: int, article: str) -> Violation:
    """The violation of a reply on ``on``, ``late`` working days after the due date ``due``."""
    return Violation(
        on,
        ViolationKind.LATE_REPLY,
        msg_n(
            "replied {n} working day after the due date {day}",
            "replied {n} working days after the due date {day}",
            "n",
            n=late,
            day=due,
        ),
        article,
    )
