"""Read workouts from watch and app exports: Garmin FIT, GPX, TCX and CSV activity lists.

Each reader takes a file's bytes and gives checked `ActivityRecord`s, or raises an
`InputError` naming the file and what is wrong with it in one line. XML is parsed with
defusedxml, which refuses entity tricks (billion laughs, external entities) outright.
Times in the files are UTC instants; they are stored as the person's wall-clock time (the
FIT file's own local offset when it has one, else this machine's time zone).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import itertools
import math
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from statistics import fmean
from typing import Any
from xml.etree.ElementTree import Element

from pydantic import ValidationError

from crampcoach.errors import InputError, from_validation_error
from crampcoach.store.records import ActivityRecord, Source
from crampcoach.training.knowledge import TrainingKnowledge, load_training_knowledge

SUFFIXES: dict[str, Source] = {".fit": "fit", ".gpx": "gpx", ".tcx": "tcx", ".csv": "csv"}
TCX_NS = "{http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2}"


def source_of(name: str) -> Source | None:
    """The export format a file name says it holds, or None."""
    lowered = name.lower()
    for suffix, source in SUFFIXES.items():
        if lowered.endswith(suffix):
            return source
    return None


def read_activities(name: str, data: bytes,
                    knowledge: TrainingKnowledge | None = None) -> list[ActivityRecord]:
    """The activities in one export file; the format comes from its name's suffix."""
    k = knowledge or load_training_knowledge()
    source = source_of(name)
    if source is None:
        raise InputError(name, "not an activity file: use .fit, .gpx, .tcx or .csv")
    reader: Callable[[str, bytes, TrainingKnowledge], list[ActivityRecord]] = READERS[source]
    found = reader(name, data, k)
    if not found:
        raise InputError(name, f"no activity found in this {source.upper()} file")
    return found


def _record(name: str, values: Mapping[str, Any]) -> ActivityRecord:
    try:
        return ActivityRecord.model_validate(values)
    except ValidationError as exc:
        problem = from_validation_error(exc)
        raise InputError(name, f"{problem.field}: {problem.message}") from None


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _whole(value: Any) -> int | None:
    number = _number(value)
    return None if number is None or number <= 0 else round(number)


# -- FIT ----------------------------------------------------------------------------------


# FIT global message numbers (FIT profile) of what a reader needs from an activity file.
FIT_FILE_ID, FIT_SESSION, FIT_ACTIVITY = 0, 18, 34
FIT_SUMMARY_MESSAGES = frozenset({FIT_FILE_ID, FIT_SESSION, FIT_ACTIVITY})


def read_fit(name: str, data: bytes, k: TrainingKnowledge) -> list[ActivityRecord]:
    """One activity per session message; a file without one is summed from its records.

    The SDK checks the whole file (header and checksum) and decodes the messages. A watch
    writes a record every second or few, and only the session and activity messages are
    needed, so the SDK is given a copy holding just those (`_fit_summary`): decoding it is
    tens of times quicker than decoding every record.
    """
    from garmin_fit_sdk import Decoder, Stream

    decoder = Decoder(Stream.from_byte_array(bytearray(data)))
    if not decoder.is_fit():
        raise InputError(name, "not a FIT file (its header is missing or wrong)")
    if not fit_intact(data):
        raise InputError(name, "the FIT file is cut short or damaged (its checksum does not match)")
    summary = _fit_summary(data)
    found = _fit_messages(name, summary) if summary is not None else {}
    if not found.get("session_mesgs"):
        found = _fit_messages(name, data)  # no session message: the records are needed
    offset = _fit_local_offset(found.get("activity_mesgs", []))
    sessions = found.get("session_mesgs", [])
    if not sessions:
        summary_of_records = _fit_from_records(found.get("record_mesgs", []))
        sessions = [summary_of_records] if summary_of_records else []
    return [_fit_session(name, session, offset, k) for session in sessions]


def _crc_table() -> tuple[int, ...]:
    table = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
        table.append(crc)
    return tuple(table)


