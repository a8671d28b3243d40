"""read_inputs: each reader, directories, globs, stdin, the registry, and Failures that never
stop the batch."""

from __future__ import annotations

import io
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsevents.config import Options
from newsevents.ingest import (
    Failure,
    Metadata,
    article_from_text,
    read_inputs,
    register_reader,
    unregister_reader,
    yields_one_article,
)
from newsevents.model import Article

STORY = (
    "NAIROBI (Wire) - Kenya's interior minister said on Monday that police had arrested "
    "twelve people after protests over fuel prices turned violent in the capital."
)
OTHER = (
    "ACCRA (Wire) - Ghana's president met the head of the regional bloc in Accra on Friday "
    "to discuss security along the northern border, his office said."
)
PAGE = (
    "<html><head><title>Ghana hosts bloc leader</title>"
    '<meta name="date" content="2025-02-07"></head><body><article>'
    f"<p>{OTHER}</p><p>The two men agreed to meet again in March, the statement added.</p>"
    "</article></body></html>"
)
OPTIONS = Options()


def _read(paths: list[str], defaults: dict[str, str] | None = None) -> list[Article | Failure]:
    return list(read_inputs(paths, OPTIONS, defaults))


def test_text_file_is_one_article_named_by_its_stem(tmp_path: Path) -> None:
    (tmp_path / "kenya-protests.txt").write_text(STORY, encoding="utf-8")
    [article] = _read([str(tmp_path / "kenya-protests.txt")])
    assert isinstance(article, Article)
    assert article.id == "kenya-protests" and article.text == STORY


