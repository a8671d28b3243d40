// The explorer: filters in the URL, a timeline to brush, a dyad network, a map, the events
// list and an event page; every panel reads the JSON API of the same server.
import { getJSON, withParams } from "./api.js";
import { EventPage } from "./event-page.js";
import { eventRow } from "./events.js";
import { WorldMap } from "./map.js";
import { Network } from "./network.js";
import { filterParams, readState, stateURL, writeState } from "./state.js";
import { Timeline } from "./timeline.js";

const $ = (selector) => document.querySelector(selector);
const PAGE = 50;
let state = readState();
let nextToken = null;
let generation = 0;
let pending = 0;

function busy(delta) {
  pending += delta;
  document.body.dataset.state = pending > 0 ? "loading" : "ready";
}

function status(message, error = false) {
  const line = $("#status");
  line.textContent = message;
  line.classList.toggle("error", error);
}

async function task(work) {
  busy(1);
  try {
    await work();
  } catch (error) {
    status(`Could not load: ${error.message}`, true);
  } finally {
    busy(-1);
  }
}

function navigate(changes, { replace = false } = {}) {
  state = { ...state, ...changes };
  writeState(state, { replace });
  render();
}

const timeline = new Timeline($("#timeline"), (range) => navigate(
  range ? { since: range[0], until: range[1], event: "" } : { since: "", until: "", event: "" }));
const network = new Network($("#network"), $("#edge-list"), (a, b) => {
  navigate({ dyad: `${a}:${b}`, event: "" });
  $("#events").scrollIntoView({ block: "start" });
});
const worldMap = new WorldMap($("#map"), $("#country-list"), (iso3) => {
  if (/^[A-Z]{3}$/.test(iso3)) navigate({ country: iso3, event: "" });
});
const eventPage = new EventPage($("#event-view"), (id) => openEvent(id));
window.newsevents = { charts: { timeline: timeline.chart, network: network.chart, map: worldMap.chart } };

function openEvent(id) {
  navigate({ event: id });
}

// --- filters form ----------------------------------------------------------------------

const FORM_KEYS = ["type", "quad", "country", "dyad", "actor", "modality", "outlet", "article",
  "since", "until"];

function fillForm() {
  for (const key of FORM_KEYS) {
    const input = $(`#f-${key}`);
    const value = Array.isArray(state[key]) ? (state[key][0] || "") : state[key];
    if (input.tagName === "SELECT" && value && ![...input.options].some((o) => o.value === value)) {
      input.append(new Option(value, value));
    }
    input.value = value;
  }
  $("#f-q").value = state.q;
  $("#f-interval").value = state.interval;
  $("#f-level").value = state.level;
}

function readForm() {
  const changes = { event: "" };
  for (const key of FORM_KEYS) {
    const value = $(`#f-${key}`).value.trim();
    changes[key] = Array.isArray(state[key]) ? (value ? [value] : []) : value;
  }
  return changes;
}

function options(select, counts, label = (c) => c.key) {
  const keep = select.value;
  select.replaceChildren(new Option("any", ""),
    ...counts.filter((c) => c.key).map((c) => new Option(`${label(c)} (${c.events})`, c.key)));
  select.value = keep;
}

async function loadChoices() {
  const choices = await getJSON("/stats", new URLSearchParams("facet=type&facet=country&facet=outlet"));
  options($("#f-type"), choices.by_type);
  options($("#f-country"), choices.by_country);
  options($("#f-outlet"), choices.by_outlet);
  fillForm();
}

let actorLookup = 0;
async function suggestActors() {
  const words = $("#f-actor").value.trim();
  const mine = ++actorLookup;
  if (words.length < 2) return;
  const page = await getJSON("/actors", new URLSearchParams({ q: words, _size: "20" }));
  if (mine !== actorLookup) return;
  $("#actor-names").replaceChildren(...page.actors.filter((a) => a.name).map((a) => new Option(a.name)));
}

// --- panels ----------------------------------------------------------------------------

async function loadOverview(mine) {
  const filters = filterParams(state);
  const [dated, facets, page] = await Promise.all([
    getJSON("/stats", withParams(filterParams(state, { dates: false }), { facet: "timeline", interval: state.interval })),
    getJSON("/stats", withParams(filters, {
      facet: ["totals", "country", "network", "places"], level: state.level, top: "60" })),
    getJSON("/events", withParams(filters, { _size: String(PAGE) })),
  ]);
  if (mine !== generation) return;
  const t = dated.timeline;
  timeline.render(t, state.since, state.until);
  $("#timeline-note").textContent = `Per ${t.interval}. Not shown: ${t.wider_than_interval} events dated only ` +
    `to a longer span, ${t.undated} undated.`;
  const n = facets.totals;
  $("#totals").textContent = `${n.events.toLocaleString()} events in ${n.articles.toLocaleString()} articles` +
    (n.failures ? `, ${n.failures} failed inputs` : "");
  network.render(facets.network);
  await worldMap.render(facets.by_country, facets.places);
  showEvents(page, false);
  const exports = filters.toString();
  $("#download-csv").href = `/events.csv${exports ? `?${exports}` : ""}`;
  $("#download-jsonl").href = `/events.jsonl${exports ? `?${exports}` : ""}`;
  status(n.events ? "" : "No event matches these filters.");
}

