"""The read API on a hand-built store: filters, order, pages, records, counts, exports."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from fastapi.testclient import TestClient

from newsevents.server import API_VERSION, ServerSettings, create_app, streaming
from newsevents.server.charts import bucket, period_of
from newsevents.server.paging import decode_token, encode_token
from newsevents.store import Store
from newsevents.store.query import EventFilter, find_events

PROBLEM = "application/problem+json"


def ids(response: object) -> list[str]:
    return [e["id"] for e in response.json()["events"]]  # type: ignore[attr-defined]


def test_events_come_in_query_order(client: TestClient, small_store: Store) -> None:
    response = client.get("/events")
    assert response.status_code == 200
    assert ids(response) == [r["id"] for r in find_events(small_store, EventFilter())]
    assert ids(response) == ["a2-e0", "a3-e0", "a2-e1", "a1-e1", "a1-e0"]
    first = response.json()["events"][0]
    assert first["source"] == "Mexico" and first["target"] == "United States; Marco Rubio"
    assert first["outlet"] == "Other Paper" and first["title"] == "Headline a2"
    assert response.headers["newsevents-api-version"] == API_VERSION


def test_pages_follow_the_next_token_and_link_header(client: TestClient) -> None:
    seen: list[str] = []
    url: str | None = "/events?_size=2"
    pages = 0
    while url:
        response = client.get(url)
        body = response.json()
        seen += ids(response)
        pages += 1
        if body["next"]:
            assert response.headers["link"] == f'<{body["next_url"]}>; rel="next"'
        else:
            assert "link" not in response.headers
        url = body["next_url"]
    assert pages == 3
    assert seen == ids(client.get("/events"))


def test_pages_cross_from_dated_to_undated_events(tmp_path: object) -> None:
    from dataclasses import replace

    from newsevents.model import DateValue

    from ..store.conftest import make_event, make_extraction

    undated = DateValue(None, None, None, None, reason="no date in the sentence")
    with Store.open(f"sqlite:///{tmp_path}/u.db") as store:
        for n, article in enumerate(("u1", "u2", "u3")):
            events = [make_event(article, i, date=f"2025-0{n + 1}-0{i + 1}") for i in range(2)]
            events.append(replace(make_event(article, 2), date=undated))
            store.add(make_extraction(article, events=events))
        expected = [r["id"] for r in find_events(store, EventFilter())]
        assert expected[-3:] == ["u1-e2", "u2-e2", "u3-e2"]
        with TestClient(create_app(ServerSettings(), store=store)) as client:
            for size in (1, 2, 4, 5, 6, 9):
                seen: list[str] = []
                url: str | None = f"/events?_size={size}"
                while url:
                    page = client.get(url).json()
                    seen += [e["id"] for e in page["events"]]
                    url = page["next_url"]
                assert seen == expected, size


def test_pages_keep_the_filters(client: TestClient) -> None:
    first = client.get("/events", params={"type": ["REJECT", "ASSAULT", "AID"], "_size": 1})
    second = client.get(first.json()["next_url"])
    assert ids(first) + ids(second) == ["a2-e0", "a3-e0"]


@pytest.mark.parametrize(("params", "expected"), [
    ({"type": "THREATEN"}, ["a1-e1"]),
    ({"type": ["REJECT", "THREATEN"]}, ["a2-e0", "a1-e1"]),
    ({"quad": 4}, ["a2-e1"]),
    ({"since": "2025-04", "until": "2025-05-03"}, ["a1-e1", "a1-e0"]),
    ({"source_country": "IRN"}, ["a1-e1"]),
    ({"target_country": "mex", "target_sector": "GOV"}, ["a3-e0", "a2-e1"]),
    ({"dyad": "MEX:USA"}, ["a2-e0", "a3-e0", "a2-e1"]),
    ({"dyad": "IRN:USAGOV"}, ["a1-e1", "a1-e0"]),
    ({"actor": "rubio"}, ["a2-e0"]),
    ({"country": "IRN"}, ["a1-e0"]),
    ({"modality": "future"}, ["a1-e1"]),
    ({"polarity": "negative"}, ["a2-e1"]),
    ({"outlet": "other paper"}, ["a2-e0", "a2-e1"]),
    ({"outlet": ["Example Wire", "Nobody"]}, ["a3-e0", "a1-e1", "a1-e0"]),
    ({"q": "Sheinbaum"}, ["a2-e0", "a2-e1"]),
    ({"q": "respond"}, ["a2-e0", "a2-e1", "a1-e1", "a1-e0"]),  # a3 kept no quote text
    ({"article": "a1"}, ["a1-e1", "a1-e0"]),
])
def test_event_filters(client: TestClient, params: dict, expected: list[str]) -> None:
    response = client.get("/events", params=params)
    assert response.status_code == 200, response.text
    assert ids(response) == expected


def test_outlet_filter_in_query(small_store: Store) -> None:
    rows = find_events(small_store, EventFilter(outlets=("OTHER PAPER",)))
    assert [r["id"] for r in rows] == ["a2-e0", "a2-e1"]


@pytest.mark.parametrize("params", [
    {"since": "May"}, {"until": "2025-13"}, {"type": "BOMBING"}, {"quad": 5},
    {"dyad": "USA"}, {"country": "United States"}, {"modality": "certain"}, {"_size": 0},
    {"_size": 1001}, {"q": ""},
])
def test_bad_parameters_are_problem_documents(client: TestClient, params: dict) -> None:
    response = client.get("/events", params=params)
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    problem = response.json()
    assert problem["status"] == 422 and problem["instance"] == "/events"
    assert problem["type"] == "urn:newsevents:problem:invalid-parameter"
    assert problem["errors"][0]["location"][0] == "query" and problem["detail"]


def test_a_tampered_page_token_is_a_400(client: TestClient) -> None:
    for token in ("nonsense", encode_token(["2025", "a1"]), encode_token([1, 2, 3, 4]),
                  encode_token(["2025-01-01", None, 3, "x"])):
        response = client.get("/events", params={"_next": token})
        assert response.status_code == 400, token
        assert response.json()["type"] == "urn:newsevents:problem:invalid-page-token"
    assert decode_token(encode_token([None, "a", 1, "e"]), (str, str, int, str)) == [
        None, "a", 1, "e"]


def test_one_event_has_its_record_evidence_and_quotes(client: TestClient) -> None:
    body = client.get("/events/a1-e0").json()
    event = body["event"]
    assert event["id"] == "a1-e0" and event["rule"] == "test:rule"
    assert event["evidence"][0]["trigger"] == {"text": "accused", "start": 10, "end": 17}
    assert event["source"][0]["name"] == "United States"
    assert event["location"]["name"] == "Tehran"
    assert body["article"] == {
        "id": "a1", "url": "https://example.com/a1", "title": "Headline a1",
        "outlet": "Example Wire", "published": "2025-05-05", "language": "en",
        "coder_version": body["article"]["coder_version"],
        "coded_at": body["article"]["coded_at"], "text_length": 58, "text_stored": True,
    }
    assert body["quotes"] == []


def test_unknown_records_are_404_problems(client: TestClient) -> None:
    for path in ("/events/nope", "/articles/nope", "/no-such-endpoint"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.headers["content-type"] == PROBLEM
        assert response.json()["instance"] == path


def test_wrong_method_is_405_with_allow(client: TestClient) -> None:
    response = client.delete("/events")
    assert response.status_code == 405
    assert "GET" in response.headers["allow"]
    assert response.headers["content-type"] == PROBLEM


def test_article_has_text_events_quotes_places_timexes(client: TestClient) -> None:
    body = client.get("/articles/a1").json()
    assert body["text"].startswith("The United States accused Iran")
    assert [e["id"] for e in body["events"]] == ["a1-e0", "a1-e1"]
    assert body["quotes"][0]["text"] == "we will respond"
    assert body["quotes"][0]["speaker"]["name"] == "Marco Rubio"
    assert body["places"][0]["name"] == "Tehran" and body["places"][0]["lat"] == 35.7
    assert body["timexes"][0]["value"] == "2025-05-03"


def test_article_stored_without_text(client: TestClient) -> None:
    body = client.get("/articles/a3").json()
    assert body["text"] is None
    assert body["article"]["text_stored"] is False
    assert body["article"]["text_length"] > 0
    assert body["events"][0]["evidence"][0]["sentence"] == ""


def test_actors_by_number_of_events(client: TestClient) -> None:
    actors = client.get("/actors").json()["actors"]
    assert actors[0]["name"] == "United States" and actors[0]["events"] == 5
    assert {a["name"] for a in actors} >= {"Iran", "Mexico", "Marco Rubio"}
    assert [a["name"] for a in client.get("/actors", params={"q": "rub"}).json()["actors"]] == [
        "Marco Rubio"]
    assert [a["name"] for a in client.get("/actors", params={"country": "irn"}).json()[
        "actors"]] == ["Iran"]
    first = client.get("/actors", params={"_size": 2}).json()
    rest = client.get(first["next_url"]).json()
    assert [a["id"] for a in first["actors"] + rest["actors"]] == [a["id"] for a in actors]


def test_quotes_search_and_pages(client: TestClient) -> None:
    every = client.get("/quotes").json()["quotes"]
    assert [q["article_id"] for q in every] == ["a1", "a2", "a3"]
    assert every[0]["article_title"] == "Headline a1"
    assert len(client.get("/quotes", params={"q": "respond"}).json()["quotes"]) == 2  # a3: no text
    assert client.get("/quotes", params={"q": "tanker"}).json()["quotes"] == []
    assert len(client.get("/quotes", params={"speaker": "rubio", "article": "a2"}).json()[
        "quotes"]) == 1
    first = client.get("/quotes", params={"_size": 2}).json()
    assert [q["article_id"] for q in client.get(first["next_url"]).json()["quotes"]] == ["a3"]


def test_failures_listed(tmp_path: object) -> None:
    with Store.open(f"sqlite:///{tmp_path}/f.db") as store:
        store.add_failure("in/x.txt", "binary", "E102", None, coder_version="v")
        store.add_failure("in/y.jsonl:3", "bad json", "E107", 120, coder_version="v")
        with TestClient(create_app(ServerSettings(), store=store)) as client:
            every = client.get("/failures").json()["failures"]
            assert {f["code"] for f in every} == {"E102", "E107"}
            assert [f["source"] for f in client.get(
                "/failures", params={"code": "E107"}).json()["failures"]] == ["in/y.jsonl:3"]
            first = client.get("/failures", params={"_size": 1}).json()
            assert client.get(first["next_url"]).json()["failures"][0]["id"] != first[
                "failures"][0]["id"]


def test_stats_counts_for_the_charts(client: TestClient) -> None:
    stats = client.get("/stats", params={"interval": "day"}).json()
    assert stats["totals"] == {"events": 5, "articles": 3, "failures": 0}
    assert {c["key"]: c["events"] for c in stats["by_quad"]} == {"3": 3, "4": 1, "2": 1}
    assert {c["key"]: c["events"] for c in stats["by_outlet"]} == {
        "Example Wire": 3, "Other Paper": 2}
    assert stats["by_country"][0] == {"key": None, "events": 4}
    periods = stats["timeline"]["periods"]
    assert [p["period"] for p in periods] == ["2025-02-11", "2025-02-12", "2025-04-20",
                                              "2025-05-03"]
    assert periods[0]["quads"] == {"3": 1, "2": 1} and periods[0]["goldstein_mean"] == -2.0
    edges = {(e["source"], e["target"]): e["events"] for e in stats["network"]["edges"]}
    assert edges == {("USA", "IRN"): 1, ("IRN", "USA"): 1, ("MEX", "USA"): 1,
                     ("USA", "MEX"): 2}
    assert stats["places"] == [{"lat": 35.7, "lon": 51.4, "name": "Tehran", "country": "IRN",
                                "precision": "city", "events": 1}]


def test_stats_facets_intervals_and_filters(client: TestClient) -> None:
    only = client.get("/stats", params={"facet": ["timeline"], "interval": "month",
                                        "type": "REJECT"}).json()
    assert list(only) == ["timeline"]
    assert [(p["period"], p["events"]) for p in only["timeline"]["periods"]] == [("2025-02", 1)]
    assert client.get("/stats", params={"facet": "timeline"}).json()["timeline"][
        "interval"] == "day"
    actors = client.get("/stats", params={"facet": "network", "level": "actor"}).json()
    assert ("MEXGOV", "USAGOV") in {
        (e["source"], e["target"]) for e in actors["network"]["edges"]}


def test_stats_are_cached_until_the_store_changes(tmp_path: object) -> None:
    from ..store.conftest import make_event, make_extraction

    with Store.open(f"sqlite:///{tmp_path}/c.db") as store:
        store.add(make_extraction("c1"))
        app = create_app(ServerSettings(), store=store)
        with TestClient(app) as client:
            assert client.get("/stats").json()["totals"]["events"] == 1
            assert len(app.state.cache.entries) == 1
            assert client.get("/stats").json()["totals"]["events"] == 1
            store.add(make_extraction("c2", events=[make_event("c2", 0), make_event("c2", 1)]))
            assert client.get("/stats").json()["totals"]["events"] == 3
        uncached = create_app(ServerSettings(stats_cache=False), store=store)
        with TestClient(uncached) as client:
            assert client.get("/stats").json()["totals"]["events"] == 3
            assert not uncached.state.cache.entries


def test_bucket_counts_wide_dates_apart() -> None:
    rows = [("2025-02-10", "2025-02-10", 1, 2, -4.0, 2), ("2025-02-03", "2025-02-09", 3, 1, 2.0, 1),
            ("2025-01-01", "2025-12-31", 1, 5, 0.0, 5)]
    weeks, wider = bucket(rows, "week")
    assert [(p["period"], p["events"]) for p in weeks] == [("2025-02-03", 1), ("2025-02-10", 2)]
    assert wider == 5
    days, wider_days = bucket(rows, "day")
    assert [p["period"] for p in days] == ["2025-02-10"] and wider_days == 6
    months, _ = bucket(rows, "month")
    assert months[0]["goldstein_mean"] == -0.667 and months[0]["end"] == "2025-02-28"
    from datetime import date
    assert period_of(date(2024, 12, 31), "month") == (date(2024, 12, 1), date(2024, 12, 31))


def test_csv_jsonl_parquet_exports_stream_the_whole_result(client: TestClient) -> None:
    expected = ids(client.get("/events"))
    csv = client.get("/events.csv")
    assert csv.headers["content-type"].startswith("text/csv")
    assert "attachment" in csv.headers["content-disposition"]
    assert list(pd.read_csv(io.StringIO(csv.text))["id"]) == expected
    lines = client.get("/events.jsonl", params={"type": "THREATEN"}).text.splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["a1-e1"]
    assert json.loads(lines[0])["article"]["title"] == "Headline a1"
    parquet = client.get("/events.parquet")
    assert parquet.headers["content-type"] == "application/vnd.apache.parquet"
    assert list(pd.read_parquet(io.BytesIO(parquet.content))["id"]) == expected
    gdelt = client.get("/events.csv", params={"layout": "gdelt"})
    assert gdelt.headers["content-type"].startswith("text/tab-separated-values")
    assert len(gdelt.text.splitlines()) == 4  # the negative event is left out without all=true


def test_streams_come_in_chunks(small_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsevents.export import ExportSettings

    monkeypatch.setattr(streaming, "ROWS_PER_CHUNK", 2)
    monkeypatch.setattr(streaming, "ROWS_PER_ROW_GROUP", 2)
    for fmt in ("jsonl", "csv", "parquet"):
        chunks = list(streaming.stream(small_store, EventFilter(), ExportSettings(format=fmt)))
        assert len([c for c in chunks if c]) >= 3, fmt


def test_openapi_is_versioned_with_examples_and_problems(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert schema["info"]["version"] == API_VERSION
    assert "HTTPValidationError" not in schema["components"]["schemas"]
    events = schema["paths"]["/events"]["get"]
    assert events["responses"]["422"]["content"]["application/problem+json"]
    assert any("examples" in p for p in events["parameters"])
    assert schema["components"]["schemas"]["EventRecord"]["examples"]
    assert "bearer" in json.dumps(schema["components"]["securitySchemes"]).lower()
    assert "/" not in schema["paths"]


def test_cors_is_off_unless_asked(client: TestClient, small_store: Store) -> None:
    headers = {"Origin": "https://example.org"}
    assert "access-control-allow-origin" not in client.get("/events", headers=headers).headers
    app = create_app(ServerSettings(cors_origins=("https://example.org",)), store=small_store)
    with TestClient(app) as allowed:
        got = allowed.get("/events", headers=headers).headers
        assert got["access-control-allow-origin"] == "https://example.org"


def test_about(client: TestClient) -> None:
    assert client.get("/about").json() == {
        "api_version": API_VERSION, "newsevents_version": "0.1.0", "backend": "sqlite",
        "writable": False, "max_body_bytes": 10 * 1024 * 1024}


def test_explorer_is_served_from_the_package(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for asset in ("/static/js/main.js", "/static/css/app.css", "/static/vendor/echarts.js",
                  "/static/vendor/world.json"):
        assert client.get(asset).status_code == 200, asset
    assert "http://" not in page.text and "https://" not in page.text
    world = client.get("/static/vendor/world.json").json()
    assert {"USA", "MEX", "IRN", "XKX"} <= {f["properties"]["iso3"] for f in world["features"]}


def test_explorer_scripts_load_nothing_from_elsewhere() -> None:
    from newsevents.web import static_dir

    for script in (static_dir() / "js").glob("*.js"):
        source = script.read_text(encoding="utf-8")
        assert "http" not in source, script.name
        assert all(line.split("from ")[-1].strip('"; ').startswith(".")
                   for line in source.splitlines() if line.startswith("import ")), script.name


@pytest.mark.postgres
def test_the_api_on_postgresql() -> None:
    from ..store.conftest import _fresh_postgres, postgres_url
    from .conftest import fill

    url = postgres_url()
    _fresh_postgres(url)
    with Store.open(url) as store, TestClient(create_app(ServerSettings(), store=store)) as pg:
        fill(store)
        assert ids(pg.get("/events")) == ["a2-e0", "a3-e0", "a2-e1", "a1-e1", "a1-e0"]
        first = pg.get("/events", params={"_size": 2}).json()
        assert ids(pg.get(first["next_url"])) == ["a2-e1", "a1-e1"]
        assert ids(pg.get("/events", params={"q": "Sheinbaum"})) == ["a2-e0", "a2-e1"]
        assert ids(pg.get("/events", params={"actor": "%"})) == []
        stats = pg.get("/stats", params={"interval": "week"}).json()
        assert stats["totals"]["events"] == 5 and stats["timeline"]["periods"]
        assert len(pg.get("/quotes", params={"q": "respond"}).json()["quotes"]) == 2
        assert pg.get("/actors", params={"q": "rub"}).json()["actors"][0]["name"] == "Marco Rubio"
        assert pg.get("/events", params={"actor": "a\x00b"}).status_code == 422
        assert len(pg.get("/events.csv").text.splitlines()) == 6
