"""The request register: operations on a database, each one transaction.

Nothing here stores a due date, a state or a violation: [`Register.deadline`][zwgk.register.Register.deadline]
and [`Register.due`][zwgk.register.Register.due] run the request clock ([`zwgk.deadlines.reply_deadline`][])
over the *effective* events — every clock event row that no ``Superseded`` row names.
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import getpass
import io
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import sqlalchemy as sa

from zwgk import deadlines
from zwgk._i18n import gettext, msg, msg_n
from zwgk._neutralise import neutralise_row, write_xlsx_cell
from zwgk._optional import import_extra
from zwgk.calendar import ChinaCalendar, default_calendar
from zwgk.deadlines import Channel, ClockState, Deadline, Event, receipt_date, reply_deadline
from zwgk.deadlines.io import ReplyNotice, parse_event_spec, parse_reply_outcome
from zwgk.errors import InvalidInputError, InvalidRecordsError, Problem, RegisterRecordError, ZwgkError
from zwgk.register._schema import connect, init_register, make_engine, register_url
from zwgk.register._tables import CLOCK_KINDS, applicants, events, fees, replies, requests
from zwgk.reports import ReportFormat, Table3, format_for_year, get_format, table3_from_counts
from zwgk.requests import ApplicantKind, DisclosureRequest, Ledger, Outcome
from zwgk.requests.io import LEDGER_COLUMNS, ledger_to_rows

__all__ = ["DueItem", "HistoryEntry", "Register"]

MASK = "***"
"""What a masked or purged personal field shows."""

_CLOSING = ("Replied", "Withdrawn")
_BATCH = 500  # ids per IN (...) list when reading events back


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _user(by: str | None) -> str:
    if by is not None and by.strip():
        return by.strip()
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # pragma: no cover - no login name on this machine
        return "unknown"


def _jsonable(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    return value


def _event_row(event: Event) -> tuple[str, dt.date, str]:
    """``(kind, on, detail JSON)`` of a clock event."""
    detail = {
        f.name: _jsonable(getattr(event, f.name))
        for f in attrs.fields(type(event))
        if f.name != "on" and getattr(event, f.name) is not None
    }
    return type(event).__name__, event.on, json.dumps(detail, ensure_ascii=False, sort_keys=True)


def _event_of(kind: str, on: dt.date, detail: str) -> Event:
    event: Event = getattr(deadlines, kind)(on, **json.loads(detail))
    return event


def _as_date(value: object) -> dt.date:
    """A date column's value (SQLite through ``type_coerce`` gives ISO text)."""
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


@attrs.frozen
class HistoryEntry:
    """One row of a request's legal record, as recorded (nothing in it is ever changed).

    ``superseded_by`` is the sequence number of the ``Superseded`` row that voids this one,
    if any; ``supersedes`` (for a ``Superseded`` row) the row it voids.
    """

    seq: int
    kind: str
    on: dt.date
    detail: str
    spec: str | None
    supersedes: int | None
    superseded_by: int | None
    recorded_by: str
    recorded_at: dt.datetime

    @property
    def effective(self) -> bool:
        """True for a clock event no correction has voided."""
        return self.kind in CLOCK_KINDS and self.superseded_by is None


@attrs.frozen
class DueItem:
    """An open request on ``as_of``: its due date, state and working days left (negative: late).

    ``working_days_left`` counts working days in ``(as_of, due]``; ``None`` while the clock is
    stopped (awaiting a correction or a payment).
    """

    id: str
    received: dt.date
    due: dt.date | None
    state: str
    working_days_left: int | None
    overdue: bool


@attrs.frozen
class RequestRecord:
    """A request as the register holds it (personal fields only when asked for)."""

    id: str
    applicant_kind: ApplicantKind
    channel: Channel
    received: dt.date
    applicant: str | None
    identifier: str | None
    subject: str | None
    pages: int | None
    purged: bool
    recorded_by: str
    recorded_at: dt.datetime


