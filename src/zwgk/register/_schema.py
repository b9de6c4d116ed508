"""Opening a register: the database URL, SQLite's settings, and the schema revision.

The schema is migrated only by `init_register` (``zwgk register init [--upgrade]``),
with Alembic run in code on the command's own connection; every other operation checks
the revision first and refuses an older (or newer) register with
[`RegisterVersionError`][zwgk.errors.RegisterVersionError].
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from zwgk.errors import RegisterVersionError

__all__ = [
    "DEFAULT_FILE",
    "ENV_VAR",
    "alembic_config",
    "connect",
    "head_revision",
    "init_register",
    "register_url",
    "schema_revision",
]

DEFAULT_FILE = "zwgk-register.db"
"""The SQLite file used when neither ``--db`` nor ``ZWGK_DB`` names a database."""

ENV_VAR = "ZWGK_DB"
BUSY_TIMEOUT_MS = 30_000  # writers wait for each other this long before giving up


def register_url(url: str | None = None) -> str:
    """The database URL: ``url``, else ``$ZWGK_DB``, else ``sqlite:///zwgk-register.db`` here.

    A plain path (no ``://``) is taken as an SQLite file.
    """
    chosen = url or os.environ.get(ENV_VAR) or DEFAULT_FILE
    if "://" not in chosen:
        chosen = f"sqlite:///{Path(chosen)}"
    return chosen


def _sqlite_settings(dbapi_connection: Any, connection_record: Any) -> None:
    # The driver's own transaction handling is turned off; zwgk emits BEGIN itself.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _sqlite_begin(conn: sa.Connection) -> None:
    # A writing command takes the write lock at BEGIN, so concurrent writers queue on the
    # busy timeout instead of failing when a read lock cannot be upgraded.
    write = conn.get_execution_options().get("zwgk_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def make_engine(url: str) -> sa.Engine:
    """An engine for ``url``; SQLite gets WAL, a busy timeout and foreign keys ON."""
    engine = sa.create_engine(url)
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_settings)
        sa.event.listen(engine, "begin", _sqlite_begin)
    return engine


def alembic_config(connection: sa.Connection | None = None) -> Config:
    """The Alembic configuration of the shipped migrations, built in code (no alembic.ini)."""
    config = Config()
    config.set_main_option("script_location", str(files("zwgk.register") / "migrations"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The schema revision this zwgk writes."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None  # the package ships at least one revision
    return head


def schema_revision(connection: sa.Connection) -> str | None:
    """The register's revision (``None``: no register tables there)."""
    return MigrationContext.configure(connection).get_current_revision()


def _where(engine: sa.Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


def _check(connection: sa.Connection, engine: sa.Engine) -> None:
    found, head = schema_revision(connection), head_revision()
    if found != head:
        known = {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
        raise RegisterVersionError(
            _where(engine), found, head, newer=found is not None and found not in known
        )


@contextmanager
def connect(engine: sa.Engine, *, write: bool) -> Iterator[sa.Connection]:
    """One transaction on a register at the current revision (committed on success)."""
    with engine.connect() as raw:
        conn = raw.execution_options(zwgk_write=write)
        with conn.begin():
            _check(conn, engine)
            yield conn


def init_register(
    engine: sa.Engine, *, upgrade: bool = False, revision: str = "head"
) -> tuple[str | None, str]:
    """Create a register, or migrate an older one when ``upgrade`` is true (one transaction).

    ``revision`` is for tests and tooling that need an older schema.

    Returns:
        ``(revision before, revision after)``; equal when there was nothing to do.

    Raises:
        RegisterVersionError: an older register and ``upgrade`` false, or a newer register.
    """
    with engine.connect() as raw:
        conn = raw.execution_options(zwgk_write=True)
        with conn.begin():
            before = schema_revision(conn)
            target = head_revision() if revision == "head" else revision
            if before is not None and before != target:
                known = {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
                if before not in known:
                    raise RegisterVersionError(_where(engine), before, target, newer=True)
                if not upgrade:
                    raise RegisterVersionError(_where(engine), before, target)
            if before != target:
                command.upgrade(alembic_config(conn), target)
            return before, target
