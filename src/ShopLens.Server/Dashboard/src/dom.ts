// Builds the page from data with textContent only (never innerHTML), so nothing the server returns can become markup.
import { ApiError } from "./api";
import { t } from "./i18n";

type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | number | boolean | null | undefined>;

/** An element with attributes (class, data-*, …) and children; false, null and undefined children are skipped. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value == null) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === false || child == null) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** A titled card. */
export function card(title: string, ...children: Child[]): HTMLElement {
  return h("section", { class: "card" }, h("h2", {}, title), ...children);
}

/** A headline number with a label and an optional note under it. */
export function kpi(name: string, label: string, value: string, note?: string): HTMLElement {
  return h("div", { class: "kpi", "data-kpi": name }, h("div", { class: "kpi-label" }, label), h("div", { class: "kpi-value" }, value), note && h("div", { class: "kpi-note" }, note));
}

/** A table from a header row and body rows; cells that are nodes go in as they are. */
export function table(headers: string[], rows: Child[][], className = "data"): HTMLTableElement {
  return h(
    "table",
    { class: className },
    h("thead", {}, h("tr", {}, ...headers.map((header) => h("th", {}, header)))),
    h("tbody", {}, ...rows.map((row) => h("tr", {}, ...row.map((cell) => h("td", {}, cell))))),
  );
}

export function muted(text: string): HTMLElement {
  return h("p", { class: "muted" }, text);
}

export function loading(): HTMLElement {
  return h("div", { class: "loading" }, t("common.loading"));
}

/** An API error as the person reads it: the problem's title and detail, and the status and path for whoever debugs. */
export function problem(error: unknown): HTMLElement {
  if (error instanceof ApiError) {
    return h(
      "div",
      { class: "problem", role: "alert" },
      h("strong", {}, error.status === 401 ? t("key.rejected") : `${t("error.title")}: ${error.title}`),
      error.detail && h("div", {}, error.detail),
      h("div", { class: "small muted" }, `HTTP ${error.status} · ${error.path}`),
    );
  }
  return h("div", { class: "problem", role: "alert" }, h("strong", {}, t("error.network")), h("div", { class: "small muted" }, String(error)));
}
