"""Initial schema: people, assessments, plans, session logs with items, cramp events.

Revision ID: 0001
Revises:
Create Date: 2024-06-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def _person_id() -> sa.Column[int]:
    return sa.Column("person_id", sa.Integer(), nullable=False)


def _person_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["person_id"], ["people.id"], name=f"fk_{table}_person_id_people", ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "people",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("owner", sa.String(200), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_people"),
    )
    op.create_index(
        "uq_people_owner_name", "people", [sa.text("coalesce(owner, '')"), "name"], unique=True
    )

    for table, document_columns in (
        ("assessments", [
            sa.Column("case_document", sa.JSON(), nullable=False),
            sa.Column("result_document", sa.JSON(), nullable=False),
        ]),
        ("plans", [
            sa.Column("assessment_version", sa.Integer(), nullable=True),
            sa.Column("reason", sa.Text(), nullable=True),
            sa.Column("document", sa.JSON(), nullable=False),
        ]),
    ):
        op.create_table(
            table,
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("uid", sa.String(32), nullable=False),
            _person_id(),
            sa.Column("version", sa.Integer(), nullable=False),
            sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
            *document_columns,
            sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
            _person_fk(table),
            sa.UniqueConstraint("person_id", "version", name=f"uq_{table}_person_version"),
            sa.UniqueConstraint("person_id", "uid", name=f"uq_{table}_person_uid"),
            sa.CheckConstraint("version >= 1", name=f"ck_{table}_version_positive"),
        )

    op.create_table(
        "session_logs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(32), nullable=False),
        _person_id(),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("plan_version", sa.Integer(), nullable=True),
        sa.Column("plan_week", sa.Integer(), nullable=True),
        sa.Column("plan_day", sa.Integer(), nullable=True),
        sa.Column("duration_min", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_session_logs"),
        _person_fk("session_logs"),
        sa.UniqueConstraint("person_id", "uid", name="uq_session_logs_person_uid"),
    )

    op.create_table(
        "session_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_log_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("exercise", sa.String(64), nullable=False),
        sa.Column("sets", sa.SmallInteger(), nullable=False),
        sa.Column("reps", sa.SmallInteger(), nullable=True),
        sa.Column("hold_s", sa.SmallInteger(), nullable=True),
        sa.Column("load_kg", sa.Float(), nullable=True),
        sa.Column("effort", sa.SmallInteger(), nullable=True),
        sa.Column("pain", sa.SmallInteger(), nullable=True),
        sa.Column("felt_low_back", sa.SmallInteger(), nullable=True),
        sa.Column("felt_glutes", sa.SmallInteger(), nullable=True),
        sa.Column("felt_hamstrings", sa.SmallInteger(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_session_items"),
        sa.ForeignKeyConstraint(
            ["session_log_id"], ["session_logs.id"],
            name="fk_session_items_session_log_id_session_logs", ondelete="CASCADE",
        ),
        sa.UniqueConstraint(
            "session_log_id", "position", name="uq_session_items_log_position"
        ),
        sa.CheckConstraint("sets >= 1", name="ck_session_items_sets_positive"),
        sa.CheckConstraint(
            "reps IS NOT NULL OR hold_s IS NOT NULL", name="ck_session_items_dose_given"
        ),
        sa.CheckConstraint(
            "effort IS NULL OR effort BETWEEN 1 AND 10", name="ck_session_items_effort_range"
        ),
        sa.CheckConstraint(
            "pain IS NULL OR pain BETWEEN 0 AND 10", name="ck_session_items_pain_range"
        ),
        sa.CheckConstraint(
            "(felt_low_back IS NULL AND felt_glutes IS NULL AND felt_hamstrings IS NULL) OR "
            "(felt_low_back BETWEEN 0 AND 10 AND felt_glutes BETWEEN 0 AND 10 "
            "AND felt_hamstrings BETWEEN 0 AND 10)",
            name="ck_session_items_felt_all_or_none",
        ),
    )

    op.create_table(
        "cramp_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(32), nullable=False),
        _person_id(),
        sa.Column("occurred_at", sa.DateTime(timezone=False), nullable=False),
        sa.Column("side", sa.String(5), nullable=False),
        sa.Column("during", sa.String(100), nullable=False),
        sa.Column("minutes_into", sa.Integer(), nullable=True),
        sa.Column("duration_s", sa.Integer(), nullable=True),
        sa.Column("severity", sa.SmallInteger(), nullable=False),
        sa.Column("eased_by", sa.Text(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_cramp_events"),
        _person_fk("cramp_events"),
        sa.UniqueConstraint("person_id", "uid", name="uq_cramp_events_person_uid"),
        sa.CheckConstraint(
            "side IN ('left', 'right', 'both')", name="ck_cramp_events_side_known"
        ),
        sa.CheckConstraint(
            "severity BETWEEN 0 AND 10", name="ck_cramp_events_severity_range"
        ),
        sa.CheckConstraint(
            "minutes_into IS NULL OR minutes_into >= 0",
            name="ck_cramp_events_minutes_not_negative",
        ),
        sa.CheckConstraint(
            "duration_s IS NULL OR duration_s >= 0",
            name="ck_cramp_events_duration_not_negative",
        ),
    )


def downgrade() -> None:
    for table in ("cramp_events", "session_items", "session_logs", "plans", "assessments"):
        op.drop_table(table)
    op.drop_index("uq_people_owner_name", table_name="people")
    op.drop_table("people")
