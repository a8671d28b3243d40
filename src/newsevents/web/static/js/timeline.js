// Events per period, stacked by quad class, with the mean Goldstein intensity; a horizontal
// brush sets the date range that filters every other panel.
import { echarts } from "../vendor/echarts.js";
import { QUADS } from "./colours.js";

const DAY = 86400000;
const time = (isoDay) => Date.parse(`${isoDay}T00:00:00Z`);
const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);

function dateBounds(value, last) {
  if (!value) return null;
  const [year, month, day] = value.split("-").map(Number);
  if (day) return time(value);
  if (month) return last ? Date.UTC(year, month, 0) : Date.UTC(year, month - 1, 1);
  return last ? Date.UTC(year, 11, 31) : Date.UTC(year, 0, 1);
}

export class Timeline {
  constructor(element, onRange) {
    this.element = element;
    this.chart = echarts.init(element, null, { renderer: "canvas" });
    this.onRange = onRange;
    this.periods = [];
    this.chart.on("brushEnd", (params) => this.brushed(params));
    window.addEventListener("resize", () => this.chart.resize());
  }

  render(timeline, since, until) {
    this.chart.resize();
    this.periods = timeline.periods;
    const at = (p) => time(p.start);
    const stacks = QUADS.filter((q) => this.periods.some((p) => p.quads[q.key]));
    const series = stacks.map((q) => ({
      name: q.name, type: "bar", stack: "events", itemStyle: { color: q.colour },
      barMaxWidth: 24, barMinWidth: 2, emphasis: { focus: "series" },
      data: this.periods.map((p) => [at(p), p.quads[q.key] || 0]),
    }));
    series.push({
      name: "Goldstein mean", type: "line", yAxisIndex: 1, symbol: "circle", symbolSize: 4,
      connectNulls: false, lineStyle: { color: "#333", width: 1.5 }, itemStyle: { color: "#333" },
      data: this.periods.map((p) => [at(p), p.goldstein_mean]),
    });
    this.chart.setOption({
      animation: false,
      aria: { enabled: true },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { top: 0, type: "scroll" },
      grid: { left: 44, right: 44, top: 32, bottom: 28 },
      xAxis: { type: "time", min: this.edge(-1), max: this.edge(1) },
      yAxis: [
        { type: "value", name: "events", minInterval: 1, nameGap: 8 },
        { type: "value", name: "Goldstein", min: -10, max: 10, nameGap: 8, splitLine: { show: false } },
      ],
      brush: {
        xAxisIndex: 0, brushType: "lineX", brushMode: "single", transformable: false,
        throttleType: "debounce", throttleDelay: 200, outOfBrush: { colorAlpha: 0.25 },
        brushStyle: { color: "rgba(31,95,168,0.12)", borderColor: "rgba(31,95,168,0.6)", borderWidth: 1 },
      },
      series,
    }, { notMerge: true });
    this.chart.dispatchAction({
      type: "takeGlobalCursor", key: "brush",
      brushOption: { brushType: "lineX", brushMode: "single" },
    });
    this.showRange(since, until);
  }

  edge(side) {
    if (!this.periods.length) return undefined;
    const p = side < 0 ? this.periods[0] : this.periods[this.periods.length - 1];
    return side < 0 ? time(p.start) - 2 * DAY : time(p.end) + 2 * DAY;
  }

  showRange(since, until) {
    const from = dateBounds(since, false) ?? this.edge(-1);
    const to = dateBounds(until, true) ?? this.edge(1);
    const areas = (since || until) && from !== undefined && to !== undefined
      ? [{ brushType: "lineX", xAxisIndex: 0, coordRange: [from, to] }] : [];
    this.chart.dispatchAction({ type: "brush", areas });
  }

  // Snap the brushed interval outwards to whole periods: the dates of the bars it touches.
  brushed(params) {
    const area = params.areas && params.areas[0];
    if (!area || !area.coordRange) { this.onRange(null); return; }
    const [a, b] = area.coordRange;
    const touched = this.periods.filter((p) => time(p.end) + DAY > a && time(p.start) <= b);
    if (!touched.length) { this.onRange([isoDay(a), isoDay(b)]); return; }
    this.onRange([touched[0].start, touched[touched.length - 1].end]);
  }
}
