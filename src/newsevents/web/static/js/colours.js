// Quad classes and the conflict → cooperation scale (Goldstein -10 … +10).
export const QUADS = [
  { key: "1", name: "verbal cooperation", colour: "#74c476" },
  { key: "2", name: "material cooperation", colour: "#238b45" },
  { key: "3", name: "verbal conflict", colour: "#fd8d3c" },
  { key: "4", name: "material conflict", colour: "#d7301f" },
  { key: "0", name: "no quad class", colour: "#bdbdbd" },
];

const CONFLICT = [215, 48, 31];
const NEUTRAL = [150, 150, 150];
const COOPERATION = [35, 139, 69];

export function goldsteinColour(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return "rgb(150,150,150)";
  const t = Math.max(-1, Math.min(1, value / 10));
  const [from, to, share] = t < 0 ? [NEUTRAL, CONFLICT, -t] : [NEUTRAL, COOPERATION, t];
  const mix = from.map((c, i) => Math.round(c + (to[i] - c) * share));
  return `rgb(${mix.join(",")})`;
}

export function escapeHTML(text) {
  return String(text ?? "").replace(/[&<>"']/g, (c) => (
    { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}
