// The parts of Apache ECharts the explorer uses, bundled as one ES module.
import * as echarts from "echarts/core";
import { BarChart, GraphChart, LineChart, MapChart, ScatterChart } from "echarts/charts";
import {
  AriaComponent,
  BrushComponent,
  GeoComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([
  BarChart, GraphChart, LineChart, MapChart, ScatterChart,
  AriaComponent, BrushComponent, GeoComponent, GridComponent, LegendComponent,
  TooltipComponent, VisualMapComponent, CanvasRenderer,
]);

export { echarts };
