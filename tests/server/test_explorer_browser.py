"""The explorer in Debian's Chromium (Playwright, headless) on the sample store: load it,
filter by type and dyad, brush the timeline, open an event and see its evidence highlighted,
follow an edge of the network. Screenshots are left in $NEWSEVENTS_ARTIFACTS (default: a
folder in the temp dir, named at the end of the run)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlparse

import httpx
import pytest

from .conftest import SAVED, artifacts_dir

pytestmark = pytest.mark.browser
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


def chromium() -> str:
    """Debian's Chromium; never a downloaded browser. Outside CI a missing one skips."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    message = ("Debian's chromium is not installed (apt-get install chromium, or "
               "`source .ci/chromium.sh`): the explorer's browser tests need it")
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = chromium()
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, headless=True,
                                              args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, live_server: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, base_url=live_server)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.on("requestfailed", lambda request: errors.append(f"failed: {request.url}"))
    opened.on("request", lambda request: None if request.url.startswith(live_server) or
              request.url.startswith("data:") else errors.append(f"off-site: {request.url}"))
    yield opened
    context.close()
    assert not errors, errors


def ready(page: Any) -> None:
    page.wait_for_selector("body[data-state=ready]", timeout=20_000)
    page.wait_for_timeout(100)
    page.wait_for_selector("body[data-state=ready]", timeout=20_000)


def shot(page: Any, name: str) -> None:
    path = artifacts_dir() / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    SAVED.append(path)


def query(page: Any) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def shown_ids(page: Any) -> list[str]:
    return page.eval_on_selector_all("#event-rows tr", "rows => rows.map(r => r.dataset.id)")


def api(live_server: str, path: str, **params: Any) -> Any:
    return httpx.get(live_server + path, params=params).json()


def test_load_filter_by_type_and_dyad(page: Any, live_server: str) -> None:
    page.goto("/")
    ready(page)
    assert page.locator("#event-rows tr").count() > 0
    assert page.locator("#timeline canvas").count() and page.locator("#map canvas").count()
    shot(page, "01-overview")
    top_type = api(live_server, "/stats", facet="type")["by_type"][0]["key"]
    page.select_option("#f-type", top_type)
    ready(page)
    assert query(page)["type"] == [top_type]
    expected = [e["id"] for e in api(live_server, "/events", type=top_type, _size=50)["events"]]
    assert shown_ids(page) == expected
    assert set(page.locator("#event-rows a.open-event").all_inner_texts()) == {top_type}
    edge = api(live_server, "/stats", facet="network", type=top_type)["network"]["edges"][0]
    dyad = f"{edge['source']}:{edge['target']}"
    page.fill("#f-dyad", dyad)
    page.press("#f-dyad", "Enter")
    ready(page)
    assert query(page)["dyad"] == [dyad] and query(page)["type"] == [top_type]
    assert shown_ids(page) == [e["id"] for e in api(
        live_server, "/events", type=top_type, dyad=dyad, _size=50)["events"]]
    assert 0 < len(shown_ids(page)) <= len(expected)
    shot(page, "02-type-and-dyad")
    page.go_back()
    ready(page)
    assert "dyad" not in query(page) and page.input_value("#f-dyad") == ""


def test_brush_the_timeline(page: Any, live_server: str) -> None:
    page.goto("/?interval=month")
    ready(page)
    before = api(live_server, "/stats", facet="totals")["totals"]["events"]
    box = page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] * 0.55
    page.mouse.move(box["x"] + box["width"] * 0.70, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.80, y, steps=8)
    page.mouse.move(box["x"] + box["width"] * 0.93, y, steps=8)
    page.mouse.up()
    page.wait_for_function("() => new URLSearchParams(location.search).has('since')")
    ready(page)
    since, until = query(page)["since"][0], query(page)["until"][0]
    assert since < until
    assert page.input_value("#f-since") == since and page.input_value("#f-until") == until
    after = api(live_server, "/stats", facet="totals", since=since, until=until)["totals"]
    assert 0 < after["events"] < before
    assert shown_ids(page) == [e["id"] for e in api(
        live_server, "/events", since=since, until=until, _size=50)["events"]]
    shot(page, "03-brushed")
    page.click("#clear-dates")
    ready(page)
    assert "since" not in query(page)


