"""Issue 11: files are read by what they hold, not by their name; what cannot be read is a
Failure with its path and reason (JSON of Extractions, XML that is no feed, link loops,
unreadable directories, truncated archives); each article carries its source key."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from newsevents.config import Options
from newsevents.ingest import (
    Failure,
    Sourced,
    check_language,
    file_kind,
    read_inputs,
    read_sourced,
    yields_one_article,
)
from newsevents.ingest.article import nesting_depth
from newsevents.ingest.identity import CONTENT_KEY_PREFIX
from newsevents.model import Article

STORY = ("NAIROBI (Wire) - Kenya's interior minister said on Monday that police had arrested "
         "twelve people after protests over fuel prices turned violent in the capital.")
RSS = ("<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title><item>"
       f"<title>Kenya</title><link>https://e.org/k</link><description>{STORY}</description>"
       "</item></channel></rss>")
OPTIONS = Options()


def kinds(tmp_path: Path, files: dict[str, bytes]) -> dict[str, str]:
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    return {name: file_kind(tmp_path / name) for name in files}


def test_the_kind_comes_from_the_content(tmp_path: Path) -> None:
    found = kinds(tmp_path, {
        "feed.xml": RSS.encode(), "atom.txt": b"<feed xmlns='http://www.w3.org/2005/Atom'/>",
        "out.json": b'{"text": "x"}', "lines.json": b'{"text": "a"}\n{"text": "b"}\n',
        "page.txt": b"<!DOCTYPE html><html><body><p>x</p></body></html>",
        "story.rss": STORY.encode(), "packed.txt": gzip.compress(STORY.encode()),
        "crawl.bin": b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "map.xml": b"<?xml version='1.0'?><urlset/>",
        "empty.jsonl": b"",
    })
    assert found == {"feed.xml": "feed", "atom.txt": "feed", "out.json": "json",
                     "lines.json": "jsonl", "page.txt": "html", "story.rss": "text",
                     "packed.txt": "text", "crawl.bin": "warc", "map.xml": "xml",
                     "empty.jsonl": "jsonl"}


def test_an_rss_file_named_xml_is_read_as_a_feed(tmp_path: Path) -> None:
    (path := tmp_path / "news.xml").write_text(RSS, encoding="utf-8")
    [article] = read_inputs([str(path)], OPTIONS)
    assert isinstance(article, Article) and article.outlet == "Wire"
    assert not yields_one_article([str(path)])


def test_json_files_hold_one_article_or_an_array(tmp_path: Path) -> None:
    (one := tmp_path / "one.json").write_text(json.dumps({"id": "a", "text": STORY}))
    (many := tmp_path / "many.json").write_text(json.dumps(
        [{"url": "https://e.org/1", "text": STORY}, {"text": ""}, 5], indent=2))
    items = list(read_sourced([str(one), str(many)], OPTIONS))
    assert isinstance(items[0], Sourced) and items[0].key == "a"
    assert isinstance(items[1], Sourced) and items[1].key == "https://e.org/1"
    assert [(i.source, i.code) for i in items[2:] if isinstance(i, Failure)] == [
        (f"{many}#2", "E101"), (f"{many}#3", "E107")]


def test_extract_output_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    extraction = {"article": {"id": "a", "text": STORY}, "events": [], "quotes": [],
                  "coder": {"name": "newsevents"}}
    (array := tmp_path / "out.json").write_text(json.dumps([extraction], indent=2))
    (line := tmp_path / "out.jsonl").write_text(json.dumps(extraction) + "\n")
    for path in (array, line):
        [failure] = read_inputs([str(path)], OPTIONS)
        assert isinstance(failure, Failure) and failure.code == "E110"
        assert "output of `newsevents extract`" in failure.reason


def test_source_keys_url_then_id_then_resolved_path(tmp_path: Path, monkeypatch:
                                                     pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "r.jsonl").write_text("\n".join(json.dumps(r) for r in (
        {"url": "https://e.org/u", "id": "i", "text": STORY}, {"id": "i2", "text": STORY},
        {"text": STORY})) + "\n")
    monkeypatch.chdir(tmp_path)
    items = list(read_sourced(["a.txt", "r.jsonl"], OPTIONS, {"url": "https://run.default"}))
    assert [i.key for i in items if isinstance(i, Sourced)] == [
        str(tmp_path / "a.txt"), "https://e.org/u", "i2", f"{tmp_path / 'r.jsonl'}:3"]
    assert [i.location for i in items if isinstance(i, Sourced)] == [
        "a.txt", "r.jsonl:1", "r.jsonl:2", "r.jsonl:3"]


def test_stdin_is_keyed_by_its_content(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(STORY.encode())))
    [item] = read_sourced(["-"], OPTIONS)
    assert isinstance(item, Sourced) and item.key.startswith(CONTENT_KEY_PREFIX)


def test_link_loops_and_broken_links_are_failures_in_a_directory(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(STORY)
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path)  # a directory loop: read once
    items = list(read_inputs([str(tmp_path)], OPTIONS))
    failures = {Path(i.source).name: (i.code, i.reason) for i in items if isinstance(i, Failure)}
    assert [i.id for i in items if isinstance(i, Article)] == ["good"]
    assert failures["self.txt"][0] == "E109" and "link loop" in failures["self.txt"][1]
    assert failures["gone.txt"][0] == "E108" and "nowhere.txt" in failures["gone.txt"][1]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads directories without permission")
def test_an_unreadable_directory_is_a_failure(tmp_path: Path) -> None:
    (locked := tmp_path / "locked").mkdir()
    (locked / "a.txt").write_text(STORY)
    locked.chmod(0)
    try:
        for path in (str(locked), str(tmp_path)):
            [failure] = read_inputs([path], OPTIONS)
            assert isinstance(failure, Failure) and failure.code == "E109"
            assert failure.source == str(locked) and "permission denied" in failure.reason
    finally:
        locked.chmod(0o755)


def test_deeply_nested_html_with_prose_is_read() -> None:
    from newsevents.ingest import article_from_html

    html = "<html><body>" + "<div>" * 5000 + f"<p>{STORY}</p>" + "</div>" * 5000 + "</body></html>"
    assert nesting_depth(html) == 5003  # html, body, 5000 divs, p
    assert article_from_html(html, source="deep", options=OPTIONS).text == STORY


def test_deep_nesting_the_parser_cannot_take_is_said_so() -> None:
    from newsevents.errors import NoArticleError
    from newsevents.ingest import article_from_html

    html = "<html><body>" + "<ins>" * 3000 + STORY + "</ins>" * 3000 + "</body></html>"
    with pytest.raises(NoArticleError, match="too deep to parse"):
        article_from_html(html, source="deep", options=OPTIONS)


@pytest.mark.parametrize(("text", "language"), [
    ("中国外交部发言人周二表示，中方愿同美方加强沟通，妥善处理分歧，推动两国关系健康稳定发展。", "zh"),
    ("Presiden Indonesia bertemu dengan Perdana Menteri Malaysia di Jakarta pada hari Selasa "
     "untuk membahas perbatasan dan perdagangan.", ""),
    ("O presidente do Brasil se reuniu na terça-feira com o líder argentino em Brasília para "
     "discutir o comércio e a segurança na fronteira.", "pt"),
])
def test_refused_when_english_is_not_the_most_likely_language(text: str, language: str) -> None:
    from newsevents.errors import LanguageNotSupportedError

    with pytest.raises(LanguageNotSupportedError, match=f"detected '{language}"):
        check_language(text, source="t")


def test_a_short_english_text_full_of_names_is_english() -> None:
    text = ("On Tuesday, Nigerian junior foreign minister Dubem Oniya summoned Niger's "
            "ambassador Brah Mohamane to complain of inaction over the gangs.")
    assert check_language(text, source="gsr") == "en"
