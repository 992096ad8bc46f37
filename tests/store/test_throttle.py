"""The login back-off kept in the database: counted per key, doubling, cleared by success."""

from __future__ import annotations

import datetime as dt

from crampcoach.store import database, throttle

T0 = dt.datetime(2026, 1, 5, 12, 0, tzinfo=dt.UTC)


def test_failures_lock_a_key_after_the_free_ones_and_the_lock_doubles(database_url: str) -> None:
    keys: dict[throttle.Scope, str] = {"account": "kim"}
    free = throttle.POLICIES["account"].free_failures
    with database.transaction(database_url) as session:
        for _ in range(free - 1):
            throttle.record_failure(session, keys, T0)
        assert throttle.wait_seconds(session, keys, T0) == 0
        throttle.record_failure(session, keys, T0)
        first = throttle.wait_seconds(session, keys, T0)
        throttle.record_failure(session, keys, T0)
        second = throttle.wait_seconds(session, keys, T0)
    assert first >= 1 and second == 2 * first
    with database.reading(database_url) as session:
        later = T0 + dt.timedelta(seconds=second)
        assert throttle.wait_seconds(session, keys, later) == 0


def test_keys_are_counted_apart_and_a_success_clears_only_its_own(database_url: str) -> None:
    with database.transaction(database_url) as session:
        for _ in range(throttle.POLICIES["signup"].free_failures):
            throttle.record_failure(session, {"signup": "10.0.0.1"}, T0)
            throttle.record_failure(session, {"account": "KIM\x00 "}, T0)
        assert throttle.wait_seconds(session, {"signup": "10.0.0.1"}, T0) >= 60
        assert throttle.wait_seconds(session, {"signup": "10.0.0.2"}, T0) == 0
        assert throttle.wait_seconds(session, {"account": "kim"}, T0) > 0
        throttle.record_success(session, {"account": "kim"})
        assert throttle.wait_seconds(session, {"account": "kim"}, T0) == 0
        assert throttle.wait_seconds(session, {"signup": "10.0.0.1"}, T0) >= 60
