"""Server-side web sessions, login back-off counts, one-time client invites, and the
export files written per person (removed when the person is forgotten).

The tables are declared in `crampcoach.store.accounts` and `crampcoach.store.exports`.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "web_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_web_sessions"),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name="fk_web_sessions_account_id_accounts",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("digest", name="uq_web_sessions_digest"),
    )
    op.create_index("ix_web_sessions_account_id", "web_sessions", ["account_id"])
    op.create_table(
        "login_throttles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scope", sa.String(10), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_login_throttles"),
        sa.CheckConstraint("scope IN ('account', 'address', 'signup')",
                           name="ck_login_throttles_scope_known"),
        sa.CheckConstraint("failures >= 0", name="ck_login_throttles_failures_counted"),
        sa.UniqueConstraint("scope", "key", name="uq_login_throttles_scope_key"),
    )
    op.create_table(
        "invites",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("coach_id", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("client_name", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_invites"),
        sa.ForeignKeyConstraint(
            ["coach_id"], ["accounts.id"], name="fk_invites_coach_id_accounts",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("digest", name="uq_invites_digest"),
    )
    op.create_index("ix_invites_coach_id", "invites", ["coach_id"])
    op.create_table(
        "export_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("path", sa.String(4096), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("written_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_export_files"),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name="fk_export_files_person_id_people",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_export_files_person_id", "export_files", ["person_id"])


def downgrade() -> None:
    op.drop_index("ix_export_files_person_id", table_name="export_files")
    op.drop_table("export_files")
    op.drop_index("ix_invites_coach_id", table_name="invites")
    op.drop_table("invites")
    op.drop_table("login_throttles")
    op.drop_index("ix_web_sessions_account_id", table_name="web_sessions")
    op.drop_table("web_sessions")
