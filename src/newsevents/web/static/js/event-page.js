// One event: the article text with every piece of evidence highlighted (actors, trigger,
// date, place, quote and speaker), each linked both ways to the field it supports; the rule
// that fired; the event's other mentions; the article's other events.
import { getJSON } from "./api.js";
import { escapeHTML } from "./colours.js";
import { highlight } from "./highlight.js";
import { stateURL } from "./state.js";

const QUAD_NAMES = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };

function actorText(actor) {
  const code = [actor.code, actor.country, actor.sector].filter(Boolean).join(", ");
  const name = actor.name || actor.text || "?";
  return `${name}${code ? ` (${code})` : ""}${actor.title ? `, ${actor.title}` : ""}`;
}

function span(item, key, kind, label) {
  return Number.isInteger(item?.start) && Number.isInteger(item?.end)
    ? { start: item.start, end: item.end, key, kind, label } : null;
}

// Every field of the event with the span of text that supports it.
export function evidenceFields(event, quotes) {
  const fields = [];
  const add = (key, kind, label, value, item, extra = "") => fields.push({
    key, kind, label, value, extra, span: span(item, key, kind, `${label}: ${value}`),
  });
  event.source.forEach((a, i) => add(`source-${i}`, "source", "Source", actorText(a), a, a.rule));
  event.target.forEach((a, i) => add(`target-${i}`, "target", "Target", actorText(a), a, a.rule));
  event.evidence.forEach((m, i) => {
    add(`trigger-${i}`, "trigger", i ? `Trigger (mention ${i + 1})` : "Trigger", m.trigger?.text, m.trigger);
    fields.push({ key: `mention-${i}`, kind: "mention", hidden: true,
      span: span(m, `mention-${i}`, "mention", `mention ${i + 1}`) });
  });
  const date = event.date || {};
  add("date", "date", "Date", [date.value, date.precision, date.basis].filter(Boolean).join(", ") ||
    (date.reason ? `none: ${date.reason}` : "none"), date.text ? date : null, date.text ? `“${date.text}”` : "");
  const place = event.location;
  add("place", "place", "Place", place ? [place.name, place.admin1, place.country, place.precision]
    .filter(Boolean).join(", ") : `none${event.location_reason ? `: ${JSON.stringify(event.location_reason)}` : ""}`,
  place);
  for (const q of quotes) {
    add(`quote-${q.id}`, "quote", `Quote (${q.kind})`, q.text ? `“${q.text}”` : `chars ${q.start}–${q.end}`, q, q.cue ? `cue: ${q.cue}` : "");
    if (q.speaker) add(`speaker-${q.id}`, "speaker", "Speaker", actorText(q.speaker), q.speaker, q.speaker.rule);
  }
  const said = event.attribution?.speaker;
  if (said && !quotes.some((q) => q.speaker && q.speaker.start === said.start)) {
    add("speaker", "speaker", "Said by", actorText(said), said, event.attribution.cue ? `cue: ${event.attribution.cue}` : "");
  }
  fields.push({ key: "rule", kind: "rule", label: "Rule", value: event.rule, extra: `confidence ${event.confidence}` });
  return fields;
}

function fact(list, term, value) {
  const dt = document.createElement("dt");
  dt.textContent = term;
  const dd = document.createElement("dd");
  dd.textContent = value ?? "–";
  list.append(dt, dd);
}

function flash(element) {
  element.classList.add("flash");
  setTimeout(() => element.classList.remove("flash"), 1200);
}

function jump(id) {
  const target = document.getElementById(id);
  if (!target) return;
  let shown = target;
  while (shown.classList.contains("anchor") && shown.nextElementSibling) shown = shown.nextElementSibling;
  shown.scrollIntoView({ block: "center", behavior: "instant" });
  flash(shown);
  shown.focus({ preventScroll: true });
}

export class EventPage {
  constructor(root, onOpen) {
    this.root = root;
    this.onOpen = onOpen;
    root.addEventListener("click", (e) => {
      const link = e.target.closest("a[data-field], a[data-mark]");
      if (!link) return;
      e.preventDefault();
      jump(link.dataset.field ? `field-${link.dataset.field}` : `mark-${link.dataset.mark}`);
    });
  }

