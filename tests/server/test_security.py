"""Security: writes need the server's token, injection strings change nothing, bodies have a
limit, the server binds to loopback by default."""

from __future__ import annotations

import asyncio
import inspect
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from fastapi.testclient import TestClient

from newsevents.cli.serve import serve_command
from newsevents.server import ServerSettings, create_app
from newsevents.server.coding import CodingPool, Parsed
from newsevents.server.problems import ProblemError
from newsevents.store import Store

from .conftest import TOKEN, fill, free_port

AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARTICLE = ("Mexico rejected the offer of U.S. troops on Monday, President Claudia Sheinbaum "
           "said, and accused Washington of meddling in the country's affairs.")
INJECTIONS = [
    "' OR 1=1 --", "'; DROP TABLE events; --", '" OR ""="', "1) OR (1=1", "%' OR '%'='",
    "USA:MEX' OR '1'='1", "ASSAULT' --", "' UNION SELECT name FROM sqlite_master --",
    "NEAR(a b) OR *", '"unbalanced', "\x00", "%", "_", "\\", "a1' AND SLEEP(5)--",
]
EVENT_PARAMS = ["type", "quad", "country", "source_country", "target_country", "source_sector",
                "target_sector", "dyad", "actor", "modality", "polarity", "outlet", "q",
                "article", "since", "until", "_size", "_next"]
OTHER = [("/actors", "q"), ("/actors", "country"), ("/quotes", "q"), ("/quotes", "speaker"),
         ("/quotes", "article"), ("/failures", "code"), ("/stats", "level"),
         ("/stats", "facet"), ("/stats", "interval")]


@pytest.fixture(scope="module")
def writable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, Store]]:
    store = Store.open(str(tmp_path_factory.mktemp("write") / "w.db"))
    fill(store)
    settings = ServerSettings(write_token=TOKEN, max_body_bytes=20_000)
    with TestClient(create_app(settings, store=store)) as client:
        yield client, store
    store.close()


def _empty_or_refused(response: httpx.Response) -> bool:
    if 400 <= response.status_code < 500:
        return True
    if response.status_code != 200:
        return False
    body = response.json()
    lists = [v for k, v in body.items() if isinstance(v, list)]
    return all(not items for items in lists) and body.get("totals", {}).get("events", 0) == 0


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_strings_in_every_filter_return_4xx_or_nothing_and_change_nothing(
        writable: tuple[TestClient, Store], value: str) -> None:
    client, store = writable
    before = store.table_counts()
    for param in EVENT_PARAMS:
        response = client.get("/events", params={param: value})
        assert _empty_or_refused(response), (param, response.status_code, response.text)
        if param.startswith("_"):
            continue  # page parameters: /stats and exports take none
        response = client.get("/stats", params={param: value})
        assert _empty_or_refused(response), (param, response.status_code, response.text)
        exported = client.get("/events.jsonl", params={param: value})
        assert exported.status_code >= 400 or exported.text == "", (param, exported.text[:200])
    for path, param in OTHER:
        response = client.get(path, params={param: value})
        assert _empty_or_refused(response), (path, param, response.status_code, response.text)
    for path in ("/events/", "/articles/"):
        assert client.get(path + quote(value, safe="")).status_code in (404, 422), (path, value)
    assert store.table_counts() == before
    assert client.get("/events").status_code == 200


def test_writes_are_off_without_a_server_token(client: TestClient) -> None:
    response = client.post("/articles", content=ARTICLE, headers={
        "Content-Type": "text/plain", **AUTH})
    assert response.status_code == 403
    assert response.headers["content-type"] == "application/problem+json"
    assert "read-only" in response.json()["detail"]


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"},
                                     {"Authorization": f"Basic {TOKEN}"},
                                     {"Authorization": TOKEN}])
def test_writes_need_the_token(writable: tuple[TestClient, Store], headers: dict) -> None:
    client, store = writable
    before = store.table_counts()
    response = client.post("/articles", content=ARTICLE,
                           headers={"Content-Type": "text/plain", **headers})
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert store.table_counts() == before


