"""Tracking and adaptation: the ladder position, the three waterfalls, load, escalation.

- `summary.progress_summary(sessions, cramps, context)`: everything the progress views show.
- `reading.progress_for(session, person)`: the same for a stored person.
- `record.store_session_record(record)`: store what `crampcoach session` printed.
- `commands.register(app)`: the `progress` command.
"""
