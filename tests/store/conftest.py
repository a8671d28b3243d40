"""Store fixtures: hand-built Extractions, and a fresh SQLite file or PostgreSQL schema per test."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from newsevents.model import (
    Actor,
    Article,
    Coder,
    DateValue,
    Event,
    Evidence,
    Extraction,
    Place,
    Quote,
    Span,
    Timex,
    Trigger,
)
from newsevents.store import Store

PG_ENV = "NEWSEVENTS_TEST_PG_URL"
CODER = Coder("newsevents", "0.1.0", "en_core_web_sm 3.8.0", "abc123abc123")


def actor(name: str, country: str | None, sector: str | None, start: int = 0) -> Actor:
    return Actor(text=name, start=start, end=start + len(name), name=name,
                 kind="state" if sector == "GOV" else "person", country=country, sector=sector)


def make_event(article_id: str, index: int, *, type_: str = "ACCUSE",
               source: list[Actor] | None = None, target: list[Actor] | None = None,
               date: str = "2025-05-03", polarity: str = "positive",
               modality: str = "actual", cameo: str = "112", quad: int = 3,
               place: Place | None = None) -> Event:
    trigger = Trigger("accused", 10 + index * 50, 17 + index * 50)
    return Event(
        id=f"{article_id}-e{index}", article_id=article_id, type=type_,
        source=source if source is not None else [actor("United States", "USA", "GOV")],
        target=target if target is not None else [actor("Iran", "IRN", "GOV", 30)],
        date=DateValue(date, "day", date, date, "Monday", "relative"),
        evidence=[Evidence(index, "The United States accused Iran.", 0, 31, trigger)],
        rule="test:rule", cameo=cameo, quad_class=quad, intensity=-2.0, polarity=polarity,
        modality=modality, location=place, contexts=["military"], mode="verbal",
    )


def make_extraction(article_id: str, *, events: list[Event] | None = None,
                    text_body: str | None = None, coder: Coder = CODER,
                    published: str = "2025-05-05") -> Extraction:
    body = text_body or f"The United States accused Iran of attacking a tanker ({article_id})."
    article = Article(id=article_id, text=body, url=f"https://example.com/{article_id}",
                      title=f"Headline {article_id}", outlet="Example Wire",
                      published=published, published_basis="metadata")
    speaker = actor("Marco Rubio", "USA", "GOV")
    quote = Quote(id="q1", article_id=article_id, kind="direct", text="we will respond",
                  start=40, end=55, speaker=speaker, cue="said", sentence_index=0,
                  mentions=[Span(40, 55)])
    return Extraction(
        article=article,
        events=events if events is not None else [make_event(article_id, 0)],
        quotes=[quote],
        timexes=[Timex("Monday", 60, 66, "DATE", "2025-05-03", "day", "2025-05-03",
                       "2025-05-03", "relative")],
        places=[Place("Tehran", "Tehran", "IRN", 70, 76, precision="city", lat=35.7, lon=51.4)],
        coder=coder,
    )


def _fresh_postgres(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def postgres_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"{PG_ENV} is not set: start a server with `source .ci/postgres.sh`")
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: object) -> str:
    """A URL of an empty database: a SQLite file, or a PostgreSQL schema emptied for the test."""
    if request.param == "postgres":
        url = postgres_url()
        _fresh_postgres(url)
        return url
    return f"sqlite:///{tmp_path}/test.db"  # type: ignore[str-bytes-safe]


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    opened = Store.open(db_url)
    yield opened
    opened.close()
