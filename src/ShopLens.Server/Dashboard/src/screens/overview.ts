// Overview: headline numbers, customers by lifecycle stage (churn risk in red), the value forecast by decile, and the
// event mix. Fed by GET /v1/overview.
import { get } from "../api";
import { chartBox, riskColor, type ChartOption } from "../charts";
import { card, h, kpi, muted } from "../dom";
import { format, t, term } from "../i18n";
import type { Overview } from "../types";
import { axisStyle, type Screen, type View } from "./screen";

const riskStages = new Set(["at_risk", "churned"]);

export const overview: Screen<Overview> = {
  load: () => get<Overview>("/v1/overview"),

  view(o): View {
    const charts: View["charts"] = [];
    const lifecycle = chartBox("lifecycle");
    charts.push([lifecycle, lifecycleChart(o)]);
    const value = o.value && o.value.deciles.length > 0 ? chartBox("value") : null;
    if (value) charts.push([value, valueChart(o)]);
    const events = chartBox("events", 300);
    charts.push([events, eventsChart(o)]);

    const element = h(
      "div",
      { class: "stack" },
      h(
        "div",
        { class: "kpis" },
        kpi("customers", t("kpi.customers"), format.count(o.customers)),
        kpi("buyers", t("kpi.buyers"), format.count(o.buyers)),
        kpi("revenue", t("kpi.revenue"), format.compact(o.revenue), format.money(o.revenue)),
        kpi("conversion", t("kpi.conversion"), format.percent(o.buyer_share), t("kpi.conversion.note")),
        kpi("orders", t("kpi.orders"), format.count(o.orders)),
        kpi("churn", t("kpi.churn"), format.percent(o.churn_risk.share), `${format.count(o.churn_risk.customers)} ${t("kpi.churn.note")}`),
      ),
      h(
        "p",
        { class: "muted small period" },
        `${t("kpi.period", { from: format.date(o.first_time), to: format.date(o.last_time) })} · ${format.count(o.events)} ${t("kpi.events")} · ${format.count(o.products)} ${t("kpi.products")} · ${t("kpi.live", { n: format.count(o.live_events) })}`,
      ),
      h(
        "div",
        { class: "grid two" },
        card(t("overview.lifecycle"), muted(t("overview.lifecycle.note")), lifecycle),
        card(
          t("overview.value"),
          o.value ? muted(t("overview.value.note", { model: o.value.model })) : null,
          value ?? h("div", { class: "empty" }, t("overview.value.none")),
        ),
      ),
      card(t("overview.events"), events),
    );
    return { element, charts };
  },
};

function lifecycleChart(o: Overview): ChartOption {
  const stages = Object.entries(o.lifecycle);
  return {
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    xAxis: { type: "category", data: stages.map(([s]) => term(s)), ...axisStyle, axisLabel: { ...axisStyle.axisLabel, interval: 0, rotate: 30 } },
    yAxis: { type: "value", ...axisStyle },
    series: [
      {
        type: "bar",
        name: t("common.customers"),
        barMaxWidth: 36,
        data: stages.map(([stage, n]) => ({ value: n, itemStyle: { color: riskStages.has(stage) ? riskColor : "#2f5bea", borderRadius: [4, 4, 0, 0] } })),
        label: { show: true, position: "top", color: "#334155", fontSize: 11 },
      },
    ],
  };
}

function valueChart(o: Overview): ChartOption {
  const deciles = o.value!.deciles;
  return {
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, data: [t("overview.meanClv"), t("overview.totalClv")] },
    tooltip: { trigger: "axis" },
    xAxis: { type: "category", data: deciles.map((d) => t("overview.decile", { n: d.decile })), ...axisStyle, axisLabel: { ...axisStyle.axisLabel, interval: 0, rotate: 30 } },
    yAxis: [
      { type: "value", name: t("overview.meanClv"), ...axisStyle, nameTextStyle: { color: "#64748b", align: "left" } },
      { type: "value", name: t("overview.totalClv"), ...axisStyle, splitLine: { show: false }, nameTextStyle: { color: "#64748b", align: "right" } },
    ],
    series: [
      { type: "bar", name: t("overview.meanClv"), barMaxWidth: 32, itemStyle: { color: "#14b8a6", borderRadius: [4, 4, 0, 0] }, data: deciles.map((d) => d.mean_clv) },
      { type: "line", name: t("overview.totalClv"), yAxisIndex: 1, smooth: true, symbolSize: 6, itemStyle: { color: "#f59e0b" }, data: deciles.map((d) => d.total_clv) },
    ],
  };
}

function eventsChart(o: Overview): ChartOption {
  const types = Object.entries(o.events_by_type).sort((a, b) => b[1] - a[1]);
  const categories = [...o.top_categories].reverse();
  return {
    tooltip: { trigger: "item" },
    legend: { orient: "vertical", left: 0, top: "middle", data: types.map(([type]) => term(type)) },
    grid: { left: "55%", right: 24, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: "value", ...axisStyle },
    yAxis: { type: "category", data: categories.map((c) => c.category), ...axisStyle },
    series: [
      {
        type: "pie",
        name: t("overview.events"),
        radius: ["42%", "72%"],
        center: ["32%", "50%"],
        itemStyle: { borderColor: "#fff", borderWidth: 2 },
        label: { formatter: "{d}%" },
        minShowLabelAngle: 6,
        data: types.map(([type, n]) => ({ name: term(type), value: n })),
      },
      { type: "bar", name: t("common.events"), barMaxWidth: 16, itemStyle: { color: "#8b5cf6", borderRadius: [0, 4, 4, 0] }, data: categories.map((c) => c.events) },
    ],
  };
}
