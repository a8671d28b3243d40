"""Input identity: ``article_sources`` (every source key an article was read under, version by
version), ``articles.superseded`` (an older version of its key's text), an index on
``articles.text_sha256`` (the content version), and ``runs.versions``/``runs.duplicates``.

Articles stored before this revision get one source row each: their URL when no other
article has it, else their id; none is superseded.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMNs (no batch copy on SQLite: the full-text triggers stay in place)
    op.add_column("articles", sa.Column("superseded", sa.Boolean, nullable=False,
                                        server_default=sa.false()))
    op.add_column("runs", sa.Column("versions", sa.Integer, nullable=False, server_default="0"))
    op.add_column("runs", sa.Column("duplicates", sa.Integer, nullable=False,
                                    server_default="0"))
    op.create_index("ix_articles_text_sha256", "articles", ["text_sha256"])
    op.create_table(
        "article_sources",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Text, sa.ForeignKey("articles.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("current", sa.Boolean, nullable=False),
        sa.Column("location", sa.Text),
        sa.Column("run_id", sa.String(32)),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_article_sources_article", "article_sources", ["article_id"])
    op.execute(
        "INSERT INTO article_sources (key, version, article_id, current, location, run_id, "
        "created_at) SELECT CASE WHEN a.url IS NOT NULL AND (SELECT count(*) FROM articles b "
        "WHERE b.url = a.url) = 1 AND NOT EXISTS (SELECT 1 FROM articles c WHERE c.id = a.url "
        "AND c.seq <> a.seq) THEN a.url ELSE a.id END, 1, a.id, true, a.source, a.run_id, "
        "a.coded_at FROM articles a"
    )


def downgrade() -> None:
    op.drop_index("ix_article_sources_article", "article_sources")
    op.drop_table("article_sources")
    op.drop_index("ix_articles_text_sha256", "articles")
    with op.batch_alter_table("runs") as batch:
        batch.drop_column("versions")
        batch.drop_column("duplicates")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("superseded")
