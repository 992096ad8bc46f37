"""The readers, on small real-format files written here: FIT through Garmin's own encoder,
GPX and TCX as the XML devices write, CSV activity lists; and the bad files."""

from __future__ import annotations

import datetime as dt

import pytest

from crampcoach.errors import InputError
from crampcoach.training.readers import read_activities

from .exports import Workout, csv_text, fit_bytes, gpx_text, tcx_text

START = dt.datetime(2025, 6, 1, 6, 0, tzinfo=dt.UTC)
RUN = Workout(START, minutes=95, km=18.5, avg_hr=150, max_hr=175, temperature=29, ascent=120)


def wall(moment: dt.datetime) -> dt.datetime:
    """A UTC instant as this machine's wall clock, as the readers store it without an offset."""
    return moment.astimezone().replace(tzinfo=None)


def test_fit_session_gives_start_sport_duration_distance_climb_heart_rate_and_heat() -> None:
    (activity,) = read_activities("run.fit", fit_bytes([RUN], records_every_s=60))
    assert activity.start == wall(START)
    assert (activity.sport, activity.duration_s, activity.distance_m) == ("running", 95 * 60, 18500)
    assert (activity.elevation_gain_m, activity.avg_heart_rate, activity.max_heart_rate) == (120, 150, 175)
    assert (activity.temperature_c, activity.source) == (29, "fit")


def test_fit_start_is_the_watch_s_own_local_time_when_it_records_its_offset() -> None:
    data = fit_bytes([RUN], local_offset=dt.timedelta(hours=-5))
    (activity,) = read_activities("run.fit", data)
    assert activity.start == dt.datetime(2025, 6, 1, 1, 0)


def test_fit_multisport_file_gives_one_activity_per_session() -> None:
    ride = Workout(START + dt.timedelta(hours=2), minutes=60, km=30, sport="cycling")
    found = read_activities("brick.fit", fit_bytes([RUN, ride]))
    assert [(a.sport, a.duration_s) for a in found] == [("running", 5700), ("cycling", 3600)]


def test_fit_without_a_session_is_summed_from_its_records() -> None:
    (activity,) = read_activities("raw.fit", fit_bytes([RUN], records_every_s=60, session=False))
    assert activity.duration_s == 95 * 60
    assert activity.distance_m == pytest.approx(18500)
    assert (activity.avg_heart_rate, activity.temperature_c) == (150, 29)


def test_gpx_track_gives_start_duration_distance_climb_and_extension_figures() -> None:
    (activity,) = read_activities("run.gpx", gpx_text(RUN).encode())
    assert (activity.start, activity.sport, activity.duration_s) == (wall(START), "running", 5700)
    assert activity.distance_m == pytest.approx(18500, rel=0.01)
    assert activity.elevation_gain_m == 30  # 31 points, each one metre higher
    assert (activity.avg_heart_rate, activity.temperature_c, activity.source) == (150, 29, "gpx")


def test_tcx_activity_sums_its_laps() -> None:
    ride = Workout(START, minutes=80, km=32, avg_hr=140, max_hr=165)
    (activity,) = read_activities("ride.tcx", tcx_text(ride, sport="Biking", laps=4).encode())
    assert (activity.start, activity.sport, activity.duration_s) == (wall(START), "cycling", 4800)
    assert activity.distance_m == pytest.approx(32000)
    assert (activity.avg_heart_rate, activity.max_heart_rate, activity.source) == (140, 165, "tcx")
    assert activity.elevation_gain_m is not None and activity.elevation_gain_m > 0


def test_csv_activity_list_reads_each_row_with_the_optional_columns() -> None:
    text = csv_text([("2025-06-01 07:30:00", "Running", "1:05:00", "12.5", "151", "24"),
                     ("2025-06-03 18:00:00", "Cycling", "45:00", "20", "", "")],
                    extra="Avg HR,Temperature")
    run, ride = read_activities("activities.csv", text.encode())
    assert (run.start, run.sport, run.duration_s, run.distance_m) == (
        dt.datetime(2025, 6, 1, 7, 30), "running", 3900, 12500)
    assert (run.avg_heart_rate, run.temperature_c) == (151, 24)
    assert (ride.sport, ride.duration_s, ride.avg_heart_rate) == ("cycling", 2700, None)


