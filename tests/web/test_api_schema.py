"""Property-based run of the whole API against its own OpenAPI document (schemathesis).

Every operation gets generated requests, valid and invalid (a bounded number, from a fixed
seed, so a run is repeatable); none may give a server error, every response must match the
documented status codes, media types and schemas, and no request that breaks the schema
may be accepted (`as_of=0` is not a day).
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, seed, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from crampcoach.store import database
from crampcoach.web import create_app

from .clients import settings_for

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance, negative_data_rejection]
HOST = {"host": "127.0.0.1"}  # the app answers loopback names only

# The schema is read when the module is collected, so the app (on its own SQLite file)
# is made here; the fixture below (or, when no test of it runs, the exit) removes it.
_FOLDER = Path(tempfile.mkdtemp(prefix="crampcoach-schema-"))
atexit.register(shutil.rmtree, _FOLDER, True)
_SETTINGS = settings_for(_FOLDER)
schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", create_app(_SETTINGS),
                                        headers=HOST)
schema.config.generation.update(modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE])


@pytest.fixture(scope="module", autouse=True)
def _clean_up() -> Iterator[None]:
    yield
    database.dispose(_SETTINGS.database_url)
    shutil.rmtree(_FOLDER, ignore_errors=True)


@schema.parametrize()
@seed(20_261_126)
@settings(max_examples=50, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_no_server_error_and_no_response_that_breaks_the_schema(case: Any) -> None:
    case.call_and_validate(headers=HOST, checks=CHECKS)
