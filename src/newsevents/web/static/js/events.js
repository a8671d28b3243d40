// The list of events matching the filters, a page at a time.
import { stateURL } from "./state.js";

function cell(text) {
  const td = document.createElement("td");
  td.textContent = text ?? "";
  return td;
}

export function eventRow(event, state, onOpen) {
  const row = document.createElement("tr");
  row.className = `q${event.quad_class ?? 0}`;
  row.dataset.id = event.id;
  const link = document.createElement("a");
  link.href = stateURL({ ...state, event: event.id });
  link.textContent = event.type;
  link.className = "open-event";
  link.title = `${event.cameo ? `CAMEO ${event.cameo}, ` : ""}${event.polarity}, ${event.modality}`;
  link.addEventListener("click", (e) => {
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    onOpen(event.id);
  });
  const type = document.createElement("td");
  type.append(link);
  if (event.polarity === "negative") type.append(" (not)");
  if (event.modality !== "actual") type.append(` (${event.modality})`);
  row.append(cell(event.date), type, cell(event.source || event.source_code),
    cell(event.target || event.target_code), cell(event.trigger),
    cell(event.location || event.location_country), cell(event.outlet));
  return row;
}
