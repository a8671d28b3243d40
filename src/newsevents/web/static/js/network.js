// Who acts on whom: actors or countries as nodes, source→target edges weighted by the number
// of events and coloured from conflict (red) to cooperation (green). Clicking an edge lists
// its events (it sets the dyad filter).
import { echarts } from "../vendor/echarts.js";
import { escapeHTML, goldsteinColour } from "./colours.js";

export class Network {
  constructor(element, list, onEdge) {
    this.chart = echarts.init(element, null, { renderer: "canvas" });
    this.list = list;
    this.onEdge = onEdge;
    this.chart.on("click", (params) => {
      if (params.dataType === "edge") onEdge(params.data.source, params.data.target);
    });
    window.addEventListener("resize", () => this.chart.resize());
  }

  render(network) {
    this.chart.resize();
    const edges = network.edges;
    const weight = new Map();
    for (const e of edges) {
      weight.set(e.source, (weight.get(e.source) || 0) + e.events);
      weight.set(e.target, (weight.get(e.target) || 0) + e.events);
    }
    const most = Math.max(1, ...edges.map((e) => e.events));
    const heaviest = Math.max(1, ...weight.values());
    this.chart.setOption({
      animation: false,
      aria: { enabled: true },
      tooltip: {
        formatter: (p) => (p.dataType === "edge"
          ? `${escapeHTML(p.data.source)} → ${escapeHTML(p.data.target)}<br>${p.data.value} events, ` +
            `Goldstein mean ${p.data.goldstein ?? "–"}`
          : `${escapeHTML(p.name)}: ${p.value} events`),
      },
      series: [{
        type: "graph", layout: "circular", circular: { rotateLabel: true },
        label: { show: true, position: "right", fontSize: 10 },
        edgeSymbol: ["none", "arrow"], edgeSymbolSize: 7,
        emphasis: { focus: "adjacency", lineStyle: { width: 6 } },
        lineStyle: { curveness: 0.2, opacity: 0.85 },
        data: [...weight.entries()].map(([name, value]) => ({
          name, value, symbolSize: 6 + 22 * Math.sqrt(value / heaviest),
          itemStyle: { color: "#5f6b73" },
        })),
        links: edges.map((e) => ({
          source: e.source, target: e.target, value: e.events, goldstein: e.goldstein_mean,
          lineStyle: { width: 1.5 + 7 * (e.events / most), color: goldsteinColour(e.goldstein_mean) },
        })),
      }],
    }, { notMerge: true });
    this.renderList(edges);
  }

  renderList(edges) {
    this.list.replaceChildren(...edges.map((e) => {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = `${e.source} → ${e.target}: ${e.events} events, Goldstein ${e.goldstein_mean ?? "–"}`;
      button.addEventListener("click", () => this.onEdge(e.source, e.target));
      item.append(button);
      return item;
    }));
  }
}
