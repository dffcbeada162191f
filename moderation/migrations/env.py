"""Alembic environment: the URL comes from the caller (`moderation db upgrade`), never from an ini file."""

from alembic import context
from sqlmodel import SQLModel

import moderation.models  # noqa: F401  (registers the tables on SQLModel.metadata)
from moderation.db import make_engine

config = context.config
target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    connectable = config.attributes.get("connection")
    if connectable is not None:
        _run(connectable)
        return
    engine = make_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as connection:
        _run(connection)
    engine.dispose()


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported; run `moderation db upgrade`")
run_migrations_online()
