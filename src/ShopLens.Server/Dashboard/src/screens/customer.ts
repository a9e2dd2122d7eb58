// Customer 360°: one customer's record, lifecycle stage, segments, scores, value forecast and recent events
// (GET /v1/customers/{id}), and what to recommend to them with the reason for each (GET /v1/customers/{id}/recommendations?k=10).
import { get } from "../api";
import { chartBox, type ChartOption } from "../charts";
import { card, h, muted, problem, table } from "../dom";
import { format, t, term } from "../i18n";
import type { Customer, Recommendations } from "../types";
import { axisStyle, type Screen, type View } from "./screen";

/** The last lookup: the profile and the recommendations come separately, so one can fail (no recommender) alone. */
interface Lookup {
  id: string | null;
  customer?: PromiseSettledResult<Customer>;
  recommendations?: PromiseSettledResult<Recommendations>;
}

let wanted: string | null = null;

export const customer: Screen<Lookup> = {
  async load() {
    if (!wanted) return { id: null };
    const id = encodeURIComponent(wanted);
    const [c, r] = await Promise.allSettled([get<Customer>(`/v1/customers/${id}`), get<Recommendations>(`/v1/customers/${id}/recommendations?k=10`)]);
    return { id: wanted, customer: c, recommendations: r };
  },

  view(lookup, reload): View {
    const input = h("input", { id: "customer-id", name: "customer-id", type: "search", value: lookup.id ?? "", placeholder: "C000123", spellcheck: "false", required: true });
    const form = h("form", { class: "toolbar", id: "customer-form" }, h("label", { for: "customer-id" }, t("customer.prompt")), input, h("button", { type: "submit", class: "primary" }, t("customer.lookup")));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      wanted = input.value.trim() || null;
      reload();
    });
    const charts: View["charts"] = [];
    const parts: HTMLElement[] = [form];
    if (!lookup.customer) parts.push(muted(t("customer.help")));
    else if (lookup.customer.status === "rejected") parts.push(problem(lookup.customer.reason));
    else {
      const c = lookup.customer.value;
      const activity = chartBox("customer-activity", 220);
      charts.push([activity, activityChart(c)]);
      parts.push(
        h("div", { class: "grid two" }, profileCard(c), valueCard(c)),
        h("div", { class: "grid two" }, card(t("customer.activity"), activityFacts(c), activity), recommendationsCard(lookup.recommendations!)),
        card(
          t("customer.recent"),
          c.recent_events.length === 0
            ? muted(t("customer.noneYet"))
            : h("div", { class: "scroll short" }, table([t("customer.when"), t("customer.type"), t("customer.product")], c.recent_events.map((e) => [format.dateTime(e.timestamp), term(e.type), e.product_id ?? t("common.none")]))),
        ),
      );
    }
    return { element: h("div", { class: "stack", id: "customer-view" }, ...parts), charts };
  },
};

function facts(rows: [string, Node | string][]): HTMLElement {
  return h("dl", { class: "facts" }, ...rows.flatMap(([name, value]) => [h("dt", {}, name), h("dd", {}, value)]));
}

function personal(value: string | null): Node | string {
  return value ?? h("span", { class: "muted" }, t("customer.hidden"));
}

function profileCard(c: Customer): HTMLElement {
  const stage = c.lifecycle_stage;
  return card(
    t("customer.profile"),
    h("div", { class: "profile-head" }, h("span", { class: "customer-id", "data-customer": c.customer_id }, c.customer_id), stage && h("span", { class: `badge stage-${stage}` }, term(stage))),
    facts([
      [t("customer.firstSeen"), format.date(c.first_seen)],
      [t("customer.region"), personal(c.region)],
      [t("customer.channel"), personal(c.channel)],
      [t("customer.ageBand"), personal(c.age_band)],
      [
        t("customer.purchases"),
        c.purchases === null
          ? t("common.none")
          : t("customer.purchasesValue", {
              orders: format.count(c.purchases.orders),
              revenue: format.money(c.purchases.revenue),
              aov: format.money(c.purchases.average_order_value),
              returns: format.count(c.purchases.returns),
            }),
      ],
      [t("customer.lastOrder"), format.date(c.purchases?.last_order ?? null)],
      [t("customer.segments"), Object.keys(c.segments).length === 0 ? t("common.none") : h("span", { class: "chips" }, ...Object.entries(c.segments).map(([method, name]) => h("span", { class: "chip" }, `${method}: ${term(name)}`)))],
      [
        t("customer.scores"),
        Object.keys(c.scores).length === 0
          ? t("common.none")
          : h("span", { class: "chips" }, ...Object.entries(c.scores).map(([task, s]) => h("span", { class: "chip" }, `${task}: ${t("customer.probability", { p: format.percent(s.probability), d: s.decile })}`))),
      ],
    ]),
  );
}

function valueCard(c: Customer): HTMLElement {
  const models = Object.entries(c.value);
  return card(
    t("customer.value"),
    models.length === 0
      ? muted(t("customer.noneYet"))
      : table(
          [t("common.model"), t("customer.pAlive"), t("customer.expectedOrders"), t("customer.expectedSpend"), t("customer.clv"), t("customer.nextOrder")],
          models.map(([model, v]) => [h("strong", {}, model), format.percent(v.p_alive), format.number(v.expected_orders), format.money(v.expected_spend), format.money(v.clv), format.date(v.next_order)]),
        ),
  );
}

function activityFacts(c: Customer): HTMLElement {
  return facts([
    [t("common.events"), format.count(c.activity.events)],
    [t("customer.sessions"), format.count(c.activity.sessions)],
    [t("customer.firstEvent"), format.dateTime(c.activity.first_event)],
    [t("customer.lastEvent"), format.dateTime(c.activity.last_event)],
  ]);
}

function activityChart(c: Customer): ChartOption {
  const types = Object.entries(c.activity.events_by_type).sort((a, b) => b[1] - a[1]);
  return {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: "value", ...axisStyle },
    yAxis: { type: "category", inverse: true, data: types.map(([type]) => term(type)), ...axisStyle },
    series: [{ type: "bar", name: t("common.events"), barMaxWidth: 14, itemStyle: { color: "#2f5bea", borderRadius: [0, 4, 4, 0] }, label: { show: true, position: "right" }, data: types.map(([, n]) => n) }],
  };
}

function recommendationsCard(result: PromiseSettledResult<Recommendations>): HTMLElement {
  if (result.status === "rejected") return card(t("customer.recs"), problem(result.reason));
  const r = result.value;
  const top = Math.max(...r.recommendations.map((x) => x.score), 1e-9);
  return card(
    t("customer.recs"),
    muted(`${t("customer.recsFrom", { model: r.model ?? t("common.none"), date: format.date(r.trained_at) })}${r.live_events > 0 ? ` · ${t("customer.recsLive", { n: r.live_events })}` : ""}`),
    r.recommendations.length === 0
      ? muted(t("customer.noRecs"))
      : h(
          "ol",
          { class: "recs", id: "recommendations" },
          ...r.recommendations.map((x) => {
            const bar = h("span", { class: "score-bar" });
            bar.style.width = `${Math.max(4, Math.round((100 * x.score) / top))}%`;
            return h(
              "li",
              { "data-product": x.product_id },
              h("div", { class: "rec-head" }, h("strong", {}, x.title), h("span", { class: "muted small" }, x.product_id)),
              h("div", { class: "rec-reason" }, `${t("customer.reason")}: ${x.reason}`),
              h("div", { class: "score", title: `${t("customer.score")}: ${format.number(x.score, 4)}` }, bar),
            );
          }),
        ),
  );
}
