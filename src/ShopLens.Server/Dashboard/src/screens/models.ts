// Models: the model cards of the prediction tasks, the value models and the recommenders, and which are served.
// Fed by GET /v1/models.
import { get } from "../api";
import { card, h, muted, table } from "../dom";
import { format, t, term } from "../i18n";
import type { Models } from "../types";
import type { Screen, View } from "./screen";

export const models: Screen<Models> = {
  load: () => get<Models>("/v1/models"),

  view(m): View {
    const served = m.served.recommender
      ? t("models.servedRecommender", { model: m.served.recommender, date: format.dateTime(m.served.trained_at), snapshot: format.dateTime(m.served.snapshot_at) })
      : t("models.noRecommender");
    const last = m.retraining.last;
    const element = h(
      "div",
      { class: "stack" },
      card(
        t("models.served"),
        h("p", {}, served),
        m.retraining.running && h("p", { class: "badge" }, t("models.retraining")),
        last &&
          muted(
            last.error
              ? t("models.lastRetrainFailed", { model: last.model, error: last.error })
              : t("models.lastRetrain", { model: last.model, s: format.number(last.seconds, 1), date: format.dateTime(last.ended_at) }),
          ),
      ),
      card(
        t("models.predictions"),
        m.predictions.length === 0
          ? muted(t("models.none"))
          : h(
              "div",
              { class: "scroll" },
              table(
                [t("models.task"), t("models.outcome"), t("models.learner"), t("models.auc"), t("models.prAuc"), t("models.lift"), t("models.baseRate"), t("models.baseline"), t("models.confidence"), t("models.features"), t("common.trained")],
                m.predictions.map((p) => [
                  h("strong", {}, p.task),
                  p.outcome,
                  `${p.learner} (${p.calibration})`,
                  `${format.number(p.test.auc, 3)} (${format.number(p.test.auc_low, 3)}–${format.number(p.test.auc_high, 3)})`,
                  format.number(p.test.pr_auc, 3),
                  format.number(p.test.lift_top10, 2),
                  format.percent(p.test.base_rate),
                  format.number(p.recency_baseline_auc, 3),
                  h("span", { class: `badge confidence-${p.confidence}`, title: p.confidence_reason ?? "" }, term(p.confidence)),
                  h("span", { class: "small" }, p.top_features.slice(0, 5).map((f) => f.feature).join(", ")),
                  format.date(p.created_at),
                ]),
                "data model-cards",
              ),
            ),
      ),
      h(
        "div",
        { class: "grid two" },
        card(
          t("models.values"),
          m.value_models.length === 0
            ? muted(t("models.none"))
            : table(
                [t("common.model"), t("models.horizon"), t("models.calibrationEnd"), t("models.fit"), t("common.trained")],
                m.value_models.map((v) => [h("strong", {}, v.model), format.count(v.horizon_days), format.date(v.calibration_end), h("span", { class: "small" }, fitSummary(v.summary)), format.date(v.trained_at)]),
              ),
        ),
        card(
          t("models.recommenders"),
          m.recommenders.length === 0
            ? muted(t("models.none"))
            : table(
                [t("common.model"), t("models.setting"), t("common.trained")],
                m.recommenders.map((r) => [
                  h("span", {}, h("strong", {}, r.model), r.model === m.served.recommender && h("span", { class: "badge served" }, t("models.servedMark"))),
                  h("code", {}, r.setting),
                  format.dateTime(r.trained_at),
                ]),
                "data recommenders",
              ),
        ),
      ),
    );
    return { element, charts: [] };
  },
};

/** A value model's fitted parameters, e.g. "r 1.27 · alpha 4.91 · converged". */
function fitSummary(summary: Record<string, unknown>): string {
  const parts = Object.entries(summary)
    .filter(([name, v]) => typeof v === "number" && name !== "log_likelihood" && name !== "customers")
    .map(([name, v]) => `${name} ${format.number(v as number, 3)}`);
  if (summary.converged === true) parts.push("✓");
  return parts.join(" · ");
}