# The FIT checksum is CRC-16 (polynomial 0x8005, reflected, starting at 0). The SDK works it
# out four bits at a time; here two bytes go in per step: the checksum after a little-endian
# pair of bytes depends only on (checksum XOR pair), so one 65,536-entry table gives it.
CRC_TABLE = _crc_table()


@functools.cache
def _crc_pair_table() -> tuple[int, ...]:
    table = CRC_TABLE
    return tuple((table[x & 0xFF] >> 8) ^ table[((x >> 8) ^ table[x & 0xFF]) & 0xFF]
                 for x in range(0x10000))


def fit_crc(data: bytes) -> int:
    crc = 0
    pairs = _crc_pair_table()
    even = len(data) & ~1
    for pair in memoryview(data[:even]).cast("H") if sys.byteorder == "little" else (
            int.from_bytes(data[i:i + 2], "little") for i in range(0, even, 2)):
        crc = pairs[crc ^ pair]
    if even != len(data):
        crc = (crc >> 8) ^ CRC_TABLE[(crc ^ data[-1]) & 0xFF]
    return crc


def fit_intact(data: bytes) -> bool:
    """The file is as long as its header says, and its header and file checksums match."""
    header_size = data[0]
    total = header_size + int.from_bytes(data[4:8], "little")
    if len(data) < total + 2:
        return False
    if header_size == 14 and int.from_bytes(data[12:14], "little") not in (0, fit_crc(data[:12])):
        return False
    return fit_crc(data[:total + 2]) == 0  # the stored checksum included gives zero


def _fit_messages(name: str, data: bytes) -> dict[str, list[dict[str, Any]]]:
    from garmin_fit_sdk import Decoder, Stream

    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read(
        expand_components=False, merge_heart_rates=False, expand_sub_fields=False,
        enable_crc_check=False)  # the whole file's checksum was checked already
    if errors:
        raise InputError(name, f"the FIT file could not be read: {errors[0]}")
    # The SDK's typed dicts are plain dicts at run time; read them as such.
    found: dict[str, list[dict[str, Any]]] = dict(messages)  # type: ignore[arg-type]
    return found


def _fit_summary(data: bytes) -> bytes | None:
    """A copy of a checked FIT file with only its definitions and summary messages.

    Walks the message headers of the FIT protocol: a definition message gives the size of
    the data messages of its local type, so every other data message is skipped by length
    without being decoded. None when the file has a layout this walk does not follow; the
    caller then decodes the whole file.
    """
    header_size = data[0]
    body_end = header_size + int.from_bytes(data[4:8], "little")
    sizes: dict[int, tuple[int, int]] = {}   # local type -> (global number, data size)
    kept = bytearray()
    position = header_size
    try:
        while position < body_end:
            head = data[position]
            if head & 0x80:                  # compressed-timestamp data message
                local = (head >> 5) & 0x03
            elif head & 0x40:                # definition message
                local = head & 0x0F
                big_endian = data[position + 2] == 1
                number = int.from_bytes(data[position + 3:position + 5],
                                        "big" if big_endian else "little")
                fields = data[position + 5]
                end = position + 6 + 3 * fields
                size = sum(data[position + 7 + 3 * i] for i in range(fields))
                if head & 0x20:              # developer fields follow
                    developer = data[end]
                    size += sum(data[end + 2 + 3 * i] for i in range(developer))
                    end += 1 + 3 * developer
                sizes[local] = (number, size)
                kept += data[position:end]
                position = end
                continue
            else:
                local = head & 0x0F
            number, size = sizes[local]
            if number in FIT_SUMMARY_MESSAGES:
                kept += data[position:position + 1 + size]
            position += 1 + size
    except (IndexError, KeyError):
        return None
    if position != body_end:
        return None
    header = bytearray(data[:12])
    header[0] = 12                          # no header checksum
    header[4:8] = len(kept).to_bytes(4, "little")
    return bytes(header + kept + b"\x00\x00")


