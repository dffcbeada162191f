"""Web sessions can be ended on the server: each user has a session generation, every login session carries the
one it was issued under, and logging out or changing the password moves it on, so a copy of an older cookie is
refused. Existing users start at 0; cookies issued before this release carry none and are refused (log in again).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-10
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("users", sa.Column("session_generation", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:  # SQLite rebuilds the table to drop a column
        batch.drop_column("session_generation")
