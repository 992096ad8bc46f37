"""Notes, and indexes for reading a person's sessions and cramps by date range.

Revision ID: 0002
Revises: 0001
Create Date: 2024-06-15
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(32), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_notes"),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name="fk_notes_person_id_people", ondelete="CASCADE"
        ),
        sa.UniqueConstraint("person_id", "uid", name="uq_notes_person_uid"),
    )
    op.create_index("ix_notes_person_date", "notes", ["person_id", "date"])
    # History and progress read one person's records between two dates.
    op.create_index("ix_session_logs_person_date", "session_logs", ["person_id", "date"])
    op.create_index(
        "ix_cramp_events_person_occurred_at", "cramp_events", ["person_id", "occurred_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_cramp_events_person_occurred_at", table_name="cramp_events")
    op.drop_index("ix_session_logs_person_date", table_name="session_logs")
    op.drop_index("ix_notes_person_date", table_name="notes")
    op.drop_table("notes")