def test_oversized_bodies_get_413(writable: tuple[TestClient, Store]) -> None:
    client, store = writable
    before = store.table_counts()
    big = ("word " * 5000).encode()
    response = client.post("/articles", content=big, headers={"Content-Type": "text/plain",
                                                               **AUTH})
    assert response.status_code == 413
    assert "20000 bytes" in response.json()["detail"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted while it arrives
        for _ in range(30):
            yield b"x" * 1000

    streamed = client.post("/articles", content=chunks(), headers={
        "Content-Type": "text/plain", **AUTH})
    assert streamed.status_code == 413
    assert store.table_counts() == before


def test_posted_text_is_coded_stored_and_returned(writable: tuple[TestClient, Store]) -> None:
    client, _ = writable
    response = client.post("/articles", content=ARTICLE.encode(), params={
        "id": "posted-1", "published": "2025-05-05", "outlet": "Posted Wire"},
        headers={"Content-Type": "text/plain", **AUTH})
    assert response.status_code == 200, response.text
    result = response.json()["results"][0]
    assert result["article_id"] == "posted-1" and result["stored"] is True
    extraction = result["extraction"]
    assert extraction["article"]["outlet"] == "Posted Wire"
    assert {e["type"] for e in extraction["events"]} & {"REJECT", "ACCUSE"}
    stored = client.get("/events", params={"article": "posted-1"}).json()["events"]
    assert [e["id"] for e in stored] == sorted(
        [e["id"] for e in extraction["events"]], key=[e["id"] for e in stored].index)
    again = client.post("/articles", content=ARTICLE.encode(), params={"id": "posted-1"},
                        headers={"Content-Type": "text/plain", **AUTH}).json()
    assert again["results"][0]["stored"] is False


def test_posted_batch_reports_each_line(writable: tuple[TestClient, Store]) -> None:
    client, _ = writable
    lines = [json.dumps({"id": "batch-1", "text": ARTICLE.replace("Monday", "Tuesday"),
                         "published": "2025-05-06"}),
             "{not json",
             json.dumps({"id": "batch-3", "text": "   "}),
             json.dumps({"id": "batch-4", "html": f"<html><body><p>{ARTICLE}</p></body></html>",
                         "extra": 1})]
    response = client.post("/articles", content="\n".join(lines).encode(),
                           headers={"Content-Type": "application/x-ndjson", **AUTH})
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert [r["source"] for r in results] == ["line 1", "line 2", "line 3", "line 4"]
    assert results[0]["stored"] is True and results[0]["extraction"]["events"]
    assert results[1]["failure"]["code"] == "E107"
    assert results[2]["failure"]["code"] == "E107"
    assert "extra" in results[3]["failure"]["reason"]


def test_posted_json_and_bad_bodies(writable: tuple[TestClient, Store]) -> None:
    client, _ = writable
    one = client.post("/articles", json={"id": "json-1", "text": ARTICLE}, headers=AUTH)
    assert one.status_code == 200 and one.json()["results"][0]["article_id"] == "json-1"
    empty = client.post("/articles", content=b"   ", headers={"Content-Type": "text/plain",
                                                                **AUTH})
    assert empty.status_code == 422 and empty.json()["code"] == "E101"
    binary = client.post("/articles", content=bytes(range(256)) * 4,
                         headers={"Content-Type": "text/plain", **AUTH})
    assert binary.status_code == 422 and binary.json()["code"].startswith("E1")
    odd = client.post("/articles", content=b"%PDF", headers={"Content-Type": "application/pdf",
                                                             **AUTH})
    assert odd.status_code == 415


def test_busy_coders_answer_429(small_store: Store) -> None:
    pool = CodingPool(small_store, ServerSettings(workers=1, queue=0))
    assert pool.slots.acquire(blocking=False)
    try:
        with pytest.raises(ProblemError) as refused:
            asyncio.run(pool.code(Parsed()))
        assert refused.value.status == 429 and refused.value.headers["Retry-After"]
    finally:
        pool.slots.release()
        pool.close()


def test_default_bind_is_loopback() -> None:
    defaults = inspect.signature(serve_command).parameters
    assert defaults["host"].default == "127.0.0.1"


def _listening(port: int) -> list[str]:
    """Local addresses of the sockets listening on ``port`` (from /proc/net/tcp*)."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        path = Path(table)
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if int(hex_port, 16) == port and state == "0A":
                found.append(address)
    return found


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs Linux's /proc/net/tcp")
def test_serve_listens_on_loopback_only(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with Store.open(str(db)) as store:
        fill(store)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-c", "from newsevents.cli import main; main()",
                               "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                assert httpx.get(f"http://127.0.0.1:{port}/about").json()["writable"] is False
                break
            except httpx.TransportError:
                assert server.poll() is None and time.monotonic() < deadline, \
                    server.stdout.read().decode() if server.stdout else ""
                time.sleep(0.2)
        assert _listening(port) == ["0100007F"]  # 127.0.0.1, nothing else
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_refuses_a_missing_store(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from newsevents.cli import _register_all, app

    _register_all()
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert "no store at" in result.output
    assert not (tmp_path / "none.db").exists()
