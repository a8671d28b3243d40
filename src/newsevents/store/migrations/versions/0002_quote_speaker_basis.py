"""Quotes say how their speaker was found: ``quotes.speaker_basis`` (nullable; the quotes of
stores coded before it read as null, and their ``record`` JSON simply lacks the key).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain ADD COLUMN (no batch copy on SQLite: the full-text triggers stay in place)
    op.add_column("quotes", sa.Column("speaker_basis", sa.String(32)))


def downgrade() -> None:
    with op.batch_alter_table("quotes") as batch:
        batch.drop_column("speaker_basis")
