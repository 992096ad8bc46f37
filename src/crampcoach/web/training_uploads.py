"""Uploaded activity files, read from a multipart request within the training-record limits.

The size is checked from the request's Content-Length before any of the body is read, so a
huge upload is refused without being spooled to disk first.
"""

from __future__ import annotations

from starlette.datastructures import UploadFile
from starlette.requests import Request

from crampcoach.errors import InputError
from crampcoach.training.files import MB, ExportFile, unpack
from crampcoach.training.knowledge import load_training_knowledge

FILES_FIELD = "files"
# A form carries at most this many files; a bigger season goes up as a zip.
MAX_FILES = 1000


class UploadTooLarge(InputError):
    """The request is larger than an upload may be (answered 413)."""


def upload_limit_bytes() -> int:
    return int(load_training_knowledge().limits.max_file_mb * MB)


def check_length(request: Request) -> None:
    """Refuse a body that says it is larger than the limit, or does not say its size."""
    raw = request.headers.get("content-length")
    if raw is None or not raw.isdigit():
        raise UploadTooLarge(FILES_FIELD, "send the files with a Content-Length")
    limit = upload_limit_bytes()
    if int(raw) > limit:
        raise UploadTooLarge(FILES_FIELD, f"the upload is {int(raw) / MB:.1f} MB; at most "
                                          f"{limit // MB} MB at once (zip a season to send it)")


async def exports_from_form(request: Request, extra_fields: tuple[str, ...] = ()
                            ) -> tuple[list[ExportFile], dict[str, str]]:
    """The uploaded files (zips unpacked) and the form's other text fields."""
    check_length(request)
    exports: list[ExportFile] = []
    fields: dict[str, str] = {}
    cap = upload_limit_bytes()
    # The context closes the uploaded files' temporary spools whatever happens.
    async with request.form(max_files=MAX_FILES, max_fields=20, max_part_size=64 * 1024) as form:
        for key, value in form.multi_items():
            if isinstance(value, UploadFile):
                if key != FILES_FIELD:
                    raise InputError(key, f"files go in the '{FILES_FIELD}' field")
                if not value.filename:
                    continue  # an empty file input
                data = await value.read(cap + 1)
                exports.extend(unpack(value.filename, data))
            elif key in extra_fields:
                fields[key] = value
            elif key == FILES_FIELD and not value:
                continue
            else:
                raise InputError(key, "is not a field of this form")
    if not exports:
        raise InputError(FILES_FIELD, "choose at least one .fit, .gpx, .tcx, .csv or .zip file")
    return exports, fields