def test_text_defaults_apply_to_plain_text(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    defaults = {"published": "2025-02-03", "url": "https://e.org/a", "title": "T", "outlet": "W"}
    [article] = _read([str(tmp_path / "a.txt")], defaults)
    assert isinstance(article, Article)
    assert (article.published, article.published_basis) == ("2025-02-03", "metadata")
    assert (article.url, article.title, article.outlet) == ("https://e.org/a", "T", "W")


def test_unknown_suffix_is_read_as_text(tmp_path: Path) -> None:
    (tmp_path / "story.md").write_text(STORY, encoding="utf-8")
    [article] = _read([str(tmp_path / "story.md")])
    assert isinstance(article, Article) and article.id == "story"


def test_html_file_keeps_its_own_date_and_defaults_fill_the_gaps(tmp_path: Path) -> None:
    (tmp_path / "ghana.html").write_text(PAGE, encoding="utf-8")
    [article] = _read([str(tmp_path / "ghana.html")],
                      {"published": "2025-01-01", "outlet": "Wire"})
    assert isinstance(article, Article)
    assert article.id == "ghana" and "regional bloc" in article.text
    assert (article.published, article.published_basis) == ("2025-02-07", "extracted")
    assert (article.title, article.outlet) == ("Ghana hosts bloc leader", "Wire")


def test_jsonl_one_article_per_line_and_a_malformed_line_is_a_failure(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "k1", "text": STORY, "published": "2025-02-03", "outlet": "Wire"}),
        "",
        '{"id": "broken", "text": "unterminated',
        json.dumps({"id": 7, "html": PAGE, "url": "https://e.org/g"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "nothing"}),
        json.dumps({"id": "bad-date", "text": STORY, "published": "last Monday"}),
        json.dumps({"text": OTHER}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _read([str(path)])
    articles = [i for i in items if isinstance(i, Article)]
    failures = {i.source: i for i in items if isinstance(i, Failure)}
    assert [a.id for a in articles[:2]] == ["k1", "7"]
    assert articles[0].published_basis == "metadata" and articles[0].outlet == "Wire"
    assert articles[1].url == "https://e.org/g" and articles[1].published == "2025-02-07"
    assert len(articles[2].id) == 16  # no id: the text's hash
    assert sorted(failures) == [f"{path}:3", f"{path}:5", f"{path}:6", f"{path}:7"]
    assert "not valid JSON" in failures[f"{path}:3"].reason
    assert failures[f"{path}:3"].offset == len(lines[0]) + 2  # the line's first byte
    assert "'text' or 'html'" in failures[f"{path}:6"].reason
    assert "not an ISO date" in failures[f"{path}:7"].reason
    assert all(f.code == "E107" for f in failures.values())


def test_jsonl_line_with_a_bad_language_or_encoding_goes_on(tmp_path: Path) -> None:
    spanish = "El gobierno de Chile anunció el martes que reanudará las negociaciones pesqueras."
    path = tmp_path / "mixed.ndjson"
    path.write_bytes(
        json.dumps({"id": "es", "text": spanish * 2}).encode() + b"\n"
        + b'{"id": "latin", "text": "caf\xe9"}\n'
        + json.dumps({"id": "en", "text": STORY}).encode() + b"\n"
    )
    items = _read([str(path)])
    assert [type(i).__name__ for i in items] == ["Failure", "Failure", "Article"]
    assert "language not supported: detected 'es'" in items[0].reason  # type: ignore[union-attr]
    assert "UTF-8" in items[1].reason  # type: ignore[union-attr]


def test_directories_are_read_recursively_in_order_skipping_hidden_and_unknown(
    tmp_path: Path,
) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "a.txt").write_text(OTHER, encoding="utf-8")
    (tmp_path / "b" / "g.htm").write_text(PAGE, encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4\x00\x01")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "h.txt").write_text(STORY, encoding="utf-8")
    ids = [i.id for i in _read([str(tmp_path)]) if isinstance(i, Article)]
    assert ids == ["a", "g", "z"]


def test_globs_and_missing_paths(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "two.txt").write_text(OTHER, encoding="utf-8")
    items = _read([str(tmp_path / "*.txt"), str(tmp_path / "missing.txt"),
                   str(tmp_path / "*.nothing")])
    assert [i.id for i in items if isinstance(i, Article)] == ["one", "two"]
    reasons = [i.reason for i in items if isinstance(i, Failure)]
    assert reasons == ["no such file or directory", "no file matches this pattern"]


def test_stdin_is_read_as_text(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = io.TextIOWrapper(io.BytesIO(STORY.encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stream)
    [article] = _read(["-"], {"published": "2025-02-03"})
    assert isinstance(article, Article) and article.published == "2025-02-03"


def test_a_30_mb_file_is_refused_quickly_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("w", encoding="utf-8") as handle:
        for _ in range(30):
            handle.write(STORY[:1000].ljust(1000) * 1000)
    start = time.perf_counter()
    [failure] = _read([str(big)])
    assert time.perf_counter() - start < 1.0
    assert isinstance(failure, Failure) and failure.code == "E104"
    assert "30.0 MB" in failure.reason and "--max-bytes" in failure.reason


def test_every_bad_file_is_a_failure_and_the_good_one_still_comes(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "latin.txt").write_bytes("Kenya's café owners protested.".encode("latin-1"))
    (tmp_path / "good.txt").write_text(STORY, encoding="utf-8")
    items = _read([str(tmp_path / n) for n in ("empty.txt", "binary.txt", "latin.txt",
                                              "good.txt")])
    assert [getattr(i, "code", "ok") for i in items] == ["E101", "E102", "E103", "ok"]
    assert all(isinstance(i, Failure) and i.source.endswith(".txt") for i in items[:3])


def test_a_reader_that_crashes_becomes_a_failure(tmp_path: Path) -> None:
    def broken(path: Path, options: Options, meta: Metadata) -> Iterator[Article | Failure]:
        yield article_from_text(STORY, source=str(path), article_id="first", options=options)
        raise RuntimeError("reader bug")

    register_reader(".broken", broken, many=True)
    try:
        (tmp_path / "x.broken").write_text("whatever", encoding="utf-8")
        (tmp_path / "after.txt").write_text(OTHER, encoding="utf-8")
        items = _read([str(tmp_path / "x.broken"), str(tmp_path / "after.txt")])
    finally:
        unregister_reader(".broken")
    assert [getattr(i, "id", None) for i in items] == ["first", None, "after"]
    assert isinstance(items[1], Failure) and "RuntimeError: reader bug" in items[1].reason


def test_registry_prefers_the_longest_suffix(tmp_path: Path) -> None:
    seen: list[str] = []

    def warc_gz(path: Path, options: Options, meta: Metadata) -> Iterator[Article | Failure]:
        seen.append(path.name)
        yield Failure(f"{path}#1", "no response record", "E106")

    register_reader(".warc.gz", warc_gz, many=True)
    try:
        (tmp_path / "crawl.warc.gz").write_bytes(b"\x1f\x8b")
        [failure] = _read([str(tmp_path / "crawl.warc.gz")])
        assert not yields_one_article([str(tmp_path / "crawl.warc.gz")])
    finally:
        unregister_reader(".warc.gz")
    assert seen == ["crawl.warc.gz"] and isinstance(failure, Failure)
    assert failure.to_dict() == {"source": f"{tmp_path}/crawl.warc.gz#1",
                                 "reason": "no response record", "code": "E106", "offset": None}


def test_one_article_inputs_versus_many(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text("", encoding="utf-8")
    assert yields_one_article([str(tmp_path / "a.txt")])
    assert yields_one_article(["-"])
    assert not yields_one_article([str(tmp_path / "b.jsonl")])
    assert not yields_one_article([str(tmp_path)])
    assert not yields_one_article([str(tmp_path / "a.txt"), str(tmp_path / "a.txt")])
