"""Alembic migrations of the request register, run in code by `zwgk.register._schema`."""