  async show(id, state) {
    const detail = await getJSON(`/events/${encodeURIComponent(id)}`);
    const article = await getJSON(`/articles/${encodeURIComponent(detail.event.article_id)}`);
    this.render(detail, article, state);
  }

  render(detail, article, state) {
    const { event } = detail;
    const $ = (sel) => this.root.querySelector(sel);
    $("#event-title").textContent = `${event.type}${event.polarity === "negative" ? " (not)" : ""}: ` +
      `${event.source.map(actorText).join("; ") || "?"} → ${event.target.map(actorText).join("; ") || "–"}`;
    const facts = $("#event-facts");
    facts.replaceChildren();
    fact(facts, "Date", event.date?.value);
    fact(facts, "CAMEO", event.cameo);
    fact(facts, "Quad class", event.quad_class ? `${event.quad_class} ${QUAD_NAMES[event.quad_class]}` : null);
    fact(facts, "Goldstein", event.intensity);
    fact(facts, "Modality", `${event.polarity}, ${event.modality}`);
    fact(facts, "Mode", event.mode);
    fact(facts, "Rule", event.rule);
    fact(facts, "Event id", event.id);
    const meta = article.article;
    $("#article-title").textContent = meta.title || meta.id;
    $("#article-meta").textContent = [meta.outlet, meta.published, meta.url, `coded by ${meta.coder_version}`]
      .filter(Boolean).join(" · ");
    const fields = evidenceFields(event, detail.quotes);
    this.renderText($("#article-text"), article, event, fields);
    this.renderFields($("#evidence-fields"), fields);
    this.renderMentions($("#mentions"), event);
    this.renderSiblings($("#siblings"), article.events.filter((e) => e.id !== event.id), state);
  }

  renderText(box, article, event, fields) {
    const spans = fields.map((f) => f.span).filter(Boolean);
    box.replaceChildren();
    if (article.text) { box.append(highlight(article.text, spans)); return; }
    const note = document.createElement("p");
    note.className = "note";
    note.textContent = "This article was stored without its text (--no-text); the evidence sentences follow where kept.";
    box.append(note);
    for (const m of event.evidence) {
      if (!m.sentence) continue;
      const p = document.createElement("p");
      p.append(highlight(m.sentence, spans.filter((s) => s.start >= m.start && s.end <= m.end), m.start));
      box.append(p);
    }
  }

  renderFields(body, fields) {
    body.replaceChildren(...fields.filter((f) => !f.hidden).map((f) => {
      const row = document.createElement("tr");
      row.id = `field-${f.key}`;
      row.tabIndex = -1;
      const th = document.createElement("th");
      th.scope = "row";
      th.innerHTML = `<span class="hl hl-${escapeHTML(f.kind)}">${escapeHTML(f.label)}</span>`;
      const td = document.createElement("td");
      td.textContent = f.value ?? "";
      if (f.extra) {
        const small = document.createElement("div");
        small.className = "note";
        small.textContent = f.extra;
        td.append(small);
      }
      if (f.span) {
        const link = document.createElement("a");
        link.href = `#mark-${f.key}`;
        link.dataset.mark = f.key;
        link.textContent = "in the text";
        td.append(" ", link);
      }
      row.append(th, td);
      return row;
    }));
  }

  renderMentions(list, event) {
    list.replaceChildren(...event.evidence.map((m, i) => {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = `#mark-mention-${i}`;
      link.dataset.mark = `mention-${i}`;
      link.textContent = `sentence ${(m.sentence_index ?? 0) + 1}, “${m.trigger?.text ?? ""}”`;
      item.append(link);
      if (m.sentence) item.append(`: ${m.sentence}`);
      return item;
    }));
  }

  renderSiblings(list, others, state) {
    list.replaceChildren(...others.map((e) => {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = stateURL({ ...state, event: e.id });
      link.textContent = `${e.type}: ${(e.evidence[0]?.trigger?.text) ?? ""} (${e.date?.value ?? "undated"})`;
      link.addEventListener("click", (ev) => { ev.preventDefault(); this.onOpen(e.id); });
      item.append(link);
      return item;
    }));
    if (!others.length) list.innerHTML = "<li>none</li>";
  }
}
