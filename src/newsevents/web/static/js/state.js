// The explorer's state lives in the URL, so that a view can be shared or bookmarked.
export const FILTER_KEYS = ["type", "quad", "country", "dyad", "actor", "modality", "outlet",
  "article", "since", "until", "q"];
export const VIEW_KEYS = ["interval", "level", "event"];
const MULTI = new Set(["type", "quad", "modality", "outlet"]);

export function readState(search = window.location.search) {
  const params = new URLSearchParams(search);
  const state = {};
  for (const key of FILTER_KEYS) {
    state[key] = MULTI.has(key) ? params.getAll(key).filter(Boolean) : (params.get(key) || "");
  }
  state.interval = params.get("interval") || "auto";
  state.level = params.get("level") || "country";
  state.event = params.get("event") || "";
  return state;
}

function append(params, key, value) {
  for (const item of Array.isArray(value) ? value : [value]) {
    if (item !== "" && item !== null && item !== undefined) params.append(key, item);
  }
}

// The API's filter parameters; without the date range for the timeline, which shows it.
export function filterParams(state, { dates = true } = {}) {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    if (!dates && (key === "since" || key === "until")) continue;
    append(params, key, state[key]);
  }
  return params;
}

export function stateURL(state) {
  const params = filterParams(state);
  if (state.interval && state.interval !== "auto") params.set("interval", state.interval);
  if (state.level && state.level !== "country") params.set("level", state.level);
  if (state.event) params.set("event", state.event);
  const query = params.toString();
  return query ? `/?${query}` : "/";
}

export function writeState(state, { replace = false } = {}) {
  const url = stateURL(state);
  if (url === window.location.pathname + window.location.search) return;
  if (replace) window.history.replaceState(null, "", url);
  else window.history.pushState(null, "", url);
}