def _fit_local_offset(activities: list[dict[str, Any]]) -> dt.timedelta | None:
    """The watch's own UTC offset, from the activity message's local timestamp."""
    for activity in activities:
        utc, local = activity.get("timestamp"), activity.get("local_timestamp")
        if isinstance(utc, dt.datetime) and isinstance(local, int | float):
            from garmin_fit_sdk import FIT_EPOCH_S

            local_wall = dt.datetime.fromtimestamp(FIT_EPOCH_S + local, dt.UTC)
            offset = local_wall - utc
            # Real offsets are whole quarter hours within a day; anything else is noise.
            quarters = round(offset / dt.timedelta(minutes=15))
            if abs(quarters) <= 14 * 4:
                return dt.timedelta(minutes=15 * quarters)
    return None


def _fit_from_records(records: list[dict[str, Any]]) -> dict[str, Any] | None:
    times = [r["timestamp"] for r in records if isinstance(r.get("timestamp"), dt.datetime)]
    if len(times) < 2:
        return None
    distances = [d for r in records if (d := _number(r.get("distance"))) is not None]
    rates = [h for r in records if (h := _number(r.get("heart_rate"))) is not None]
    temps = [t for r in records if (t := _number(r.get("temperature"))) is not None]
    return {"start_time": times[0], "total_elapsed_time": (times[-1] - times[0]).total_seconds(),
            "total_distance": max(distances) if distances else None,
            "avg_heart_rate": fmean(rates) if rates else None,
            "max_heart_rate": max(rates) if rates else None,
            "avg_temperature": fmean(temps) if temps else None}


def _fit_session(name: str, session: dict[str, Any], offset: dt.timedelta | None,
                 k: TrainingKnowledge) -> ActivityRecord:
    start = session.get("start_time") or session.get("timestamp")
    if not isinstance(start, dt.datetime):
        raise InputError(name, "the FIT session has no start time")
    wall = (start.astimezone(dt.UTC) + offset).replace(tzinfo=None) if offset is not None else start
    duration = session.get("total_timer_time") or session.get("total_elapsed_time")
    sport = session.get("sport")
    return _record(name, {
        "start": wall,
        "sport": k.sport_of(sport if isinstance(sport, str) else None),
        "duration_s": _whole(duration),
        "distance_m": _number(session.get("total_distance")),
        "elevation_gain_m": _number(session.get("total_ascent")),
        "avg_heart_rate": _whole(session.get("avg_heart_rate")),
        "max_heart_rate": _whole(session.get("max_heart_rate")),
        "temperature_c": _number(session.get("avg_temperature")),
        "source": "fit",
    })


# -- XML: GPX and TCX ----------------------------------------------------------------------


def _xml_root(name: str, data: bytes, kind: str) -> Element:
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        root: Element = fromstring(data)
    except DefusedXmlException:
        raise InputError(name, f"the {kind} file declares XML entities, which are refused") from None
    except ParseError as exc:
        raise InputError(name, f"not valid XML ({exc})") from None
    return root


def _local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _extension_values(point: Any, wanted: str) -> Iterable[float]:
    """Numbers in a GPX point's extensions whose element is named `wanted` (hr, atemp)."""
    for extension in getattr(point, "extensions", []) or []:
        for element in extension.iter():
            if _local_name(element.tag) == wanted and element.text:
                try:
                    yield float(element.text)
                except ValueError:
                    continue


def read_gpx(name: str, data: bytes, k: TrainingKnowledge) -> list[ActivityRecord]:
    """One activity per track with timed points."""
    import gpxpy
    import gpxpy.gpx

    root = _xml_root(name, data, "GPX")  # checks the XML is safe before gpxpy parses it
    if _local_name(root.tag) != "gpx":
        raise InputError(name, f"not a GPX file (its root element is <{_local_name(root.tag)}>)")
    try:
        parsed = gpxpy.parse(data.decode("utf-8-sig", errors="replace"))
    except gpxpy.gpx.GPXException as exc:
        raise InputError(name, f"the GPX file could not be read: {exc}") from None
    found = []
    for track in parsed.tracks:
        points = [p for segment in track.segments for p in segment.points if p.time is not None]
        if len(points) < 2:
            continue
        start, end = points[0].time, points[-1].time
        assert start is not None and end is not None
        uphill = track.get_uphill_downhill().uphill
        rates = [v for p in points for v in _extension_values(p, "hr")]
        temps = [v for p in points for v in _extension_values(p, "atemp")]
        found.append(_record(name, {
            "start": start,
            "sport": k.sport_of(track.type),
            "duration_s": _whole((end - start).total_seconds()),
            "distance_m": round(track.length_3d() or track.length_2d(), 1),
            "elevation_gain_m": round(uphill, 1) if uphill else None,
            "avg_heart_rate": round(fmean(rates)) if rates else None,
            "max_heart_rate": round(max(rates)) if rates else None,
            "temperature_c": round(fmean(temps), 1) if temps else None,
            "source": "gpx",
        }))
    return found


