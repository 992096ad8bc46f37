"""Small real-format export files, written the way watches and apps write them.

FIT files go through the official SDK's encoder; GPX and TCX are written as XML with the
usual namespaces and extensions; CSV as an activity list with a header row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from garmin_fit_sdk import Encoder, Profile

MESG = Profile["mesg_num"]


@dataclass(frozen=True)
class Workout:
    """What a test wants in a file: the UTC start and the session's figures."""

    start: dt.datetime                      # aware, UTC
    minutes: float
    km: float | None = None
    sport: str = "running"
    avg_hr: int | None = None
    max_hr: int | None = None
    temperature: float | None = None
    ascent: float | None = None


def fit_bytes(workouts: list[Workout], *, records_every_s: int = 0,
              local_offset: dt.timedelta | None = None, session: bool = True) -> bytes:
    """An activity FIT file: file id, optional records, one session per workout, activity."""
    encoder = Encoder()
    first = workouts[0].start
    encoder.write_mesg({"mesg_num": MESG["FILE_ID"], "type": "activity",
                        "manufacturer": "development", "product": 0, "serial_number": 1234,
                        "time_created": first})
    for workout in workouts:
        if records_every_s:
            steps = int(workout.minutes * 60 // records_every_s)
            for step in range(steps + 1):
                seconds = step * records_every_s
                record: dict[str, object] = {"mesg_num": MESG["RECORD"],
                                             "timestamp": workout.start + dt.timedelta(seconds=seconds)}
                if workout.km is not None:
                    record["distance"] = workout.km * 1000 * seconds / (workout.minutes * 60)
                if workout.avg_hr is not None:
                    record["heart_rate"] = workout.avg_hr
                if workout.temperature is not None:
                    record["temperature"] = round(workout.temperature)
                encoder.write_mesg(record)
        if not session:
            continue
        end = workout.start + dt.timedelta(minutes=workout.minutes)
        mesg: dict[str, object] = {
            "mesg_num": MESG["SESSION"], "timestamp": end, "start_time": workout.start,
            "sport": workout.sport, "total_elapsed_time": workout.minutes * 60,
            "total_timer_time": workout.minutes * 60,
        }
        for key, value in (("total_distance", None if workout.km is None else workout.km * 1000),
                           ("avg_heart_rate", workout.avg_hr), ("max_heart_rate", workout.max_hr),
                           ("avg_temperature", None if workout.temperature is None
                            else round(workout.temperature)),
                           ("total_ascent", None if workout.ascent is None else round(workout.ascent))):
            if value is not None:
                mesg[key] = value
        encoder.write_mesg(mesg)
    last = workouts[-1]
    end = last.start + dt.timedelta(minutes=last.minutes)
    activity: dict[str, object] = {"mesg_num": MESG["ACTIVITY"], "timestamp": end,
                                   "num_sessions": len(workouts)}
    if local_offset is not None:
        from garmin_fit_sdk import convert_datetime_to_timestamp

        activity["local_timestamp"] = convert_datetime_to_timestamp(end + local_offset)
    encoder.write_mesg(activity)
    return encoder.close()


def gpx_text(workout: Workout, *, points: int = 30, activity_type: str = "running") -> str:
    """A GPX 1.1 track heading north, with Garmin's heart-rate and temperature extensions."""
    step = workout.minutes * 60 / points
    metres = (workout.km or 0.0) * 1000 / points
    rows = []
    for index in range(points + 1):
        moment = workout.start + dt.timedelta(seconds=index * step)
        lat = 51.0 + index * metres / 111_320  # one degree of latitude is about 111.32 km
        ext = ""
        if workout.avg_hr is not None or workout.temperature is not None:
            inner = ""
            if workout.temperature is not None:
                inner += f"<gpxtpx:atemp>{workout.temperature}</gpxtpx:atemp>"
            if workout.avg_hr is not None:
                inner += f"<gpxtpx:hr>{workout.avg_hr}</gpxtpx:hr>"
            ext = f"<extensions><gpxtpx:TrackPointExtension>{inner}</gpxtpx:TrackPointExtension></extensions>"
        rows.append(f'<trkpt lat="{lat:.7f}" lon="-0.1000000"><ele>{10 + index}</ele>'
                    f"<time>{moment.strftime('%Y-%m-%dT%H:%M:%SZ')}</time>{ext}</trkpt>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1" '
            'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">'
            f"<trk><name>Morning run</name><type>{activity_type}</type><trkseg>"
            + "".join(rows) + "</trkseg></trk></gpx>\n")


def tcx_text(workout: Workout, *, sport: str = "Running", laps: int = 2) -> str:
    """A TCX activity split into equal laps, with track points carrying altitude."""
    lap_s = workout.minutes * 60 / laps
    lap_m = (workout.km or 0.0) * 1000 / laps
    body = []
    for lap in range(laps):
        start = workout.start + dt.timedelta(seconds=lap * lap_s)
        hr = (f"<AverageHeartRateBpm><Value>{workout.avg_hr}</Value></AverageHeartRateBpm>"
              if workout.avg_hr is not None else "")
        mx = (f"<MaximumHeartRateBpm><Value>{workout.max_hr}</Value></MaximumHeartRateBpm>"
              if workout.max_hr is not None else "")
        points = "".join(
            f"<Trackpoint><Time>{(start + dt.timedelta(seconds=i * lap_s / 4)).strftime('%Y-%m-%dT%H:%M:%SZ')}"
            f"</Time><AltitudeMeters>{100 + lap * 20 + i * 5}</AltitudeMeters></Trackpoint>"
            for i in range(4))
        body.append(f'<Lap StartTime="{start.strftime("%Y-%m-%dT%H:%M:%SZ")}">'
                    f"<TotalTimeSeconds>{lap_s}</TotalTimeSeconds><DistanceMeters>{lap_m}</DistanceMeters>"
                    f"{hr}{mx}<Intensity>Active</Intensity><TriggerMethod>Manual</TriggerMethod>"
                    f"<Track>{points}</Track></Lap>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">'
            f'<Activities><Activity Sport="{sport}"><Id>{workout.start.strftime("%Y-%m-%dT%H:%M:%SZ")}</Id>'
            + "".join(body) + "</Activity></Activities></TrainingCenterDatabase>\n")


def csv_text(rows: list[tuple[str, str, str, str]], *, extra: str = "") -> str:
    """An activity list: date, sport, duration (h:mm:ss), distance (km), [extra columns]."""
    header = "Date,Activity Type,Time,Distance" + ("," + extra if extra else "")
    return header + "\n" + "\n".join(",".join(row) for row in rows) + "\n"
