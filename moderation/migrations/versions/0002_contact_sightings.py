"""Contact sightings: links, e-mail addresses and phone numbers seen lately, to spot spam runs.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "contact_sightings",
        sa.Column("id", ID, primary_key=True),
        sa.Column("fingerprint", sa.String(200), nullable=False),
        sa.Column("comment_id", ID, sa.ForeignKey("comments.id"), nullable=False),
        sa.Column("article_id", ID, sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("author_email_hash", sa.String(64), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_contact_sightings_fingerprint_seen_at", "contact_sightings", ["fingerprint", "seen_at"])
    op.create_index("ix_contact_sightings_seen_at", "contact_sightings", ["seen_at"])


def downgrade() -> None:
    op.drop_table("contact_sightings")
