// Calls to the JSON API; errors carry the problem document's detail.
export class ApiError extends Error {}

export async function getJSON(path, params) {
  const query = params && params.toString();
  const response = await fetch(query ? `${path}?${query}` : path, {
    headers: { Accept: "application/json" },
  });
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    try {
      const problem = await response.json();
      detail = problem.detail || problem.title || detail;
    } catch (_) { /* not JSON */ }
    throw new ApiError(detail);
  }
  return response.json();
}

export function withParams(params, extra) {
  const merged = new URLSearchParams(params);
  for (const [key, value] of Object.entries(extra)) {
    for (const item of Array.isArray(value) ? value : [value]) merged.append(key, item);
  }
  return merged;
}
