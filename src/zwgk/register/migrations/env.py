"""Alembic environment: always run on the connection zwgk hands over (no alembic.ini).

zwgk builds the ``Config`` in code (`zwgk.register._schema.alembic_config`) and puts
the open connection in ``config.attributes["connection"]``, so a migration is part of the
command's one transaction.
"""

from __future__ import annotations

from alembic import context

from zwgk.register._tables import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
