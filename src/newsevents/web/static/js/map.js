// Where events happened: countries shaded by their number of events, located events as
// points (colour by precision). The world map ships with the package (no tile server).
import { echarts } from "../vendor/echarts.js";
import { escapeHTML } from "./colours.js";

const PRECISION_COLOURS = {
  site: "#08306b", city: "#2171b5", admin2: "#4292c6", admin1: "#6baed6", country: "#9ecae1",
};
let worldLoaded = null;

function loadWorld() {
  worldLoaded ??= fetch("/static/vendor/world.json").then((r) => r.json()).then((world) => {
    echarts.registerMap("world", world);
    return new Map(world.features.map((f) => [f.properties.iso3, f.properties.name]));
  });
  return worldLoaded;
}

export class WorldMap {
  constructor(element, list, onCountry) {
    this.chart = echarts.init(element, null, { renderer: "canvas" });
    this.list = list;
    this.onCountry = onCountry;
    this.names = new Map();
    this.chart.on("click", (params) => {
      if (params.componentType === "series" && params.seriesType === "map") onCountry(params.name);
      if (params.componentType === "geo") onCountry(params.name);
    });
    window.addEventListener("resize", () => this.chart.resize());
  }

  async render(byCountry, places) {
    this.names = await loadWorld();
    this.chart.resize();
    const counts = byCountry.filter((c) => c.key);
    const most = Math.max(1, ...counts.map((c) => c.events));
    const heaviest = Math.max(1, ...places.map((p) => p.events));
    this.chart.setOption({
      animation: false,
      aria: { enabled: true },
      tooltip: {
        trigger: "item",
        formatter: (p) => (p.seriesType === "scatter"
          ? `${escapeHTML(p.data.name)} (${escapeHTML(p.data.precision)}): ${p.data.value[2]} events`
          : `${escapeHTML(this.names.get(p.name) || p.name)}: ${p.value || 0} events`),
      },
      visualMap: {
        type: "continuous", min: 0, max: most, seriesIndex: 0, left: 8, bottom: 8,
        itemHeight: 80, text: ["more", "fewer"], calculable: false,
        inRange: { color: ["#f1f3f5", "#9ecae1", "#1f5fa8"] },
      },
      geo: {
        map: "world", nameProperty: "iso3", roam: true, zoom: 1.15,
        itemStyle: { areaColor: "#f1f3f5", borderColor: "#b8c0c7", borderWidth: 0.5 },
        emphasis: { label: { show: false }, itemStyle: { areaColor: "#f5d76e" } },
      },
      series: [
        { type: "map", geoIndex: 0, data: this.shading(counts) },
        {
          type: "scatter", coordinateSystem: "geo",
          symbolSize: (v) => 4 + 14 * Math.sqrt(v[2] / heaviest),
          data: places.map((p) => ({
            name: p.name || p.country || "", precision: p.precision || "?",
            value: [p.lon, p.lat, p.events],
            itemStyle: { color: PRECISION_COLOURS[p.precision] || "#555", borderColor: "#fff", borderWidth: 0.5 },
          })),
        },
      ],
    }, { notMerge: true });
    this.renderList(counts);
  }

  // Every country gets a value (0 where nothing happened), so that all are shaded alike.
  shading(counts) {
    const seen = new Map(counts.map((c) => [c.key, c.events]));
    return [...this.names.keys()].filter(Boolean).map((iso3) => ({ name: iso3, value: seen.get(iso3) || 0 }));
  }

  renderList(counts) {
    this.list.replaceChildren(...counts.map((c) => {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = `${this.names.get(c.key) || c.key} (${c.key}): ${c.events} events`;
      button.addEventListener("click", () => this.onCountry(c.key));
      item.append(button);
      return item;
    }));
  }
}
