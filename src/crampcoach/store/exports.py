"""The export files written for a person, so that forgetting them removes those files too.

Only files crampcoach wrote itself are listed (`export --out`, `progress --out`); a file the
person has since moved or replaced is left alone, since it is no longer ours to delete.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from sqlalchemy import ForeignKey, Integer, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from crampcoach.store.models import Base, UTCDateTime, now_utc
from crampcoach.store.people import PersonRef

MAX_PATH = 4096


class ExportFile(Base):
    __tablename__ = "export_files"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), nullable=False, index=True
    )
    path: Mapped[str] = mapped_column(String(MAX_PATH), nullable=False)
    # SHA-256 of what was written: a file changed since is not deleted.
    digest: Mapped[str] = mapped_column(String(64), nullable=False)
    written_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False,
                                                    default=now_utc)


def record_export(session: Session, person: PersonRef, path: Path, content: bytes) -> None:
    resolved = str(path.resolve())
    if len(resolved) <= MAX_PATH:
        session.add(ExportFile(person_id=person.id, path=resolved,
                               digest=hashlib.sha256(content).hexdigest()))


def exports_of(session: Session, person: PersonRef) -> list[Path]:
    """The person's export files that still hold what crampcoach wrote into them."""
    found: list[Path] = []
    for path_text, digest in session.execute(
            select(ExportFile.path, ExportFile.digest).where(ExportFile.person_id == person.id)
            .order_by(ExportFile.id)):
        path = Path(path_text)
        if path not in found and _unchanged(path, digest):
            found.append(path)
    return found


def _unchanged(path: Path, digest: str) -> bool:
    try:
        if not path.is_file() or path.stat().st_size > 256 * 1024 * 1024:
            return False
        return hashlib.sha256(path.read_bytes()).hexdigest() == digest
    except OSError:
        return False


def remove_files(paths: list[Path]) -> list[Path]:
    """Delete the files; returns those that could not be deleted."""
    left = []
    for path in paths:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            left.append(path)
    return left
