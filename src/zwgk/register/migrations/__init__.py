"""Alembic migrations of the request register, run in code by :mod:`zwgk.register._schema`."""
