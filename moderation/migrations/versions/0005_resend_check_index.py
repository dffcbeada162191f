"""The resend check of every submission (same author, same article, same text within minutes) gets an index of
its own: (author_email_hash, article_id, submitted_at) instead of author_email_hash alone. With only the old
index, PostgreSQL could AND it with the article's index and read every comment on the article (23,000 index
entries, 1.6 ms, for each submission to a busy article); now it is one probe. The new index leads with the
author, so the author's history still reads it, and the old one is dropped.

On PostgreSQL both are done CONCURRENTLY, so submissions are not blocked while the index is built. A build
that was cut short leaves an invalid index behind, outside any transaction: the upgrade drops it and starts again,
and each step is skipped when already done, so a failed run can simply be run again.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""

from alembic import op
from sqlalchemy import text

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

NEW = "ix_comments_author_article_submitted"
OLD = "ix_comments_author_email_hash"


INVALID = text("SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
               "WHERE c.relname = :name AND NOT i.indisvalid")


def _swap(create: tuple[str, list[str]], drop: str) -> None:
    name, columns = create
    if op.get_bind().dialect.name == "postgresql":
        with op.get_context().autocommit_block():
            if op.get_bind().execute(INVALID, {"name": name}).first():
                op.execute(f'DROP INDEX CONCURRENTLY IF EXISTS "{name}"')
            listed = ", ".join(f'"{column}"' for column in columns)
            op.execute(f'CREATE INDEX CONCURRENTLY IF NOT EXISTS "{name}" ON comments ({listed})')
            op.execute(f'DROP INDEX CONCURRENTLY IF EXISTS "{drop}"')
    else:
        op.create_index(name, "comments", columns)
        op.drop_index(drop, table_name="comments")


def upgrade() -> None:
    _swap((NEW, ["author_email_hash", "article_id", "submitted_at"]), OLD)


def downgrade() -> None:
    _swap((OLD, ["author_email_hash"]), NEW)