def _tcx_float(parent: Element, path: str) -> float | None:
    element = parent.find(path)
    if element is None or element.text is None:
        return None
    try:
        value = float(element.text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def read_tcx(name: str, data: bytes, k: TrainingKnowledge) -> list[ActivityRecord]:
    """One activity per <Activity>: its laps summed, its track points for the climb."""
    root = _xml_root(name, data, "TCX")
    if _local_name(root.tag) != "trainingcenterdatabase":
        raise InputError(name, f"not a TCX file (its root element is <{_local_name(root.tag)}>)")
    found = []
    for activity in root.iter(f"{TCX_NS}Activity"):
        started = activity.findtext(f"{TCX_NS}Id")
        laps = activity.findall(f"{TCX_NS}Lap")
        if not started or not laps:
            continue
        start = _tcx_time(name, started)
        seconds = sum(_tcx_float(lap, f"{TCX_NS}TotalTimeSeconds") or 0.0 for lap in laps)
        distances = [d for lap in laps if (d := _tcx_float(lap, f"{TCX_NS}DistanceMeters")) is not None]
        averages = [(a, _tcx_float(lap, f"{TCX_NS}TotalTimeSeconds") or 0.0) for lap in laps
                    if (a := _tcx_float(lap, f"{TCX_NS}AverageHeartRateBpm/{TCX_NS}Value")) is not None]
        maxima = [m for lap in laps
                  if (m := _tcx_float(lap, f"{TCX_NS}MaximumHeartRateBpm/{TCX_NS}Value")) is not None]
        altitudes = [a for point in activity.iter(f"{TCX_NS}Trackpoint")
                     if (a := _tcx_float(point, f"{TCX_NS}AltitudeMeters")) is not None]
        climb = sum(max(0.0, b - a) for a, b in itertools.pairwise(altitudes))
        weight = sum(w for _, w in averages)
        found.append(_record(name, {
            "start": start,
            "sport": k.sport_of(activity.get("Sport")),
            "duration_s": _whole(seconds),
            "distance_m": sum(distances) if distances else None,
            "elevation_gain_m": round(climb, 1) if altitudes else None,
            "avg_heart_rate": round(sum(a * w for a, w in averages) / weight) if weight else None,
            "max_heart_rate": round(max(maxima)) if maxima else None,
            "source": "tcx",
        }))
    return found


def _tcx_time(name: str, text: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise InputError(name, f"'{text.strip()}' is not a start time") from None


# -- CSV ----------------------------------------------------------------------------------

CSV_TIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d", "%b %d, %Y, %I:%M:%S %p",
                    "%d/%m/%Y %H:%M", "%d/%m/%Y", "%d.%m.%Y %H:%M", "%d.%m.%Y")
CLOCK = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{2})(?:\.\d+)?$")
REQUIRED = {"start": "the date", "sport": "the sport", "duration": "the duration",
            "distance": "the distance"}
ALTERNATIVES = {"duration": "duration_s", "distance": "distance_m"}