class Register:
    """A request register (依申请公开登记) on an SQLAlchemy database.

    ``url``: any SQLAlchemy URL, a path to an SQLite file, or ``None`` for ``$ZWGK_DB`` or
    ``zwgk-register.db`` in the current folder.  Every method is one transaction and checks
    the schema revision first ([`RegisterVersionError`][zwgk.errors.RegisterVersionError] for an older one).
    """

    def __init__(self, url: str | None = None) -> None:
        self.url = register_url(url)
        self.engine = make_engine(self.url)

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ schema

    def init(self, *, upgrade: bool = False) -> tuple[str | None, str]:
        """Create the register or (``upgrade``) migrate an older one; see `init_register`."""
        return init_register(self.engine, upgrade=upgrade)

    # ------------------------------------------------------------------ writing

    def add(
        self,
        id: str,
        *,
        applicant_kind: str | ApplicantKind,
        received: dt.date | None = None,
        channel: str | Channel | None = None,
        submitted: dt.date | None = None,
        signed: dt.date | None = None,
        confirmed: dt.date | None = None,
        applicant: str | None = None,
        identifier: str | None = None,
        subject: str | None = None,
        pages: int | None = None,
        by: str | None = None,
    ) -> dt.date:
        """Record a new request; returns its receipt day (第三十一条, from the channel's date).

        Give ``received``, or ``channel`` with its date (``submitted`` in person, ``signed``
        for signed post, ``confirmed`` for letter, internet and fax) as ``zwgk deadline`` does.

        Raises:
            RegisterRecordError: the id is already recorded.
            InvalidInputError: no receipt date, or a bad kind or channel.
        """
        kind = ApplicantKind.parse(applicant_kind)
        day, chan = _receipt(received, channel, submitted, signed, confirmed)
        if not id.strip():
            raise InvalidInputError("id", id, gettext("a non-empty request id"))
        reply_deadline(day)  # the clock accepts the receipt day (regime, calendar coverage)
        with connect(self.engine, write=True) as conn:
            if conn.execute(sa.select(requests.c.id).where(requests.c.id == id)).first() is not None:
                raise RegisterRecordError("request", id, gettext("already recorded"))
            applicant_id = conn.execute(
                applicants.insert()
                .values(kind=kind.value, name=applicant, identifier=identifier)
                .returning(applicants.c.id)
            ).scalar_one()
            conn.execute(
                requests.insert().values(
                    id=id,
                    applicant_id=applicant_id,
                    channel=chan.value,
                    received=day,
                    submitted=submitted,
                    signed=signed,
                    confirmed=confirmed,
                    subject=subject,
                    pages=pages,
                    recorded_by=_user(by),
                    recorded_at=_now(),
                )
            )
        return day

    def record(
        self,
        id: str,
        specs: Sequence[str] = (),
        *,
        supersedes: Sequence[int] = (),
        reason: str = "",
        by: str | None = None,
        on: dt.date | None = None,
    ) -> tuple[int, ...]:
        """Append events (``zwgk deadline --event`` specifications) and supersessions.

        Each seq in ``supersedes`` gets a ``Superseded`` row (who, when, ``reason``); the
        events of ``specs`` are then appended.  The effective events that result must make
        sense to the clock ([`InvalidEventSequence`][zwgk.errors.InvalidEventSequence] otherwise) — nothing
        is written if they do not.  ``on`` is the day a ``Superseded`` row is dated
        (default today).

        Returns:
            The sequence numbers of the rows written.
        """
        new = [e for spec in specs for e in parse_event_spec(spec)]
        spec_of = [spec for spec in specs for _ in parse_event_spec(spec)]
        if not new and not supersedes:
            raise InvalidInputError("events", list(specs), gettext("at least one event or --supersedes SEQ"))
        who, when = _user(by), _now()
        with connect(self.engine, write=True) as conn:
            received = self._received(conn, id)
            history = _history(conn, id)
            by_seq = {h.seq: h for h in history}
            for seq in supersedes:
                entry = by_seq.get(seq)
                if entry is None or entry.kind not in CLOCK_KINDS:
                    raise RegisterRecordError(
                        "event",
                        seq,
                        msg("no clock event of request {id} has this number", id=repr(id)).render(),
                    )
                if entry.superseded_by is not None:
                    raise RegisterRecordError(
                        "event",
                        seq,
                        msg("already superseded by event {seq}", seq=str(entry.superseded_by)).render(),
                    )
            kept = [
                _event_of(h.kind, h.on, h.detail) for h in history if h.effective and h.seq not in supersedes
            ]
            reply_deadline(received, [*kept, *new])  # raises on a sequence that cannot have happened
            written: list[int] = []
            day = on or when.date()
            for seq in supersedes:
                detail = json.dumps({"reason": reason} if reason else {}, ensure_ascii=False)
                written.append(
                    _insert_event(
                        conn, id, "Superseded", day, detail, spec=None, supersedes=seq, by=who, at=when
                    )
                )
            for event, spec in zip(new, spec_of, strict=True):
                kind, event_on, detail = _event_row(event)
                seq = _insert_event(
                    conn, id, kind, event_on, detail, spec=spec, supersedes=None, by=who, at=when
                )
                _insert_side_rows(conn, id, seq, event)
                written.append(seq)
        return tuple(written)

    def purge(self, id: str, *, by: str | None = None, reason: str = "") -> int:
        """Erase a request's personal data (name, identifier, subject); keep its statistics.

        The one allowed change to recorded data: the applicant row's ``name`` and
        ``identifier`` and the request's ``subject`` are set to NULL and ``purged_at`` is set;
        the kind, the dates and every event stay.  The purge itself is recorded as a
        ``Purged`` event.  Returns its sequence number.
        """
        who, when = _user(by), _now()
        with connect(self.engine, write=True) as conn:
            self._received(conn, id)
            applicant_id = conn.execute(
                sa.select(requests.c.applicant_id).where(requests.c.id == id)
            ).scalar_one()
            conn.execute(
                applicants.update()
                .where(applicants.c.id == applicant_id)
                .values(name=None, identifier=None, purged_at=when)
            )
            conn.execute(requests.update().where(requests.c.id == id).values(subject=None))
            detail = json.dumps({"reason": reason} if reason else {}, ensure_ascii=False)
            return _insert_event(
                conn, id, "Purged", when.date(), detail, spec=None, supersedes=None, by=who, at=when
            )

    def import_ledger(
        self,
        ledger: Ledger | str | Path,
        *,
        by: str | None = None,
        before_commit: Callable[[], None] | None = None,
    ) -> int:
        """Add every request of a ledger (or ledger file), or none: one transaction.

        A ledger's ``closed``/``outcome`` become a ``Replied`` event unless its events already
        close the request.  Every bad row is listed in one
        [`InvalidRecordsError`][zwgk.errors.InvalidRecordsError] (ids already in the register, event
        sequences the clock refuses); applicants' names never appear in it.
        ``before_commit`` is called after every row is written and before the commit (tests
        kill the process there).

        Returns:
            The number of requests added.
        """
        if not isinstance(ledger, Ledger):
            from zwgk.requests.io import read_ledger

            source = str(ledger)
            try:
                ledger = read_ledger(ledger)
            except InvalidRecordsError as exc:
                raise InvalidRecordsError(exc.source, [_masked(p) for p in exc.problems]) from None
        else:
            source = gettext("ledger")
        prepared: list[tuple[DisclosureRequest, list[Event]]] = []
        problems: list[tuple[int, Problem]] = []
        for index, r in enumerate(ledger):
            evs = list(r.events)
            if r.closed is not None and not any(type(e).__name__ in _CLOSING for e in evs):
                evs.append(deadlines.Replied(r.closed, outcome=r.outcome))
            try:
                reply_deadline(r.received, evs)
            except ZwgkError as exc:
                problems.append((index, Problem(_request_at(index), str(exc), "events", r.id)))
                continue
            prepared.append((r, evs))
        who, when = _user(by), _now()
        with connect(self.engine, write=True) as conn:
            ids = [r.id for r in ledger]
            existing: set[str] = set()
            for chunk in _chunks(ids, _BATCH):
                existing.update(
                    conn.execute(sa.select(requests.c.id).where(requests.c.id.in_(chunk))).scalars()
                )
            problems.extend(
                (i, Problem(_request_at(i), gettext("already in the register"), "id", rid))
                for i, rid in enumerate(ids)
                if rid in existing
            )
            if problems:
                problems.sort(key=lambda found: found[0])
                raise InvalidRecordsError(source, [problem for _, problem in problems])
            _bulk_insert(conn, prepared, who, when)
            if before_commit is not None:
                before_commit()
        return len(prepared)

    # ------------------------------------------------------------------ reading

    def count(self) -> int:
        """How many requests the register holds."""
        with connect(self.engine, write=False) as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(requests)).scalar_one())

    def request(self, id: str, *, show_names: bool = False) -> RequestRecord:
        """The request's recorded fields; personal ones are ``None`` unless ``show_names``."""
        with connect(self.engine, write=False) as conn:
            row = conn.execute(
                sa.select(
                    requests,
                    applicants.c.kind,
                    applicants.c.name,
                    applicants.c.identifier,
                    applicants.c.purged_at,
                )
                .join(applicants, applicants.c.id == requests.c.applicant_id)
                .where(requests.c.id == id)
            ).first()
            if row is None:
                raise RegisterRecordError("request", id, gettext("not in the register"))
        m = row._mapping
        return RequestRecord(
            id=m["id"],
            applicant_kind=ApplicantKind.parse(m["kind"]),
            channel=Channel.parse(m["channel"]),
            received=_as_date(m["received"]),
            applicant=m["name"] if show_names else None,
            identifier=m["identifier"] if show_names else None,
            subject=m["subject"] if show_names else None,
            pages=m["pages"],
            purged=m["purged_at"] is not None,
            recorded_by=m["recorded_by"],
            recorded_at=m["recorded_at"],
        )

    def history(self, id: str) -> tuple[HistoryEntry, ...]:
        """Every row of the request's legal record, in the order written."""
        with connect(self.engine, write=False) as conn:
            self._received(conn, id)
            return _history(conn, id)

    def deadline(self, id: str) -> Deadline:
        """The reply deadline computed now from the request's effective events."""
        with connect(self.engine, write=False) as conn:
            received = self._received(conn, id)
            history = _history(conn, id)
        return reply_deadline(received, [_event_of(h.kind, h.on, h.detail) for h in history if h.effective])

    def due(self, as_of: dt.date, *, within: int | None = None) -> tuple[DueItem, ...]:
        """Open requests at the end of ``as_of``, soonest due first (overdue ones first of all).

        A request is open if it was received on or before ``as_of`` and no effective reply
        or withdrawal is dated on or before it (a reply dated later leaves it open).  Each
        item is what ``reply_deadline(received, effective events).status(as_of)`` says:
        events dated after ``as_of`` are ignored.  One set-based query returns the open
        requests with their effective events pivoted into the vector clock's columns
        ([`zwgk.deadlines.reply_due_array`][]); requests with events it does not take
        (corrections, fees, a reasonable delay, another agency consulted, repeated events)
        run the scalar clock each.  ``within``: keep those due within that many working days
        (and the late).
        """
        np = import_extra("numpy", "db", gettext("the register's due list"))
        cal = default_calendar()
        with connect(self.engine, write=False) as conn:
            rows = conn.execute(_due_query(as_of)).all()
            vector: list[sa.Row[Any]] = []
            scalar: list[sa.Row[Any]] = []
            for r in rows:
                (vector if _vector_row(r) else scalar).append(r)
            items, scalar = _vector_items(np, cal, vector, as_of, scalar)
            histories = _histories(conn, [r.id for r in scalar])
        for r in scalar:
            received = _as_date(r.received)
            evs = [_event_of(h.kind, h.on, h.detail) for h in histories.get(r.id, ()) if h.effective]
            status = reply_deadline(received, evs).status(as_of)
            items.append(
                DueItem(
                    r.id,
                    received,
                    status.due,
                    status.state.value,
                    status.working_days_remaining,
                    status.overdue,
                )
            )
        if within is not None:
            items = [i for i in items if i.working_days_left is not None and i.working_days_left <= within]
        far = dt.date.max
        items.sort(key=lambda i: (i.due or far, i.id))
        return tuple(items)

    def table3(self, year: int, *, format: str | ReportFormat | None = None) -> Table3:
        """Table 3 of the report on ``year``, counted in SQL (same rules as ``table3_from_ledger``).

        A request's closing is its effective ``Replied`` or ``Withdrawn`` event; a withdrawal
        without a recorded outcome counts as 其他处理/其他.

        Raises:
            InvalidRecordsError: replies closed in ``year`` without an outcome (listed by id).
        """
        fmt = format_for_year(year) if format is None else get_format(format)
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        closing = _effective_closings().subquery()
        new = sa.case((requests.c.received >= first, 1), else_=0).label("new")
        closed_in = sa.case((closing.c.on <= last, 1), else_=0).label("closed_in")
        query = (
            sa.select(
                applicants.c.kind,
                new,
                closed_in,
                closing.c.outcome,
                closing.c.kind.label("ck"),
                sa.func.count().label("n"),
            )
            .select_from(requests)
            .join(applicants, applicants.c.id == requests.c.applicant_id)
            .outerjoin(closing, closing.c.request_id == requests.c.id)
            .where(requests.c.received <= last, sa.or_(closing.c.on.is_(None), closing.c.on >= first))
            .group_by(applicants.c.kind, new, closed_in, closing.c.outcome, closing.c.kind)
        )
        with connect(self.engine, write=False) as conn:
            groups = conn.execute(query).all()
            missing = [g for g in groups if g.closed_in and g.outcome is None and g.ck == "Replied"]
            if missing:
                ids = (
                    conn.execute(
                        sa.select(closing.c.request_id).where(
                            closing.c.outcome.is_(None),
                            closing.c.kind == "Replied",
                            closing.c.on.between(first, last),
                        )
                    )
                    .scalars()
                    .all()
                )
                raise InvalidRecordsError(
                    gettext("register"),
                    [
                        Problem(
                            msg("request {id}", id=repr(rid)).render(),
                            gettext("replied without an outcome"),
                            "outcome",
                            None,
                            gettext(
                                "a table-3 row; record it with 'zwgk register event ID reply:DATE=OUTCOME "
                                "--supersedes SEQ'"
                            ),
                        )
                        for rid in ids
                    ],
                )
        kinds = {k.value: i for i, k in enumerate(ApplicantKind)}
        row_of = fmt.outcome_rows()
        counts_new, counts_carried, counts_forward = [0] * 6, [0] * 6, [0] * 6
        outcomes = [[0] * 6 for _ in fmt.table3_rows]
        unmapped: list[Problem] = []
        for g in groups:
            k = kinds[g.kind]
            (counts_new if g.new else counts_carried)[k] += g.n
            if g.closed_in:
                read = Outcome.OTHER if g.outcome is None else parse_reply_outcome(g.outcome)
                row = read.row if isinstance(read, ReplyNotice) else read
                if row is None:
                    unmapped.append(
                        Problem(
                            msg_n(
                                "{n} request closed in {year}",
                                "{n} requests closed in {year}",
                                "n",
                                n=g.n,
                                year=str(year),
                            ).render(),
                            gettext(
                                "a 2008 notice that names no row of table 3; record the row itself "
                                "(e.g. 不予公开/属于国家秘密)"
                            ),
                            "outcome",
                            g.outcome,
                        )
                    )
                    continue
                outcomes[row_of[row]][k] += g.n
            else:
                counts_forward[k] += g.n
        if unmapped:
            raise InvalidRecordsError(
                msg("register (table 3 of {citation})", citation=fmt.citation).render(), unmapped
            )
        return table3_from_counts(fmt, counts_new, counts_carried, outcomes, counts_forward)

    def ledger(self, *, mask: bool = False) -> Ledger:
        """The register as a [`Ledger`][zwgk.requests.Ledger] (effective events; ``mask``: names as ``***``).

        A purged applicant's name reads ``***`` whatever ``mask`` says.
        """
        with connect(self.engine, write=False) as conn:
            rows = conn.execute(
                sa.select(
                    requests.c.id,
                    requests.c.received,
                    requests.c.channel,
                    requests.c.pages,
                    applicants.c.kind,
                    applicants.c.name,
                )
                .join(applicants, applicants.c.id == requests.c.applicant_id)
                .order_by(requests.c.received, requests.c.id)
            ).all()
            histories = _histories(conn, [r.id for r in rows])
            outcomes: dict[int, str | None] = {
                int(seq): outcome
                for seq, outcome in conn.execute(sa.select(replies.c.event_seq, replies.c.outcome))
            }
        out = []
        for r in rows:
            history = histories.get(r.id, ())
            evs = [h for h in history if h.effective]
            close = next((h for h in evs if h.kind in _CLOSING), None)
            outcome = None
            if close is not None:
                outcome = outcomes.get(close.seq) or Outcome.OTHER.value
            name = MASK if mask or not r.name else r.name
            out.append(
                DisclosureRequest(
                    id=r.id,
                    applicant=name,
                    applicant_kind=r.kind,
                    received=_as_date(r.received),
                    channel=r.channel,
                    outcome=outcome,
                    closed=None if close is None else close.on,
                    events=[_event_of(h.kind, h.on, h.detail) for h in evs],
                    pages=r.pages,
                )
            )
        return Ledger(tuple(out))

    def export(self, path: str | Path, *, mask: bool = False) -> int:
        """Write the register as a ledger file (``.csv``, ``.xlsx``, ``.json``) ``read_ledger`` reads.

        Text cells are neutralised (no cell can run as a formula); ``mask`` writes ``***`` for
        every applicant's name.  Returns the number of requests written.
        """
        p = Path(path)
        suffix = p.suffix.lower()
        if suffix not in (".csv", ".xlsx", ".json"):
            raise InvalidInputError("path", str(p), gettext("a .csv, .json or .xlsx file"))
        ledger = self.ledger(mask=mask)
        rows = ledger_to_rows(ledger)
        if suffix == ".json":
            p.write_text(
                json.dumps({"requests": rows}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
            return len(rows)
        table = [
            [
                row[c] if c != "events" else (json.dumps(row[c], ensure_ascii=False) if row[c] else None)
                for c in LEDGER_COLUMNS
            ]
            for row in rows
        ]
        if suffix == ".csv":
            buffer = io.StringIO()
            writer = csv.writer(buffer, lineterminator="\n")
            writer.writerow(LEDGER_COLUMNS)
            for values in table:
                writer.writerow(neutralise_row("" if v is None else v for v in values))
            p.write_text(buffer.getvalue(), encoding="utf-8")
        else:
            openpyxl = import_extra("openpyxl", "xlsx", gettext("exporting the register as .xlsx"))
            book = openpyxl.Workbook()
            ws = book.active
            for c, name in enumerate(LEDGER_COLUMNS, start=1):
                write_xlsx_cell(ws, 1, c, name)
            for r, values in enumerate(table, start=2):
                for c, value in enumerate(values, start=1):
                    write_xlsx_cell(ws, r, c, value)
            book.save(p)
        return len(rows)

    # ------------------------------------------------------------------ helpers

    @staticmethod
    def _received(conn: sa.Connection, id: str) -> dt.date:
        value = conn.execute(sa.select(requests.c.received).where(requests.c.id == id)).scalar()
        if value is None:
            raise RegisterRecordError("request", id, gettext("not in the register"))
        return _as_date(value)


def _request_at(index: int) -> str:
    """Where a ledger row's problem is: ``request 3`` (1-based)."""
    return msg("request {n}", n=index + 1).render()


def _masked(problem: Problem) -> Problem:
    if problem.field == "applicant":
        return attrs.evolve(problem, value=MASK)
    return problem


def _receipt(
    received: dt.date | None,
    channel: str | Channel | None,
    submitted: dt.date | None,
    signed: dt.date | None,
    confirmed: dt.date | None,
) -> tuple[dt.date, Channel]:
    if channel is None:
        if received is None:
            raise InvalidInputError(
                "received",
                None,
                gettext("a receipt date, or a channel with its submitted/signed/confirmed date"),
            )
        return received, Channel.OTHER
    chan = Channel.parse(channel)
    dates = {"submitted": submitted, "signed": signed, "confirmed": confirmed}
    if dates[chan.receipt_field] is None and received is not None:
        dates[chan.receipt_field] = received
    return receipt_date(chan, **dates).date, chan


def _chunks(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _insert_event(
    conn: sa.Connection,
    request_id: str,
    kind: str,
    on: dt.date,
    detail: str,
    *,
    spec: str | None,
    supersedes: int | None,
    by: str,
    at: dt.datetime,
) -> int:
    seq = conn.execute(
        events.insert()
        .values(
            request_id=request_id,
            kind=kind,
            on=on,
            detail=detail,
            spec=spec,
            supersedes=supersedes,
            recorded_by=by,
            recorded_at=at,
        )
        .returning(events.c.seq)
    ).scalar_one()
    return int(seq)


def _side_rows(
    request_id: str, seq: int, event: Event
) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    reply = fee = None
    if isinstance(event, deadlines.Replied | deadlines.Withdrawn):
        outcome = getattr(event, "outcome", None)
        reply = {
            "event_seq": seq,
            "request_id": request_id,
            "on": event.on,
            "outcome": None if outcome is None else parse_reply_outcome(outcome).value,
        }
    elif isinstance(event, deadlines.FeeNoticeIssued | deadlines.FeePaid):
        fee = {
            "event_seq": seq,
            "request_id": request_id,
            "on": event.on,
            "paid": isinstance(event, deadlines.FeePaid),
            "amount": getattr(event, "amount", None),
        }
    return reply, fee


def _insert_side_rows(conn: sa.Connection, request_id: str, seq: int, event: Event) -> None:
    reply, fee = _side_rows(request_id, seq, event)
    if reply is not None:
        conn.execute(replies.insert().values(**reply))
    if fee is not None:
        conn.execute(fees.insert().values(**fee))


def _bulk_insert(
    conn: sa.Connection, prepared: list[tuple[DisclosureRequest, list[Event]]], by: str, at: dt.datetime
) -> None:
    if not prepared:
        return
    applicant_ids = (
        conn.execute(
            applicants.insert().returning(applicants.c.id, sort_by_parameter_order=True),
            [{"kind": r.applicant_kind.value, "name": r.applicant, "identifier": None} for r, _ in prepared],
        )
        .scalars()
        .all()
    )
    conn.execute(
        requests.insert(),
        [
            {
                "id": r.id,
                "applicant_id": a,
                "channel": r.channel.value,
                "received": r.received,
                "submitted": None,
                "signed": None,
                "confirmed": None,
                "subject": None,
                "pages": r.pages,
                "recorded_by": by,
                "recorded_at": at,
            }
            for (r, _), a in zip(prepared, applicant_ids, strict=True)
        ],
    )
    flat = [(r, e) for r, evs in prepared for e in evs]
    if not flat:
        return
    rows = []
    for r, e in flat:
        kind, on, detail = _event_row(e)
        rows.append(
            {
                "request_id": r.id,
                "kind": kind,
                "on": on,
                "detail": detail,
                "spec": None,
                "supersedes": None,
                "recorded_by": by,
                "recorded_at": at,
            }
        )
    seqs = (
        conn.execute(events.insert().returning(events.c.seq, sort_by_parameter_order=True), rows)
        .scalars()
        .all()
    )
    reply_rows, fee_rows = [], []
    for (r, e), seq in zip(flat, seqs, strict=True):
        reply, fee = _side_rows(r.id, seq, e)
        if reply is not None:
            reply_rows.append(reply)
        if fee is not None:
            fee_rows.append(fee)
    if reply_rows:
        conn.execute(replies.insert(), reply_rows)
    if fee_rows:
        conn.execute(fees.insert(), fee_rows)


def _superseded() -> sa.Select[tuple[int | None]]:
    return sa.select(events.c.supersedes).where(events.c.supersedes.is_not(None))


def _effective_closings() -> sa.Select[Any]:
    """Each request's effective reply or withdrawal (at most one: the clock refuses more)."""
    sup = events.alias("sup")
    return (
        sa.select(replies.c.request_id, replies.c.on, replies.c.outcome, events.c.kind)
        .join(events, events.c.seq == replies.c.event_seq)
        .where(~sa.exists().where(sup.c.supersedes == replies.c.event_seq))
    )


def _exists(*where: sa.ColumnElement[bool]) -> sa.Exists:
    """``EXISTS (SELECT 1 …)``: SQLite reads a covering index for it, not for ``SELECT *``."""
    return sa.select(sa.literal(1)).where(*where).exists()


def _open_query(as_of: dt.date) -> sa.CTE:
    """``(id, received)`` of the requests open at the end of ``as_of``.

    Two disjoint parts: the requests with no reply row dated by ``as_of`` at all (one
    covering-index probe of ``replies`` each, no supersession check: most requests), and
    the few whose every reply row by ``as_of`` was superseded, found from the
    ``Superseded`` rows.
    """
    rp = replies.alias("rp")
    sup = events.alias("sup")
    received = sa.type_coerce(requests.c.received, sa.String).label("received")
    never_closed = (
        sa.select(requests.c.id, received)
        .where(requests.c.received <= as_of)
        .where(~_exists(rp.c.request_id == requests.c.id, rp.c.on <= as_of))
    )
    voided = sa.select(rp.c.request_id).join(sup, sup.c.supersedes == rp.c.event_seq).where(rp.c.on <= as_of)
    reopened = (
        sa.select(requests.c.id, received)
        .where(requests.c.id.in_(voided), requests.c.received <= as_of)
        .where(
            ~_exists(
                rp.c.request_id == requests.c.id,
                rp.c.on <= as_of,
                rp.c.event_seq.not_in(_superseded()),
            )
        )
    )
    return sa.union_all(never_closed, reopened).cte("open_requests")


_THIRD_PARTY = frozenset({"{}", _event_row(deadlines.ConsultationStarted(dt.date(2020, 1, 1)))[2]})
"""The details of a consultation of a third party (the only party the vector clock takes)."""


def _due_query(as_of: dt.date) -> sa.Select[Any]:
    """The open requests, each with its effective clock events by ``as_of`` pivoted into columns.

    ``n`` counts the effective events by ``as_of``; ``n_cs``/``n_ce``/``n_x`` those of the
    vector clock's kinds, with their dates (``cs``, ``ce``, ``x``) and details (``cs_detail``,
    ``x_detail``).  A request with ``n`` above ``n_cs + n_ce + n_x`` runs the scalar clock.
    """
    open_ = _open_query(as_of)
    ev = events.alias("ev")
    on = sa.type_coerce(ev.c.on, sa.String)

    def of(kind: str, value: Any) -> Any:
        return sa.case((ev.c.kind == kind, value))

    def count(kind: str) -> Any:
        return sa.func.count(of(kind, ev.c.seq))

    return (
        sa.select(
            open_.c.id,
            open_.c.received,
            sa.func.count(ev.c.seq).label("n"),
            count("ConsultationStarted").label("n_cs"),
            sa.func.max(of("ConsultationStarted", on)).label("cs"),
            sa.func.max(of("ConsultationStarted", ev.c.detail)).label("cs_detail"),
            count("ConsultationEnded").label("n_ce"),
            sa.func.max(of("ConsultationEnded", on)).label("ce"),
            count("ExtensionGranted").label("n_x"),
            sa.func.max(of("ExtensionGranted", on)).label("x"),
            sa.func.max(of("ExtensionGranted", ev.c.detail)).label("x_detail"),
        )
        .select_from(
            open_.outerjoin(
                ev,
                sa.and_(
                    ev.c.request_id == open_.c.id,
                    ev.c.on <= as_of,
                    ev.c.kind.in_(CLOCK_KINDS),
                    ev.c.seq.not_in(_superseded()),
                ),
            )
        )
        .group_by(open_.c.id, open_.c.received)
    )


def _vector_row(row: Any) -> bool:
    """Whether the vector clock takes this row of `_due_query` as it stands."""
    if row.n == 0:
        return True
    return bool(
        row.n == row.n_cs + row.n_ce + row.n_x
        and row.n_cs == row.n_ce <= 1
        and row.n_x <= 1
        and (row.n_cs == 0 or _third_party(row.cs_detail))
    )


def _third_party(detail: str) -> bool:
    """Whether a ``ConsultationStarted`` row's detail names a third party (the default)."""
    if detail in _THIRD_PARTY:
        return True
    event = _event_of("ConsultationStarted", dt.date(2020, 1, 1), detail)
    return isinstance(event, deadlines.ConsultationStarted) and (
        event.party is deadlines.ConsultationParty.THIRD_PARTY
    )


def _vector_items(
    np: Any, cal: ChinaCalendar, rows: Sequence[Any], as_of: dt.date, scalar: list[Any]
) -> tuple[list[DueItem], list[Any]]:
    """Due items of the rows the vector clock takes, and ``scalar`` with the rows it answers
    other than running with a due date (the scalar clock inside it took them) added."""
    if not rows:
        return [], scalar

    def column(values: Iterable[object]) -> Any:
        return np.array(["NaT" if v is None else str(v) for v in values], dtype="datetime64[D]")

    extension = np.array(
        [np.nan if r.x_detail is None else json.loads(r.x_detail)["working_days"] for r in rows],
        dtype=np.float64,
    )
    received = column(r.received for r in rows)
    result = deadlines.reply_due_array(
        received,
        {
            "consultation_started": column(r.cs for r in rows),
            "consultation_ended": column(r.ce for r in rows),
            "extension_on": column(r.x for r in rows),
            "extension_days": extension,
        },
        calendar=cal,
    )
    due = result["due"]
    running = (result["state"] == ClockState.RUNNING.value) & ~np.isnat(due)
    left = np.zeros(len(rows), dtype=np.int64)
    if running.any():
        left[running] = cal.working_days_between_array(np.datetime64(as_of, "D"), due[running])
    items = []
    state = ClockState.RUNNING.value
    for r, ok, day, d, n in zip(
        rows,
        running.tolist(),
        received.astype(dt.date).tolist(),
        due.astype(dt.date).tolist(),
        left.tolist(),
        strict=True,
    ):
        if ok:
            items.append(DueItem(r.id, day, d, state, n, n < 0))
        else:
            scalar.append(r)
    return items, scalar


def _history(conn: sa.Connection, id: str) -> tuple[HistoryEntry, ...]:
    return _histories(conn, [id]).get(id, ())


def _histories(conn: sa.Connection, ids: Iterable[str]) -> dict[str, tuple[HistoryEntry, ...]]:
    out: dict[str, list[HistoryEntry]] = {}
    for chunk in _chunks(list(ids), _BATCH):
        rows = conn.execute(
            sa.select(events).where(events.c.request_id.in_(chunk)).order_by(events.c.seq)
        ).all()
        voided = {r.supersedes: r.seq for r in rows if r.supersedes is not None}
        for r in rows:
            out.setdefault(r.request_id, []).append(
                HistoryEntry(
                    r.seq,
                    r.kind,
                    _as_date(r.on),
                    r.detail,
                    r.spec,
                    r.supersedes,
                    voided.get(r.seq),
                    r.recorded_by,
                    r.recorded_at,
                )
            )
    return {k: tuple(v) for k, v in out.items()}