function showEvents(page, append) {
  const rows = page.events.map((e) => eventRow(e, state, openEvent));
  if (append) $("#event-rows").append(...rows);
  else $("#event-rows").replaceChildren(...rows);
  nextToken = page.next;
  $("#more").hidden = !nextToken;
}

async function loadMore() {
  if (!nextToken) return;
  const page = await getJSON("/events", withParams(filterParams(state), { _size: String(PAGE), _next: nextToken }));
  showEvents(page, true);
}

async function loadQuotes(mine) {
  $("#quotes-panel").hidden = !state.q;
  if (!state.q) return;
  const page = await getJSON("/quotes", new URLSearchParams({ q: state.q, _size: "20" }));
  if (mine !== generation) return;
  $("#quote-list").replaceChildren(...page.quotes.map((q) => {
    const item = document.createElement("li");
    const words = document.createElement("q");
    words.textContent = q.text;
    item.append(words, ` — ${q.speaker?.name || q.speaker?.text || "unattributed"}, `);
    const link = document.createElement("a");
    link.href = stateURL({ ...state, q: "", article: q.article_id, event: "" });
    link.textContent = q.article_title || q.article_id;
    link.addEventListener("click", (e) => {
      e.preventDefault();
      navigate({ q: "", article: q.article_id, event: "" });
    });
    item.append(link);
    return item;
  }));
  if (!page.quotes.length) $("#quote-list").innerHTML = "<li>No quote has all these words.</li>";
}

let shownOverview = null;

function render() {
  const mine = ++generation;
  fillForm();
  const showingEvent = Boolean(state.event);
  $("#overview").hidden = showingEvent;
  $("#event-view").hidden = !showingEvent;
  const overviewKey = JSON.stringify({ ...state, event: "" });
  if (showingEvent) {
    task(async () => {
      await eventPage.show(state.event, state);
      $("#event-view").focus({ preventScroll: false });
    });
    return;
  }
  if (overviewKey !== shownOverview) {
    shownOverview = overviewKey;
    task(() => loadOverview(mine));
    task(() => loadQuotes(mine));
  } else {
    for (const chart of Object.values(window.newsevents.charts)) chart.resize();
  }
}

// --- wiring ----------------------------------------------------------------------------

$("#filters").addEventListener("submit", (e) => { e.preventDefault(); navigate(readForm()); });
for (const key of ["type", "quad", "country", "modality", "outlet"]) {
  $(`#f-${key}`).addEventListener("change", () => navigate(readForm()));
}
$("#f-actor").addEventListener("input", () => task(suggestActors));
$("#clear").addEventListener("click", () => navigate({
  type: [], quad: [], country: "", dyad: "", actor: "", modality: [], outlet: [], article: "",
  since: "", until: "", q: "", event: "" }));
$("#clear-dates").addEventListener("click", () => navigate({ since: "", until: "", event: "" }));
$("#f-interval").addEventListener("change", (e) => navigate({ interval: e.target.value }));
$("#f-level").addEventListener("change", (e) => navigate({ level: e.target.value }));
$("#search").addEventListener("submit", (e) => { e.preventDefault(); navigate({ q: $("#f-q").value.trim(), event: "" }); });
$("#more").addEventListener("click", () => task(loadMore));
$("#back").addEventListener("click", (e) => { e.preventDefault(); navigate({ event: "" }); });
$("#home").addEventListener("click", (e) => {
  e.preventDefault();
  state = readState("");
  writeState(state);
  render();
});
window.addEventListener("popstate", () => { state = readState(); render(); });

function moveSelection(step) {
  const links = [...document.querySelectorAll("#event-rows a.open-event")];
  if (!links.length) return;
  const at = links.indexOf(document.activeElement);
  const next = links[Math.max(0, Math.min(links.length - 1, at < 0 ? 0 : at + step))];
  document.querySelectorAll("#event-rows tr.current").forEach((r) => r.classList.remove("current"));
  next.closest("tr").classList.add("current");
  next.focus();
}

document.addEventListener("keydown", (e) => {
  const typing = e.target.matches("input, select, textarea");
  if (e.key === "Escape" && typing) { e.target.blur(); return; }
  if (e.key === "Escape" && state.event) { navigate({ event: "" }); return; }
  if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.key === "/") { e.preventDefault(); $("#f-q").focus(); }
  if (e.key === "j" && !state.event) moveSelection(1);
  if (e.key === "k" && !state.event) moveSelection(-1);
});

task(loadChoices);
render();
