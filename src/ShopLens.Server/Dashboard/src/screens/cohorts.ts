// Cohorts: the retention matrix as a heat map, customers grouped by the month (or week) of their first purchase.
// Fed by GET /v1/cohorts?period=month.
import { get } from "../api";
import { chartBox, type ChartOption } from "../charts";
import { card, h, muted } from "../dom";
import { format, t } from "../i18n";
import type { Cohorts } from "../types";
import { axisStyle, type Screen, type View } from "./screen";

let period: "month" | "week" = "month";

export const cohorts: Screen<Cohorts> = {
  load: () => get<Cohorts>(`/v1/cohorts?period=${period}`),

  view(c, reload): View {
    const picker = h("select", { id: "cohort-period" }, ...(["month", "week"] as const).map((p) => h("option", { value: p, selected: p === period }, t(p === "month" ? "cohorts.month" : "cohorts.week"))));
    picker.addEventListener("change", () => {
      period = picker.value === "week" ? "week" : "month";
      reload();
    });
    const toolbar = h("div", { class: "toolbar" }, h("label", { for: "cohort-period" }, t("cohorts.period")), picker);
    if (c.cohorts.length === 0) return { element: h("div", { class: "stack" }, toolbar, card(t("cohorts.title"), muted(t("cohorts.none")))), charts: [] };
    // One row per cohort, oldest on top; 34 px a row keeps a weekly matrix readable.
    const chart = chartBox("cohorts", Math.max(260, 110 + 34 * c.cohorts.length));
    const element = h(
      "div",
      { class: "stack" },
      toolbar,
      card(t("cohorts.title"), muted(t("cohorts.note", { period: t(c.period === "month" ? "cohorts.month" : "cohorts.week") })), chart),
    );
    return { element, charts: [[chart, heatMap(c)]] };
  },
};

function heatMap(c: Cohorts): ChartOption {
  const width = Math.max(...c.cohorts.map((x) => x.rates.length));
  const rows = c.cohorts.map((x) => `${format.month(x.start, c.period)} (${format.count(x.size)})`);
  const cells: [number, number, number | null][] = [];
  c.cohorts.forEach((x, row) => x.rates.forEach((rate, k) => cells.push([k, row, rate == null ? null : Math.round(rate * 1000) / 10])));
  return {
    tooltip: {
      position: "top",
      formatter: (p: { value: [number, number, number | null] }) => `${rows[p.value[1]]} · ${t("cohorts.offset", { n: p.value[0] })}: ${p.value[2] ?? t("common.none")}%`,
    },
    grid: { left: 8, right: 16, top: 8, bottom: 64, containLabel: true },
    xAxis: { type: "category", data: Array.from({ length: width }, (_, k) => t("cohorts.offset", { n: k })), ...axisStyle },
    yAxis: { type: "category", data: rows, inverse: true, ...axisStyle },
    visualMap: {
      min: 0,
      max: 100,
      orient: "horizontal",
      left: "center",
      bottom: 0,
      itemWidth: 12,
      itemHeight: 220,
      text: ["100%", "0%"],
      inRange: { color: ["#eef4ff", "#93b4ff", "#2f5bea", "#1e2f8a"] },
    },
    series: [
      {
        type: "heatmap",
        name: t("tab.cohorts"),
        data: cells,
        label: { show: true, fontSize: 11, formatter: (p: { value: [number, number, number | null] }) => (p.value[2] == null ? "" : `${p.value[2]}%`) },
        itemStyle: { borderColor: "#fff", borderWidth: 2 },
        emphasis: { itemStyle: { shadowBlur: 6, shadowColor: "rgba(0,0,0,0.3)" } },
      },
    ],
  };
}