def read_csv(name: str, data: bytes, k: TrainingKnowledge) -> list[ActivityRecord]:
    """One activity per row of an activity list (date, sport, duration, distance, ...)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(name, "the CSV file is not UTF-8 text") from None
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = csv.reader(io.StringIO(text), dialect)
    header = next(rows, None)
    if header is None:
        raise InputError(name, "the CSV file is empty")
    columns = _csv_columns(header, k)
    missing = [words for column, words in REQUIRED.items()
               if column not in columns and ALTERNATIVES.get(column) not in columns]
    if missing:
        raise InputError(name, "a CSV activity export needs columns for the date, sport, "
                         f"duration and distance; no column for {', '.join(missing)} "
                         f"(columns found: {', '.join(h.strip() for h in header) or 'none'})")
    found = []
    for line, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        cells = {column: row[index].strip() if index < len(row) else ""
                 for column, index in columns.items()}
        found.append(_csv_row(f"{name} line {line}", cells, k))
    return found


def _csv_columns(header: list[str], k: TrainingKnowledge) -> dict[str, int]:
    names = {" ".join(alias.lower().split()): column
             for column, spec in k.csv_columns.items() for alias in spec.names}
    columns: dict[str, int] = {}
    for index, title in enumerate(header):
        column = names.get(" ".join(title.strip().lower().split()))
        if column is not None and column not in columns:
            columns[column] = index
    return columns


def _csv_row(where: str, cells: dict[str, str], k: TrainingKnowledge) -> ActivityRecord:
    start_text = cells.get("start", "")
    if not start_text:
        raise InputError(where, "the date is empty")
    seconds = (_csv_seconds(where, cells["duration_s"], minutes=False) if cells.get("duration_s")
               else _csv_seconds(where, cells.get("duration", ""), minutes=True))
    if cells.get("distance_m"):
        distance = _csv_number(where, cells["distance_m"], "distance")
    else:
        km = _csv_number(where, cells.get("distance", ""), "distance")
        distance = None if km is None else km * 1000.0
    rate = _csv_number(where, cells.get("avg_heart_rate", ""), "average heart rate")
    peak = _csv_number(where, cells.get("max_heart_rate", ""), "max heart rate")
    return _record(where, {
        "start": _csv_time(where, start_text),
        "sport": k.sport_of(cells.get("sport")),
        "duration_s": seconds,
        "distance_m": distance,
        "elevation_gain_m": _csv_number(where, cells.get("elevation_gain", ""), "elevation gain"),
        "avg_heart_rate": None if rate is None else round(rate),
        "max_heart_rate": None if peak is None else round(peak),
        "temperature_c": _csv_number(where, cells.get("temperature", ""), "temperature"),
        "source": "csv",
    })


def _csv_time(where: str, text: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    for fmt in CSV_TIME_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
    raise InputError(where, f"'{text}' is not a date like 2025-03-03 07:30")


def _csv_seconds(where: str, text: str, *, minutes: bool) -> int:
    """A duration as h:mm:ss or mm:ss, or a plain number (minutes or seconds by column)."""
    clock = CLOCK.match(text)
    if clock:
        hours, mins, secs = (int(part) if part else 0 for part in clock.groups())
        total = hours * 3600 + mins * 60 + secs
    else:
        number = _csv_number(where, text, "duration")
        if number is None:
            raise InputError(where, "the duration is empty")
        total = round(number * 60 if minutes else number)
    if total <= 0:
        raise InputError(where, f"the duration '{text}' is not a positive time")
    return total


def _csv_number(where: str, text: str, what: str) -> float | None:
    cleaned = text.strip().replace(",", ".") if text.count(",") == 1 and "." not in text else text
    cleaned = re.sub(r"\s*(km|m|bpm|°?c)$", "", cleaned.strip().lower())
    if cleaned in ("", "--", "-", "n/a"):
        return None
    try:
        value = float(cleaned)
    except ValueError:
        raise InputError(where, f"the {what} '{text}' is not a number") from None
    if not math.isfinite(value):
        raise InputError(where, f"the {what} '{text}' is not a number")
    return value


READERS: dict[Source, Callable[[str, bytes, TrainingKnowledge], list[ActivityRecord]]] = {
    "fit": read_fit, "gpx": read_gpx, "tcx": read_tcx, "csv": read_csv,
}
