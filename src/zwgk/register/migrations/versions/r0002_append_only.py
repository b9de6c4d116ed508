"""Append-only triggers on events, replies and fees; indexes for the due list and table 3.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_TABLES = ("events", "replies", "fees")


def upgrade() -> None:
    """Refuse UPDATE and DELETE on the legal record, in the database itself."""
    op.create_index("ix_events_request", "events", ["request_id", "on", "kind"])
    op.create_index("ix_replies_request", "replies", ["request_id", "on"])
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for table in _TABLES:
            for action in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, 'zwgk register: {table} are append-only'); END"
                )
    elif dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION zwgk_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN RAISE EXCEPTION 'zwgk register: % are append-only', TG_TABLE_NAME; END $$"
        )
        for table in _TABLES:
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION zwgk_append_only()"
            )


def downgrade() -> None:
    """Drop the triggers and indexes."""
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for table in _TABLES:
            for action in ("update", "delete"):
                op.execute(f"DROP TRIGGER {table}_no_{action}")
    elif dialect == "postgresql":
        for table in _TABLES:
            op.execute(f"DROP TRIGGER {table}_append_only ON {table}")
        op.execute("DROP FUNCTION zwgk_append_only()")
    op.drop_index("ix_replies_request", "replies")
    op.drop_index("ix_events_request", "events")
