"""Feed and WARC readers, and the store commands end to end."""

from __future__ import annotations

import io
import json
from pathlib import Path

from typer.testing import CliRunner

from newsevents.cli import _register_all, app
from newsevents.config import Options
from newsevents.ingest import Failure, read_inputs
from newsevents.ingest.feeds import read_feed
from newsevents.ingest.warc import read_warc
from newsevents.model import Article

PARAGRAPH = ("Mexican President Claudia Sheinbaum said on Tuesday that her government had "
             "rejected an offer of United States troops to fight drug cartels in Mexico.")

RSS = f"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Example Wire</title>
<item><title>Mexico rejects troops</title><link>https://example.com/mx</link>
<guid>mx-1</guid><pubDate>Tue, 06 May 2025 10:00:00 GMT</pubDate>
<description>&lt;p&gt;{PARAGRAPH}&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://example.com/empty</link><description></description></item>
</channel></rss>"""


def test_feed_entries_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "news.rss"
    path.write_text(RSS, encoding="utf-8")
    items = list(read_feed(path, Options()))
    article, failure = items
    assert isinstance(article, Article) and article.id == "mx-1"
    assert article.published == "2025-05-06" and article.outlet == "Example Wire"
    assert article.text.startswith("Mexican President") and "<p>" not in article.text
    assert isinstance(failure, Failure) and failure.source == f"{path}#2"
    assert [type(i) for i in read_inputs([str(path)], Options())] == [Article, Failure]


def _warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = [
        ("https://example.com/a", "text/html",
         f"<html><head><title>Troops</title></head><body><article><p>{PARAGRAPH}</p>"
         f"<p>{PARAGRAPH}</p></article></body></html>"),
        ("https://example.com/robots.txt", "text/plain", "User-agent: *"),
        ("https://example.com/menu", "text/html", "<html><body><a href='/'>Home</a></body></html>"),
    ]
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, kind, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body.encode()),
                                               http_headers=headers)
            writer.write_record(record)


def test_warc_html_responses_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _warc(path)
    items = list(read_warc(path, Options()))
    assert len(items) == 2
    article, failure = items
    assert isinstance(article, Article) and article.url == "https://example.com/a"
    assert isinstance(failure, Failure) and failure.source == f"{path}#2"
    assert failure.offset and failure.offset > 0 and failure.code == "E106"


def test_store_commands_end_to_end(tmp_path: Path) -> None:
    _register_all()
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "mx.txt").write_text(PARAGRAPH, encoding="utf-8")
    (folder / "bin.txt").write_bytes(b"\x00\x01\x02")
    (folder / "news.rss").write_text(RSS, encoding="utf-8")
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(folder), "--db", db, "--quiet"])
    assert result.exit_code == 0, result.output
    again = runner.invoke(app, ["ingest", str(folder), "--db", db, "--quiet", "--strict"])
    assert again.exit_code == 3
    failures = runner.invoke(app, ["failures", "--db", db, "--format", "json"])
    sources = sorted(f["source"] for f in json.loads(failures.stdout))
    assert sources == [str(folder / "bin.txt"), f"{folder / 'news.rss'}#2"]
    stats = json.loads(runner.invoke(app, ["stats", "--db", db, "--format", "json"]).stdout)
    # mx.txt and the feed's first entry hold the same text: one article, two sources
    assert stats["articles"] == 1 and stats["failures"] == 2
    from newsevents.store import Store

    with Store.open(db) as store:
        keys = sorted(r["key"] for r in store.rows("article_sources"))
    assert keys == [str((folder / "mx.txt").resolve()), "https://example.com/mx"]
    query = runner.invoke(app, ["query", "--db", db, "--format", "csv", "--limit", "5"])
    assert query.exit_code == 0
    out = tmp_path / "gdelt.csv"
    export = runner.invoke(app, ["export", "--db", db, "--layout", "gdelt", "--format", "csv",
                                 "-o", str(out)])
    assert export.exit_code == 0 and out.exists()
    assert runner.invoke(app, ["timeline", "--db", db]).exit_code == 0
    parquet = runner.invoke(app, ["export", "--db", db, "--format", "parquet"])
    assert parquet.exit_code == 2
