"""Moderation: users and tokens, the review queue's columns, and the audit chain made append-only.

Existing audit events are chained in id order. UPDATE and DELETE on audit_events are refused by triggers
on SQLite and PostgreSQL alike.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TIME = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", ID, primary_key=True),
        sa.Column("name", sa.String(64), nullable=False, unique=True),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=True),
        sa.Column("created_at", TIME, nullable=False),
        sa.Column("disabled_at", TIME, nullable=True),
    )
    op.create_table(
        "api_tokens",
        sa.Column("id", ID, primary_key=True),
        sa.Column("user_id", ID, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("prefix", sa.String(12), nullable=False),
        sa.Column("created_at", TIME, nullable=False),
        sa.Column("revoked_at", TIME, nullable=True),
    )
    op.create_index("ix_api_tokens_user_id", "api_tokens", ["user_id"])

    op.add_column("comments", sa.Column("risk_key", sa.Integer(), nullable=False, server_default="999999"))
    _add_user_reference("comments", "claimed_by")
    op.add_column("comments", sa.Column("claimed_until", TIME, nullable=True))
    op.add_column("comments", sa.Column("decided_at", TIME, nullable=True))
    _add_user_reference("comments", "decided_by")
    op.add_column("comments", sa.Column("awaiting_confirmation", sa.Boolean(), nullable=False,
                                        server_default=sa.false()))
    op.add_column("comments", sa.Column("appealed_at", TIME, nullable=True))
    op.drop_index("ix_comments_status_submitted_at", "comments")
    op.create_index("ix_comments_queue_risk", "comments", ["status", "risk_key", "submitted_at", "id"])
    op.create_index("ix_comments_queue_oldest", "comments", ["status", "submitted_at", "id"])
    op.create_index("ix_comments_awaiting_confirmation", "comments", ["id"],
                    postgresql_where=sa.text("awaiting_confirmation"), sqlite_where=sa.text("awaiting_confirmation"))
    op.create_index("ix_comments_appealed", "comments", ["id"], postgresql_where=sa.text("appealed_at IS NOT NULL"),
                    sqlite_where=sa.text("appealed_at IS NOT NULL"))

    op.add_column("check_results", sa.Column("flagged", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.execute("UPDATE check_results SET flagged = (score >= 0.5)")
    op.create_index("ix_check_results_code_flagged", "check_results", ["code", "flagged", "comment_id"])

    op.add_column("audit_events", sa.Column("content_sha256", sa.String(64), nullable=True))
    op.add_column("audit_events", sa.Column("prev_hash", sa.String(64), nullable=False, server_default=""))
    op.add_column("audit_events", sa.Column("entry_hash", sa.String(64), nullable=False, server_default=""))
    op.create_index("ix_audit_events_actor_occurred_at", "audit_events", ["actor", "occurred_at"])
    op.create_index("ix_audit_events_occurred_at", "audit_events", ["occurred_at"])
    _chain_existing_events()
    _make_audit_append_only()


def _add_user_reference(table: str, column: str) -> None:
    """SQLite cannot add a constraint to a table, but can add a column that carries one."""
    if op.get_context().dialect.name == "sqlite":
        op.execute(f"ALTER TABLE {table} ADD COLUMN {column} INTEGER REFERENCES users (id)")
    else:
        op.add_column(table, sa.Column(column, ID, sa.ForeignKey("users.id"), nullable=True))


def _chain_existing_events() -> None:
    from moderation.audit import GENESIS, entry_digest
    from moderation.models import AuditEvent, JSONDocument, UTCDateTime

    events = sa.table(
        "audit_events", sa.column("id", ID), sa.column("comment_id", ID), sa.column("action", sa.String),
        sa.column("actor", sa.String), sa.column("actor_role", sa.String), sa.column("occurred_at", UTCDateTime),
        sa.column("content_sha256", sa.String), sa.column("details", JSONDocument),
    )
    connection = op.get_bind()
    prev_hash = GENESIS
    for row in connection.execute(sa.select(events).order_by(events.c.id)).mappings().all():
        digest = entry_digest(prev_hash, AuditEvent(**row, prev_hash=prev_hash, entry_hash=""))
        connection.execute(sa.text("UPDATE audit_events SET prev_hash = :p, entry_hash = :e WHERE id = :i"),
                           {"p": prev_hash, "e": digest, "i": row["id"]})
        prev_hash = digest


def _make_audit_append_only() -> None:
    if op.get_context().dialect.name == "postgresql":
        op.execute("""
            CREATE FUNCTION audit_events_refuse_change() RETURNS trigger AS $$
            BEGIN
                RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP
                    USING ERRCODE = 'integrity_constraint_violation';
            END
            $$ LANGUAGE plpgsql
        """)
        op.execute("""CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
                      FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change()""")
        op.execute("""CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
                      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change()""")
    else:
        for operation in ("UPDATE", "DELETE"):
            op.execute(f"""
                CREATE TRIGGER audit_events_no_{operation.lower()} BEFORE {operation} ON audit_events
                BEGIN
                    SELECT RAISE(ABORT, 'audit_events is append-only: {operation} refused');
                END
            """)


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_events_append_only ON audit_events")
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events")
        op.execute("DROP FUNCTION IF EXISTS audit_events_refuse_change()")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_delete")
    raise NotImplementedError("downgrading below the audit chain would discard the record's protection")