def test_csv_with_semicolons_and_minutes_and_an_unknown_sport() -> None:
    text = "date;sport;duration_min;distance_km\n2025-06-01;yoga;60;0\n"
    (activity,) = read_activities("list.csv", text.encode())
    assert (activity.sport, activity.duration_s, activity.distance_m) == ("other", 3600, 0)


# -- bad files: one clear line naming the file -------------------------------------------


def problem(name: str, data: bytes) -> str:
    with pytest.raises(InputError) as caught:
        read_activities(name, data)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(name)
    return message


def test_truncated_fit_is_refused_as_damaged() -> None:
    data = fit_bytes([RUN], records_every_s=60)
    assert "cut short or damaged" in problem("run.fit", data[: len(data) // 2])


def test_bytes_that_are_not_fit_are_refused() -> None:
    assert "not a FIT file" in problem("run.fit", b"hello, this is not a watch file")


def test_malformed_xml_is_refused() -> None:
    assert "not valid XML" in problem("run.gpx", gpx_text(RUN).encode()[:-40])


def test_tcx_content_in_a_gpx_file_is_refused_by_its_root_element() -> None:
    assert "not a GPX file" in problem("run.gpx", tcx_text(RUN).encode())
    assert "not a TCX file" in problem("run.tcx", gpx_text(RUN).encode())


def test_xml_entity_expansion_is_refused() -> None:
    bomb = ('<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY a "aaaaaaaaaa">'
            '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><gpx>&b;</gpx>')
    assert "entities" in problem("bomb.gpx", bomb.encode())


def test_csv_without_the_needed_columns_names_what_is_missing() -> None:
    message = problem("list.csv", b"Date,Activity Type,Calories\n2025-06-01,Running,500\n")
    assert "duration" in message and "distance" in message and "Calories" in message


def test_csv_row_with_a_bad_number_names_its_line() -> None:
    text = csv_text([("2025-06-01", "Running", "30:00", "5"), ("2025-06-02", "Running", "30:00", "far")])
    assert "line 3" in problem("list.csv", text.encode())


def test_a_file_of_another_kind_is_refused() -> None:
    assert "not an activity file" in problem("notes.txt", b"ran 5k")


def test_a_file_without_activities_says_so() -> None:
    assert "no activity found" in problem("empty.gpx", b'<gpx xmlns="http://www.topografix.com/GPX/1/1"></gpx>')


def test_fit_checksum_agrees_with_the_sdk_and_catches_a_flipped_bit() -> None:
    from garmin_fit_sdk import CrcCalculator

    from crampcoach.training.readers import fit_crc

    data = fit_bytes([RUN], records_every_s=30)
    for length in (0, 1, 2, 199, 200, len(data)):  # odd lengths end with a single byte
        assert fit_crc(data[:length]) == CrcCalculator.calculate_crc(bytearray(data[:length]), 0, length)
    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 0x04
    assert "damaged" in problem("run.fit", bytes(flipped))


def test_fit_summary_reading_gives_what_decoding_every_message_gives() -> None:
    from crampcoach.training.readers import _fit_messages, _fit_summary

    data = fit_bytes([RUN, Workout(START + dt.timedelta(hours=3), 30, 6, sport="cycling")],
                     records_every_s=10, local_offset=dt.timedelta(hours=2))
    summary = _fit_summary(data)
    assert summary is not None and len(summary) < len(data) / 5
    skimmed, full = _fit_messages("a.fit", summary), _fit_messages("a.fit", data)
    assert skimmed["session_mesgs"] == full["session_mesgs"]
    assert skimmed["activity_mesgs"] == full["activity_mesgs"]
    assert not skimmed.get("record_mesgs") and full["record_mesgs"]
