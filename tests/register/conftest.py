"""Registers to test on: an SQLite file always, PostgreSQL when ``ZWGK_TEST_POSTGRES_URL`` is set.

PostgreSQL tests carry the ``postgres`` marker; without a URL they are skipped, except on CI
(``CI`` set), where a missing server is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("sqlalchemy")
pytest.importorskip("alembic")

POSTGRES_URL = os.environ.get("ZWGK_TEST_POSTGRES_URL", "")


def _clean_postgres(url: str) -> None:
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA IF EXISTS public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()


def postgres_url() -> str:
    """The test server's URL, wiped clean; skip (fail on CI) without one."""
    if not POSTGRES_URL:
        if os.environ.get("CI"):
            pytest.fail("CI must test PostgreSQL: set ZWGK_TEST_POSTGRES_URL (.ci/run starts a server)")
        pytest.skip("no PostgreSQL server: set ZWGK_TEST_POSTGRES_URL")
    pytest.importorskip("psycopg")
    _clean_postgres(POSTGRES_URL)
    return POSTGRES_URL


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL with no register yet, on each database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'register.db'}"
    else:
        yield postgres_url()
