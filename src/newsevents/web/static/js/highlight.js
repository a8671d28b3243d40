// Article text with evidence spans highlighted. Offsets count Unicode code points (as in
// Python), so the text is split into code points, not UTF-16 units. Overlapping spans (an
// actor inside a quote) split the text into segments; each segment links to the field of
// its innermost span, and each span's first segment carries the span's anchor id.

export function segments(length, spans) {
  const valid = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end)
    && s.start >= 0 && s.end <= length && s.start < s.end);
  const cuts = new Set([0, length]);
  for (const s of valid) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [from, to] = [points[i], points[i + 1]];
    const covering = valid.filter((s) => s.start <= from && s.end >= to)
      .sort((a, b) => (a.end - a.start) - (b.end - b.start));
    const starting = valid.filter((s) => s.start === from);
    out.push({ from, to, covering, starting });
  }
  return out;
}

export function highlight(text, spans, offset = 0) {
  const chars = Array.from(text);
  const shifted = spans.map((s) => ({ ...s, start: s.start - offset, end: s.end - offset }));
  const fragment = document.createDocumentFragment();
  for (const piece of segments(chars.length, shifted)) {
    for (const s of piece.starting) {
      const anchor = document.createElement("span");
      anchor.id = `mark-${s.key}`;
      anchor.className = "anchor";
      fragment.append(anchor);
    }
    const content = chars.slice(piece.from, piece.to).join("");
    if (!piece.covering.length) { fragment.append(content); continue; }
    const inner = piece.covering[0];
    const link = document.createElement("a");
    link.href = `#field-${inner.key}`;
    link.dataset.field = inner.key;
    link.className = ["hl", ...new Set(piece.covering.map((s) => `hl-${s.kind}`))].join(" ");
    link.title = piece.covering.map((s) => s.label).join(" · ");
    if (inner.kind === "mention") link.tabIndex = -1;
    link.textContent = content;
    fragment.append(link);
  }
  return fragment;
}
