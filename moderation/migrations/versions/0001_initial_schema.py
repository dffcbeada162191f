"""Initial schema: articles, comments, check results, audit events, idempotency keys.

A comment's text, author and article are refused any change by a trigger, on SQLite and PostgreSQL alike.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TIME = sa.DateTime(timezone=True)
DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")

IMMUTABLE = ("article_id", "parent_id", "author_name", "author_email", "author_email_hash", "body", "submitted_at")


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", ID, primary_key=True),
        sa.Column("key", sa.String(200), nullable=False, unique=True),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("url", sa.String(2000), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("comments_open", sa.Boolean(), nullable=False),
        sa.Column("created_at", TIME, nullable=False),
        sa.Column("updated_at", TIME, nullable=False),
    )
    op.create_table(
        "comments",
        sa.Column("id", ID, primary_key=True),
        sa.Column("article_id", ID, sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("parent_id", ID, sa.ForeignKey("comments.id"), nullable=True),
        sa.Column("author_name", sa.String(100), nullable=False),
        sa.Column("author_email", sa.String(254), nullable=False),
        sa.Column("author_email_hash", sa.String(64), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("submitted_at", TIME, nullable=False),
        sa.Column("client_fingerprint", sa.String(64), nullable=True),
        sa.Column("receipt_hash", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("status_changed_at", TIME, nullable=False),
        sa.Column("checked_at", TIME, nullable=True),
        sa.Column("last_enqueued_at", TIME, nullable=True),
        sa.CheckConstraint(
            "status IN ('pending', 'needs_review', 'approved', 'rejected')", name="ck_comments_status"
        ),
    )
    op.create_index("ix_comments_article_status_id", "comments", ["article_id", "status", "id"])
    op.create_index("ix_comments_author_email_hash", "comments", ["author_email_hash"])
    op.create_index("ix_comments_status_submitted_at", "comments", ["status", "submitted_at"])
    op.create_table(
        "audit_events",
        sa.Column("id", ID, primary_key=True),
        sa.Column("comment_id", ID, sa.ForeignKey("comments.id"), nullable=True),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("actor_role", sa.String(20), nullable=False),
        sa.Column("occurred_at", TIME, nullable=False),
        sa.Column("details", DOCUMENT, nullable=False),
    )
    op.create_index("ix_audit_events_comment_id", "audit_events", ["comment_id"])
    op.create_table(
        "check_results",
        sa.Column("id", ID, primary_key=True),
        sa.Column("comment_id", ID, sa.ForeignKey("comments.id"), nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("evidence", DOCUMENT, nullable=False),
        sa.Column("checker", sa.String(64), nullable=False),
        sa.Column("checker_version", sa.String(32), nullable=False),
        sa.Column("policy_version", sa.String(64), nullable=False),
        sa.Column("created_at", TIME, nullable=False),
        sa.UniqueConstraint("comment_id", "code", "checker", name="uq_check_results_comment_code"),
    )
    op.create_index("ix_check_results_comment_id", "check_results", ["comment_id"])
    op.create_table(
        "idempotency_keys",
        sa.Column("key", sa.String(255), primary_key=True),
        sa.Column("request_hash", sa.String(64), nullable=False),
        sa.Column("comment_id", ID, sa.ForeignKey("comments.id"), nullable=False),
        sa.Column("response", DOCUMENT, nullable=False),
        sa.Column("created_at", TIME, nullable=False),
    )
    op.create_index("ix_idempotency_keys_created_at", "idempotency_keys", ["created_at"])
    _create_immutability_trigger()


def _create_immutability_trigger() -> None:
    changed = " OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in IMMUTABLE)
    if op.get_context().dialect.name == "postgresql":
        op.execute(f"""
            CREATE FUNCTION comments_refuse_content_change() RETURNS trigger AS $$
            BEGIN
                IF {changed} THEN
                    RAISE EXCEPTION 'comment %: text, author and article are immutable', OLD.id
                        USING ERRCODE = 'integrity_constraint_violation';
                END IF;
                RETURN NEW;
            END
            $$ LANGUAGE plpgsql
        """)
        op.execute("""
            CREATE TRIGGER comments_immutable_content BEFORE UPDATE ON comments
            FOR EACH ROW EXECUTE FUNCTION comments_refuse_content_change()
        """)
    else:
        sqlite_changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in IMMUTABLE)
        op.execute(f"""
            CREATE TRIGGER comments_immutable_content BEFORE UPDATE ON comments
            FOR EACH ROW WHEN {sqlite_changed}
            BEGIN
                SELECT RAISE(ABORT, 'comment text, author and article are immutable');
            END
        """)


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS comments_immutable_content" + (
        " ON comments" if op.get_context().dialect.name == "postgresql" else ""))
    if op.get_context().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS comments_refuse_content_change()")
    for table in ("idempotency_keys", "check_results", "audit_events", "comments", "articles"):
        op.drop_table(table)
