// Segments: each saved segmentation's segments, their customers, revenue and RFM means. Fed by GET /v1/segments.
import { get } from "../api";
import { chartBox, palette, type ChartOption } from "../charts";
import { card, h, muted, table } from "../dom";
import { format, t, term } from "../i18n";
import type { Segment, Segments } from "../types";
import { axisStyle, type Screen, type View } from "./screen";

let chosen: string | null = null;

export const segments: Screen<Segments> = {
  load: () => get<Segments>("/v1/segments"),

  view(data, reload): View {
    const all = data.segmentations;
    if (all.length === 0) return { element: card(t("tab.segments"), muted(t("segments.none"))), charts: [] };
    // RFM first when there is one: its named segments read better than numbered clusters.
    const current = all.find((s) => s.method === chosen) ?? all.find((s) => s.method === "rfm") ?? all[0];
    const picker = h("select", { id: "segmentation" }, ...all.map((s) => h("option", { value: s.method, selected: s.method === current.method }, s.method)));
    picker.addEventListener("change", () => {
      chosen = picker.value;
      reload();
    });
    const ordered = [...current.segments].sort((a, b) => b.customers - a.customers);
    const bars = chartBox("segments", 340);
    const pie = chartBox("segment-share", 340);
    const element = h(
      "div",
      { class: "stack" },
      h(
        "div",
        { class: "toolbar" },
        h("label", { for: "segmentation" }, t("segments.pick")),
        picker,
        h("span", { class: "muted small" }, t("segments.total", { n: format.count(current.customers), date: current.as_of ? format.date(current.as_of) : t("segments.latest") })),
      ),
      h("div", { class: "grid wide-narrow" }, card(t("segments.chart"), bars), card(t("segments.pie"), pie)),
      card(
        current.method,
        h(
          "div",
          { class: "scroll" },
          table(
            [t("segments.name"), t("segments.rule"), t("common.customers"), t("common.share"), t("common.revenue"), t("segments.revenueShare"), t("segments.buyers"), t("segments.recency"), t("segments.frequency"), t("segments.monetary")],
            ordered.map((s) => [
              h("strong", {}, term(s.name)),
              s.rule ? h("code", {}, s.rule) : t("common.none"),
              format.count(s.customers),
              format.percent(s.share),
              format.money(s.revenue),
              format.percent(s.revenue_share),
              format.count(s.buyers),
              format.number(s.mean_recency_days, 1),
              format.number(s.mean_frequency, 2),
              format.money(s.mean_monetary),
            ]),
          ),
        ),
      ),
    );
    return { element, charts: [[bars, barChart(ordered)], [pie, pieChart(ordered)]] };
  },
};

function barChart(list: Segment[]): ChartOption {
  return {
    legend: { top: 0, data: [t("common.customers"), t("segments.revenueShare")] },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: list.map((s) => term(s.name)), ...axisStyle, axisLabel: { ...axisStyle.axisLabel, interval: 0, rotate: 30 } },
    yAxis: [
      { type: "value", ...axisStyle },
      { type: "value", ...axisStyle, splitLine: { show: false }, axisLabel: { ...axisStyle.axisLabel, formatter: (v: number) => format.percent(v, 0) } },
    ],
    series: [
      { type: "bar", name: t("common.customers"), barMaxWidth: 32, itemStyle: { color: palette[0], borderRadius: [4, 4, 0, 0] }, data: list.map((s) => s.customers) },
      { type: "bar", name: t("segments.revenueShare"), yAxisIndex: 1, barMaxWidth: 32, itemStyle: { color: palette[2], borderRadius: [4, 4, 0, 0] }, data: list.map((s) => s.revenue_share) },
    ],
  };
}

function pieChart(list: Segment[]): ChartOption {
  return {
    tooltip: { trigger: "item" },
    series: [
      {
        type: "pie",
        name: t("segments.pie"),
        radius: ["30%", "56%"],
        itemStyle: { borderColor: "#fff", borderWidth: 2 },
        label: { formatter: "{b}\n{d}%", fontSize: 11, lineHeight: 15 },
        minShowLabelAngle: 6,
        data: list.map((s) => ({ name: term(s.name), value: s.customers })),
      },
    ],
  };
}
