// ECharts, with only the chart types and components the dashboard draws (tree-shaken: about a third of the full
// library). Each chart's container gets data-rendered="true" once ECharts reports it finished drawing, which the
// browser test waits for.
import { BarChart, FunnelChart, HeatmapChart, LineChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { h } from "./dom";

echarts.use([BarChart, FunnelChart, HeatmapChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** The dashboard's colours: blue for ordinary series, red for risk. */
export const palette = ["#2f5bea", "#14b8a6", "#f59e0b", "#8b5cf6", "#ec4899", "#64748b", "#22c55e", "#0ea5e9", "#f97316", "#a3a3a3", "#6366f1"];
export const riskColor = "#e5484d";

const live = new Set<echarts.ECharts>();

/** An empty container for one chart; draw into it with {@link draw} once it is in the page. */
export function chartBox(name: string, height = 320): HTMLElement {
  const box = h("div", { class: "chart", "data-chart": name, "data-rendered": "false" });
  box.style.height = `${height}px`;
  return box;
}

/** Draws the option into a container that is in the page, and marks it rendered when ECharts has finished. */
export function draw(box: HTMLElement, option: ChartOption): void {
  const chart = echarts.init(box, undefined, { renderer: "canvas" });
  live.add(chart);
  chart.on("finished", () => {
    box.dataset.rendered = "true";
  });
  chart.setOption({
    color: palette,
    textStyle: { fontFamily: getComputedStyle(document.body).fontFamily },
    animationDuration: 400,
    ...option,
    // ECharts' HTML tooltips carry style attributes, which the page's Content-Security-Policy (style-src 'self')
    // refuses; rich-text tooltips are drawn on the canvas instead.
    ...(option.tooltip ? { tooltip: { renderMode: "richText", ...(option.tooltip as object) } } : {}),
  });
}

/** Frees every chart drawn so far (before a screen is replaced). */
export function disposeCharts(): void {
  for (const chart of live) chart.dispose();
  live.clear();
}

window.addEventListener("resize", () => {
  for (const chart of live) chart.resize();
});
