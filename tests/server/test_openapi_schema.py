"""A property-based run of the whole OpenAPI schema (schemathesis) on the sample store: for
every operation, requests that fit the schema and requests that do not; no 5xx, every
response matching the schema (status, content type, body, headers), schema-valid requests
accepted and invalid ones refused."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import positive_data_acceptance

from newsevents.server import ServerSettings, create_app
from newsevents.store import Store

from .conftest import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}
EXAMPLES = {GenerationMode.POSITIVE: 30, GenerationMode.NEGATIVE: 15}


@pytest.fixture(scope="module")
def api_app(sample_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    copy = tmp_path_factory.mktemp("schema") / "samples.db"  # POSTs write: not the shared store
    with sqlite3.connect(sample_db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    store = Store.open(str(copy))
    yield create_app(ServerSettings(write_token=TOKEN, max_body_bytes=64_000), store=store)
    store.close()


def _judged_by_content(case: schemathesis.Case) -> bool:
    """Requests a schema cannot tell apart from good ones: a `_next` token of the right
    alphabet that no page gave, and article bodies that are not English prose."""
    return bool((case.query or {}).get("_next")) or case.method.upper() == "POST"


def _check_operation(operation: schemathesis.APIOperation, mode: GenerationMode) -> None:
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES[mode], deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    def run(case: schemathesis.Case) -> None:
        if mode is GenerationMode.NEGATIVE:  # its requests may leave out the token on purpose
            case.call_and_validate()
            return
        excluded = [positive_data_acceptance] if _judged_by_content(case) else []
        case.call_and_validate(headers=AUTH, excluded_checks=excluded)

    run()


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_every_operation_keeps_the_schema(api_app: FastAPI, mode: GenerationMode) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", api_app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    for operation in operations:
        try:
            _check_operation(operation, mode)
        except Unsatisfiable:
            # e.g. a path id whose only invalid values (with NUL) cannot be sent in a URL
            assert mode is GenerationMode.NEGATIVE, operation.label
        except Exception as error:
            raise AssertionError(f"{operation.label} ({mode}): {error}") from error
