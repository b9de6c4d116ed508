"""The register's tables: applicants, requests, events, replies, fees.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the five tables."""
    op.create_table(
        "applicants",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("name", sa.Text, nullable=True),
        sa.Column("identifier", sa.Text, nullable=True),
        sa.Column("purged_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_table(
        "requests",
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
    op.create_table(
        "events",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("request_id", sa.String(200), sa.ForeignKey("requests.id"), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("on", sa.Date, nullable=False),
        sa.Column("detail", sa.Text, nullable=False, server_default="{}"),
        sa.Column("spec", sa.Text, nullable=True),
        sa.Column("supersedes", sa.Integer, sa.ForeignKey("events.seq"), nullable=True, unique=True),
        sa.Column("recorded_by", sa.Text, nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "replies",
        sa.Column("event_seq", sa.Integer, sa.ForeignKey("events.seq"), primary_key=True),
        sa.Column("request_id", sa.String(200), sa.ForeignKey("requests.id"), nullable=False),
        sa.Column("on", sa.Date, nullable=False),
        sa.Column("outcome", sa.String(80), nullable=True),
    )
    op.create_table(
        "fees",
        sa.Column("event_seq", sa.Integer, sa.ForeignKey("events.seq"), primary_key=True),
        sa.Column("request_id", sa.String(200), sa.ForeignKey("requests.id"), nullable=False),
        sa.Column("on", sa.Date, nullable=False),
        sa.Column("paid", sa.Boolean, nullable=False),
        sa.Column("amount", sa.Numeric(12, 2), nullable=True),
    )


def downgrade() -> None:
    """Drop the five tables."""
    for table in ("fees", "replies", "events", "requests", "applicants"):
        op.drop_table(table)
