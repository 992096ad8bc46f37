"""Activities read from watch and app exports (FIT, GPX, TCX, CSV).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "activities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.DateTime(timezone=False), nullable=False),
        sa.Column("sport", sa.String(32), nullable=False),
        sa.Column("duration_s", sa.Integer(), nullable=False),
        sa.Column("distance_m", sa.Float(), nullable=True),
        sa.Column("elevation_gain_m", sa.Float(), nullable=True),
        sa.Column("avg_heart_rate", sa.SmallInteger(), nullable=True),
        sa.Column("max_heart_rate", sa.SmallInteger(), nullable=True),
        sa.Column("temperature_c", sa.Float(), nullable=True),
        sa.Column("source", sa.String(8), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_activities"),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name="fk_activities_person_id_people",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("person_id", "start", "sport",
                            name="uq_activities_person_start_sport"),
        sa.CheckConstraint("duration_s > 0", name="ck_activities_duration_positive"),
        sa.CheckConstraint("distance_m IS NULL OR distance_m >= 0",
                           name="ck_activities_distance_not_negative"),
    )


def downgrade() -> None:
    op.drop_table("activities")