def test_open_an_event_and_see_its_evidence(page: Any, live_server: str) -> None:
    event = next(e for e in api(live_server, "/events", _size=200)["events"]
                 if e["source"] and e["target"] and e["location"])
    page.goto(f"/?type={event['type']}")
    ready(page)
    page.click(f"#event-rows tr[data-id='{event['id']}'] a.open-event")
    ready(page)
    assert query(page)["event"] == [event["id"]]
    view = page.locator("#event-view")
    assert view.is_visible() and not page.locator("#overview").is_visible()
    text = page.locator("#article-text")
    for kind in ("source", "target", "trigger"):
        assert text.locator(f"a.hl-{kind}").count() > 0, kind
    trigger = text.locator("a.hl-trigger").first
    assert trigger.inner_text() == api(live_server, f"/events/{event['id']}")["event"][
        "evidence"][0]["trigger"]["text"]
    assert page.locator("#evidence-fields tr#field-trigger-0").count() == 1
    assert page.locator("#evidence-fields tr#field-source-0").count() == 1
    assert "Rule" in page.locator("#evidence-fields").inner_text()
    assert page.locator("#mentions li").count() >= 1
    trigger.click()
    assert page.evaluate("document.activeElement.id") == "field-trigger-0"
    page.click("#field-source-0 a[data-mark]")
    assert "hl-source" in page.evaluate("document.activeElement.className")
    shot(page, "04-event")
    page.keyboard.press("Escape")
    ready(page)
    assert "event" not in query(page) and page.locator("#overview").is_visible()


EDGE_POINT = """() => {
  const chart = window.newsevents.charts.network;
  const graph = chart.getModel().getSeriesByIndex(0).getGraph();
  const edge = graph.getEdgeByIndex(0);
  const [a, b, control] = edge.getLayout();
  const mid = control ? [0.25 * a[0] + 0.5 * control[0] + 0.25 * b[0],
                         0.25 * a[1] + 0.5 * control[1] + 0.25 * b[1]]
                      : [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  const [x, y] = chart.convertToPixel({seriesIndex: 0}, mid);
  const box = chart.getDom().getBoundingClientRect();
  return {x: box.left + x, y: box.top + y, source: edge.node1.id, target: edge.node2.id};
}"""


def test_follow_a_network_edge(page: Any, live_server: str) -> None:
    page.goto("/")
    ready(page)
    page.locator("#network").scroll_into_view_if_needed()
    point = page.evaluate(EDGE_POINT)
    page.mouse.click(point["x"], point["y"])
    page.wait_for_function("() => new URLSearchParams(location.search).has('dyad')")
    ready(page)
    dyad = query(page)["dyad"][0]
    edges = api(live_server, "/stats", facet="network", top=60)["network"]["edges"]
    # the click lands on the aimed edge, or on one crossing it at that point
    assert dyad in {f"{e['source']}:{e['target']}" for e in edges}
    assert point["source"] in dyad or point["target"] in dyad or len(edges) > 1
    assert shown_ids(page) == [e["id"] for e in api(live_server, "/events", dyad=dyad,
                                                      _size=50)["events"]]
    assert len(shown_ids(page)) > 0
    shot(page, "05-edge")


def test_keyboard_search_and_list(page: Any, live_server: str) -> None:
    page.goto("/")
    ready(page)
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "f-q"
    page.keyboard.type("ceasefire")
    page.keyboard.press("Enter")
    ready(page)
    assert query(page)["q"] == ["ceasefire"]
    assert shown_ids(page) == [e["id"] for e in api(live_server, "/events", q="ceasefire",
                                                      _size=50)["events"]]
    assert page.locator("#quotes-panel").is_visible()
    page.keyboard.press("Escape")  # leaves the search field
    page.keyboard.press("j")
    focused = page.evaluate("document.activeElement.closest('tr')?.dataset.id")
    assert focused == shown_ids(page)[0]
    page.keyboard.press("Enter")
    ready(page)
    assert query(page)["event"] == [focused]
