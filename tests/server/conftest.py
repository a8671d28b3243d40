"""Server fixtures: a small hand-built store, the shipped samples coded into a store (once per
session), an app and a client on each, and a live server for the browser tests."""

from __future__ import annotations

import os
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from importlib import resources
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsevents.config import Options
from newsevents.model import Place
from newsevents.server import ServerSettings, create_app
from newsevents.store import IngestSettings, Store, run_ingest

from ..store.conftest import actor, make_event, make_extraction

TOKEN = "test-write-token-0123456789"
USA, IRN, MEX = (actor("United States", "USA", "GOV"), actor("Iran", "IRN", "GOV", 30),
                 actor("Mexico", "MEX", "GOV", 40))
RUBIO = actor("Marco Rubio", "USA", "GOV", 50)
ARTIFACTS_ENV = "NEWSEVENTS_ARTIFACTS"


def fill(store: Store) -> Store:
    """Two articles, four events (the store tests' fixture) and one article kept without text."""
    tehran = Place("Tehran", "Tehran", "IRN", 70, 76, precision="city", lat=35.7, lon=51.4,
                   geonameid=112931)
    store.add(make_extraction("a1", events=[
        make_event("a1", 0, source=[USA], target=[IRN], date="2025-05-03", place=tehran),
        make_event("a1", 1, type_="THREATEN", source=[IRN], target=[USA], date="2025-04-20",
                   cameo="138", quad=3, modality="future"),
    ]))
    a2 = make_extraction("a2", text_body="Mexico rejected the offer of troops, "
                         "Sheinbaum said in Mexico City.", events=[
        make_event("a2", 0, type_="REJECT", source=[MEX], target=[USA, RUBIO],
                   date="2025-02-11", cameo="1212", quad=3),
        make_event("a2", 1, type_="ASSAULT", source=[USA], target=[MEX], date="2025-02-12",
                   cameo="190", quad=4, polarity="negative"),
    ])
    store.add(replace(a2, article=replace(a2.article, outlet="Other Paper")))
    store.add(make_extraction("a3", events=[
        make_event("a3", 0, type_="AID", source=[USA], target=[MEX], date="2025-02-11",
                   cameo="07", quad=2)]), keep_text=False)
    return store


@pytest.fixture(scope="module")
def small_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = Store.open(str(tmp_path_factory.mktemp("api") / "small.db"))
    fill(store)
    yield store
    store.close()


@pytest.fixture(scope="module")
def client(small_store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(ServerSettings(), store=small_store)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The shipped sample articles coded into a SQLite store (what `newsevents demo` makes)."""
    path = tmp_path_factory.mktemp("samples") / "samples.db"
    articles = resources.files("newsevents") / "samples" / "articles.jsonl"
    with Store.open(str(path)) as store:
        run_ingest(store, [str(articles)], Options(), settings=IngestSettings())
    return str(path)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def live_server(sample_db: str) -> Iterator[str]:
    """The app on the sample store, served by uvicorn on a loopback port in a thread."""
    import uvicorn

    port = free_port()
    config = uvicorn.Config(create_app(ServerSettings(db=sample_db)), host="127.0.0.1",
                            port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def artifacts_dir() -> Path:
    """Where the browser tests leave their screenshots ($NEWSEVENTS_ARTIFACTS or a temp dir)."""
    folder = Path(os.environ.get(ARTIFACTS_ENV) or Path(tempfile.gettempdir()) /
                  "newsevents-explorer-screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


SAVED: list[Path] = []


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if SAVED:
        terminalreporter.write_line(
            f"explorer screenshots ({len(SAVED)}): {SAVED[0].parent}", bold=True)
