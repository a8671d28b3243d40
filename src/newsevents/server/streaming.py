"""``GET /events.csv|.jsonl|.parquet``: the whole result streamed in the export module's
layouts, a chunk at a time, so memory stays flat however many events match."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any, Literal

from ..errors import MissingExtraError
from ..export import (
    LAYOUT_SPECS,
    ExportSettings,
    export_rows,
    layout_columns,
    native_record,
    stored_events,
)
from ..store.core import Store
from ..store.query import EventFilter

StreamFormat = Literal["csv", "jsonl", "parquet"]
MEDIA_TYPES: dict[str, str] = {
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "jsonl": "application/x-ndjson",
    "parquet": "application/vnd.apache.parquet",
}
ROWS_PER_CHUNK = 500
ROWS_PER_ROW_GROUP = 10_000


def media_type(settings: ExportSettings) -> str:
    if settings.format == "csv" and LAYOUT_SPECS[settings.layout].delimiter == "\t":
        return MEDIA_TYPES["tsv"]
    return MEDIA_TYPES[settings.format]


def require_parquet() -> None:
    try:
        import pyarrow  # noqa: F401
    except ModuleNotFoundError:
        raise MissingExtraError("pyarrow", "parquet") from None


def stream(store: Store, flt: EventFilter, settings: ExportSettings) -> Iterator[bytes]:
    items = stored_events(store, flt, settings.with_text)
    if settings.format == "jsonl":
        if settings.layout == "native":
            yield from _lines(native_record(i) for i in items)
        else:
            yield from _lines(export_rows(items, settings))
    elif settings.format == "csv":
        yield from _csv(export_rows(items, settings), settings)
    else:
        yield from _parquet(export_rows(items, settings), settings)


def _lines(records: Iterator[dict[str, Any]]) -> Iterator[bytes]:
    chunk: list[str] = []
    for record in records:
        chunk.append(json.dumps(record, ensure_ascii=False) + "\n")
        if len(chunk) >= ROWS_PER_CHUNK:
            yield "".join(chunk).encode("utf-8")
            chunk = []
    if chunk:
        yield "".join(chunk).encode("utf-8")


def _csv(rows: Iterator[dict[str, Any]], settings: ExportSettings) -> Iterator[bytes]:
    spec = LAYOUT_SPECS[settings.layout]
    names = [name for name, _ in layout_columns(settings)]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=names, delimiter=spec.delimiter,
                            lineterminator="\n")
    if spec.header if settings.header is None else settings.header:
        writer.writeheader()
    for count, row in enumerate(rows, start=1):
        writer.writerow({k: _cell(v) for k, v in row.items()})
        if count % ROWS_PER_CHUNK == 0:
            yield _drain(buffer)
    yield _drain(buffer)


def _drain(buffer: io.StringIO) -> bytes:
    data = buffer.getvalue().encode("utf-8")
    buffer.seek(0)
    buffer.truncate()
    return data


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("\t", " ").replace("\r", " ").replace("\n", " ")
    return "" if value is None else value


class _Sink(io.RawIOBase):
    """A write-only file that hands what was written to the response, chunk by chunk."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []
        self.position = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        chunk = bytes(data)
        self.chunks.append(chunk)
        self.position += len(chunk)
        return len(chunk)

    def tell(self) -> int:
        return self.position

    def take(self) -> bytes:
        data = b"".join(self.chunks)
        self.chunks = []
        return data


def _parquet(rows: Iterator[dict[str, Any]], settings: ExportSettings) -> Iterator[bytes]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    kinds = {str: pa.string(), int: pa.int64(), float: pa.float64()}
    schema = pa.schema([(name, kinds[kind]) for name, kind in layout_columns(settings)])
    sink = _Sink()
    with pq.ParquetWriter(pa.PythonFile(sink, mode="w"), schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= ROWS_PER_ROW_GROUP:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
                yield sink.take()
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    yield sink.take()
