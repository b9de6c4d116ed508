"""The register's tables (SQLAlchemy Core), as the latest migration leaves them.

- ``applicants``: who asked — ``kind`` (the table-3 column), and the personal fields
  ``name`` and ``identifier`` (证件号码 or 统一社会信用代码), ``purged_at`` once they were erased;
  one row per request, so purging one request's applicant touches nothing else;
- ``requests``: the request — id, channel and the channel's dates (第三十一条), the receipt
  day, subject (personal: erased with the applicant), page count, who recorded it and when;
- ``events``: the append-only legal record — one row per clock event (``ConsultationStarted`` …),
  per supersession (``Superseded``: ``supersedes`` names the row it voids) and per purge
  (``Purged``); never updated or deleted;
- ``replies``: the closing of a request (a ``Replied`` or ``Withdrawn`` event row) with the
  outcome row of table 3; append-only;
- ``fees``: fee notices and payments (``FeeNoticeIssued`` / ``FeePaid`` event rows) with the
  amount; append-only.

Due dates, states and violations are never stored: the clock computes them from the
effective events (those no ``Superseded`` row names).
"""

from __future__ import annotations

import sqlalchemy as sa

__all__ = ["APPEND_ONLY", "CLOCK_KINDS", "applicants", "events", "fees", "metadata", "replies", "requests"]

metadata = sa.MetaData()

applicants = sa.Table(
    "applicants",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("name", sa.Text, nullable=True),
    sa.Column("identifier", sa.Text, nullable=True),
    sa.Column("purged_at", sa.DateTime(timezone=True), nullable=True),
)

requests = sa.Table(
    "requests",
    metadata,
    sa.Column("id", sa.String(200), primary_key=True),
    sa.Column("applicant_id", sa.Integer, sa.ForeignKey("applicants.id"), nullable=False, unique=True),
    sa.Column("channel", sa.String(40), nullable=False),
    sa.Column("received", sa.Date, nullable=False),
    sa.Column("submitted", sa.Date, nullable=True),
    sa.Column("signed", sa.Date, nullable=True),
    sa.Column("confirmed", sa.Date, nullable=True),
    sa.Column("subject", sa.Text, nullable=True),
    sa.Column("pages", sa.Integer, nullable=True),
    sa.Column("recorded_by", sa.Text, nullable=False),
    sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("request_id", sa.String(200), sa.ForeignKey("requests.id"), nullable=False),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("on", sa.Date, nullable=False),
    sa.Column("detail", sa.Text, nullable=False, server_default="{}"),
    sa.Column("spec", sa.Text, nullable=True),
    sa.Column("supersedes", sa.Integer, sa.ForeignKey("events.seq"), nullable=True, unique=True),
    sa.Column("recorded_by", sa.Text, nullable=False),
    sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_events_request", "request_id", "on", "kind"),
)

replies = sa.Table(
    "replies",
    metadata,
    sa.Column("event_seq", sa.Integer, sa.ForeignKey("events.seq"), primary_key=True),
    sa.Column("request_id", sa.String(200), sa.ForeignKey("requests.id"), nullable=False),
    sa.Column("on", sa.Date, nullable=False),
    sa.Column("outcome", sa.String(80), nullable=True),
    sa.Index("ix_replies_request", "request_id", "on"),
)

fees = sa.Table(
    "fees",
    metadata,
    sa.Column("event_seq", sa.Integer, sa.ForeignKey("events.seq"), primary_key=True),
    sa.Column("request_id", sa.String(200), sa.ForeignKey("requests.id"), nullable=False),
    sa.Column("on", sa.Date, nullable=False),
    sa.Column("paid", sa.Boolean, nullable=False),
    sa.Column("amount", sa.Numeric(12, 2), nullable=True),
)

CLOCK_KINDS = (
    "CorrectionRequested",
    "CorrectionReceived",
    "ConsultationStarted",
    "ConsultationEnded",
    "FeeNoticeIssued",
    "FeePaid",
    "ExtensionGranted",
    "ReasonableDelaySet",
    "Replied",
    "Withdrawn",
)
"""Event rows that are events of the request clock (the others: ``Superseded``, ``Purged``)."""

APPEND_ONLY = ("events", "replies", "fees")
"""Tables whose rows are never updated or deleted (triggers enforce it from revision 0002)."""
