// Build the explorer's vendored assets (run by hand, outputs committed):
//   cd tools/web && npm ci && npm run build
// 1. vendor/echarts.js: the ECharts modules the explorer uses, one minified ES module.
// 2. vendor/world.json: Natural Earth 1:110m countries (world-atlas) as GeoJSON with ISO 3166-1
//    alpha-3 codes in properties.iso3, coordinates rounded to 0.01 degree, Antarctica left out.
// 3. vendor/LICENSES.txt: the licences of what is bundled.
import { build } from "esbuild";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { feature } from "topojson-client";
import countries from "i18n-iso-countries";

const require = createRequire(import.meta.url);
const out = new URL("../../src/newsevents/web/static/vendor/", import.meta.url);
mkdirSync(out, { recursive: true });

await build({
  entryPoints: ["echarts-entry.js"],
  bundle: true,
  format: "esm",
  minify: true,
  legalComments: "none",
  target: "es2020",
  outfile: new URL("echarts.js", out).pathname,
});

const UNNUMBERED = { "Kosovo": "XKX", "N. Cyprus": "CYP", "Somaliland": "SOM" };
// A ring crossing the antimeridian (Russia's Chukotka, Fiji) would be drawn as a band across
// the whole map: its points on the far side are clamped to ±180 (a sliver of land is lost).
const crosses = (ring) => ring.some((p, i) => i && Math.abs(p[0] - ring[i - 1][0]) > 180);
const clampRing = (ring) => {
  if (!crosses(ring)) return ring;
  const side = Math.sign(ring.reduce((sum, p) => sum + Math.sign(p[0]), 0)) || 1;
  return ring.map(([lon, lat]) => [Math.sign(lon) === side ? lon : side * 180, lat]);
};
const clampGeometry = (g) => ({
  type: g.type,
  coordinates: g.type === "Polygon" ? g.coordinates.map(clampRing)
    : g.coordinates.map((polygon) => polygon.map(clampRing)),
});
const round = (value) => Array.isArray(value) ? value.map(round) : Math.round(value * 100) / 100;
const topology = require("world-atlas/countries-110m.json");
const world = feature(topology, topology.objects.countries);
world.features = world.features.filter((f) => f.properties.name !== "Antarctica").map((f) => ({
  type: "Feature",
  properties: {
    name: f.properties.name,
    iso3: UNNUMBERED[f.properties.name] || countries.numericToAlpha3(f.id) || null,
  },
  geometry: { type: f.geometry.type, coordinates: round(clampGeometry(f.geometry).coordinates) },
}));
writeFileSync(new URL("world.json", out), JSON.stringify(world));

const modules = new URL("node_modules/", import.meta.url);
const licence = (title, path) => `== ${title} ==\n\n${readFileSync(new URL(path, modules), "utf8").trim()}\n\n`;
writeFileSync(new URL("LICENSES.txt", out),
  "Third-party assets bundled in this folder (built by tools/web/build.mjs).\n\n" +
  "echarts.js: Apache ECharts 6.1.0 (Apache-2.0) with ZRender (BSD-3-Clause) and tslib (0BSD).\n" +
  "world.json: world-atlas 2.0.2 (ISC), made from Natural Earth 1:110m countries (public domain,\n" +
  "https://www.naturalearthdata.com/about/terms-of-use/).\n\n" +
  licence("Apache ECharts: LICENSE", "echarts/LICENSE") +
  licence("Apache ECharts: NOTICE", "echarts/NOTICE") +
  licence("ZRender: LICENSE", "zrender/LICENSE") +
  licence("tslib: LICENSE.txt", "tslib/LICENSE.txt") +
  licence("world-atlas: LICENSE", "world-atlas/LICENSE"));
console.log("built", out.pathname);
