"""Storage: people, assessments, plans, the training log and cramp events.

- `database`: engines from the settings (SQLite by default, PostgreSQL by URL), migrated on
  first use; `transaction()` for one write, `reading()` for a consistent read.
- `people`: find, create and forget a person.
- `versions`: assessments and plans as numbered versions.
- `log`: session logs, cramp events and notes, written and read by date.
- `activities`: workouts read from watch and app exports, stored once per start and sport.
- `weekly`: per-ISO-week figures for the progress views.
- `transfer`: export and import all of a person's data.
- `records`: the checked input and output records.
- `presence`: whether the SQLite file holds any workout, asked without the ORM.
"""
