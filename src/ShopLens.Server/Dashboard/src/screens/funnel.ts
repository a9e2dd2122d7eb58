// Funnel: view → cart → purchase within a conversion window, step by step. Fed by
// GET /v1/funnels?steps=view,cart,purchase&window=1d (the window can be changed).
import { get } from "../api";
import { chartBox, type ChartOption } from "../charts";
import { card, h, kpi, table } from "../dom";
import { format, t, term } from "../i18n";
import type { Funnel } from "../types";
import type { Screen, View } from "./screen";

const windows = ["1h", "1d", "7d", "30d"];
let window = "1d";

export const funnel: Screen<Funnel> = {
  load: () => get<Funnel>(`/v1/funnels?steps=view,cart,purchase&window=${encodeURIComponent(window)}`),

  view(f, reload): View {
    const picker = h("select", { id: "funnel-window" }, ...windows.map((w) => h("option", { value: w, selected: w === window }, w)));
    picker.addEventListener("change", () => {
      window = picker.value;
      reload();
    });
    const chart = chartBox("funnel", 360);
    const element = h(
      "div",
      { class: "stack" },
      h("div", { class: "toolbar" }, h("label", { for: "funnel-window" }, t("funnel.window")), picker),
      h(
        "div",
        { class: "kpis" },
        kpi("entered", t("funnel.entered"), format.count(f.entered)),
        kpi("converted", t("funnel.converted"), format.count(f.converted)),
        kpi("funnel-conversion", t("funnel.conversion"), format.percent(f.conversion)),
        kpi("median", t("funnel.median"), format.duration(f.median_time_to_convert_s)),
      ),
      h(
        "div",
        { class: "grid two" },
        card(t("funnel.title", { steps: f.funnel.map(term).join(" → ") }), chart),
        card(
          t("funnel.steps"),
          table(
            [t("funnel.step"), t("common.customers"), t("funnel.fromPrevious"), t("funnel.fromStart"), t("funnel.dropOff"), t("funnel.medianStep")],
            f.steps.map((s) => [
              h("strong", {}, `${s.step}. ${term(s.name)}`),
              format.count(s.customers),
              format.percent(s.conversion),
              format.percent(s.conversion_from_start),
              s.step === 1 ? t("common.none") : `${format.count(s.drop_off)} (${format.percent(s.drop_off_rate)})`,
              format.duration(s.median_time_to_step_s),
            ]),
          ),
        ),
      ),
    );
    return { element, charts: [[chart, chartOption(f)]] };
  },
};

function chartOption(f: Funnel): ChartOption {
  return {
    tooltip: { trigger: "item" },
    series: [
      {
        type: "funnel",
        name: t("tab.funnel"),
        sort: "none",
        left: "10%",
        width: "80%",
        top: 16,
        bottom: 16,
        gap: 4,
        minSize: "20%",
        label: { position: "inside", color: "#fff", fontWeight: 600 },
        itemStyle: { borderColor: "#fff", borderWidth: 1 },
        data: f.steps.map((s) => ({
          name: `${term(s.name)} · ${format.count(s.customers)} (${format.percent(s.conversion_from_start)})`,
          value: s.customers,
        })),
      },
    ],
  };
}
