"""The schema on both databases: migrations match the models, and submitted content cannot be changed."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlmodel import SQLModel

from moderation import migrate, services
from moderation.db import SessionFactory, make_engine
from moderation.settings import Settings

pytestmark = pytest.mark.integration


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'schema.sqlite3'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def migrated(database_url):
    url = Settings.model_validate({"database_url": database_url}).sqlalchemy_url
    migrate.upgrade(url)
    sessions = SessionFactory(make_engine(url))
    yield sessions
    sessions.engine.dispose()


def test_migrations_build_exactly_the_models_schema(migrated):
    with migrated.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    assert differences == []


def test_upgrade_is_idempotent(migrated, database_url):
    url = Settings.model_validate({"database_url": database_url}).sqlalchemy_url
    migrate.upgrade(url)
    assert migrate.current_revision(url) is not None


def test_an_index_build_cut_short_on_postgresql_does_not_stop_the_upgrade_from_running_again(postgres_url):
    """CREATE INDEX CONCURRENTLY runs outside a transaction: a failure leaves an invalid index of that name."""
    from sqlalchemy import create_engine

    url = Settings.model_validate({"database_url": postgres_url}).sqlalchemy_url
    migrate.upgrade(url, "0004")
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text("CREATE TABLE leftover (x int)"))
            connection.execute(text("INSERT INTO leftover VALUES (1), (1)"))
            with pytest.raises(DBAPIError):  # a unique build over duplicates fails and leaves the index invalid
                connection.execute(text("CREATE UNIQUE INDEX CONCURRENTLY ix_comments_author_article_submitted "
                                        "ON leftover (x)"))
        migrate.upgrade(url)
        with engine.connect() as connection:
            valid = connection.execute(text(
                "SELECT i.indisvalid, t.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                "JOIN pg_class t ON t.oid = i.indrelid WHERE c.relname = 'ix_comments_author_article_submitted'")).all()
            old = connection.execute(text("SELECT 1 FROM pg_class WHERE relname = 'ix_comments_author_email_hash'")).all()
        assert valid == [(True, "comments")] and old == []
        assert migrate.current_revision(url) == "0006"
    finally:
        engine.dispose()


@pytest.mark.parametrize("column, value", [
    ("body", "'edited by a moderator'"),
    ("author_name", "'Someone Else'"),
    ("author_email", "'other@example.org'"),
    ("article_id", "article_id + 1"),
    ("submitted_at", "submitted_at"),  # unchanged: allowed
])
def test_a_raw_update_of_submitted_content_is_refused_by_the_database(migrated, column, value):
    accepted = services.submit_comment(
        migrated,
        services.NewComment("a", "Ann", "ann@example.org", "As submitted."),
        auto_create_articles=True, secret="s" * 32,
    )
    services.submit_comment(migrated, services.NewComment("b", "Bo", "bo@example.org", "Elsewhere."),
                            auto_create_articles=True, secret="s" * 32)
    statement = text(f"UPDATE comments SET {column} = {value} WHERE id = :id")
    with migrated.engine.connect() as connection:
        if column == "submitted_at":
            connection.execute(statement, {"id": accepted.id})
            connection.commit()
        else:
            with pytest.raises(DBAPIError, match="immutable"):
                connection.execute(statement, {"id": accepted.id})
            connection.rollback()
        # moderation still works: the state may change
        connection.execute(text("UPDATE comments SET status = 'approved' WHERE id = :id"), {"id": accepted.id})
        connection.commit()
        body = connection.execute(text("SELECT body, status FROM comments WHERE id = :id"), {"id": accepted.id}).one()
    assert tuple(body) == ("As submitted.", "approved")


def test_a_pooled_connection_the_server_dropped_is_replaced_before_use(postgres_url, monkeypatch):
    """No ping per transaction, but a connection idle a while is checked, and a dead one never reaches a caller."""
    from moderation import db

    url = Settings.model_validate({"database_url": postgres_url}).sqlalchemy_url
    engine = make_engine(url, pool_size=1, max_overflow=0)
    try:
        with engine.connect() as connection:
            backend = connection.execute(text("SELECT pg_backend_pid()")).scalar()
        with make_engine(url).connect() as admin:
            admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": backend})
        monkeypatch.setattr(db, "IDLE_PING_SECONDS", 0.0)
        with engine.connect() as connection:
            assert connection.execute(text("SELECT pg_backend_pid()")).scalar() != backend
    finally:
        engine.dispose()
