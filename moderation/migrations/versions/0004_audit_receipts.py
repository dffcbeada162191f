"""Submissions reach the audit chain through a small table of receipts, so a request never waits for the
chain's lock; the next append records them (see moderation.audit).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "audit_receipts",
        sa.Column("comment_id", ID, sa.ForeignKey("comments.id"), primary_key=True),
        sa.Column("article_key", sa.String(200), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("audit_receipts")
