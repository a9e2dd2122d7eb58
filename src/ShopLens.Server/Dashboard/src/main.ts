// The dashboard's shell: the API-key box, the tabs, the language toggle. Each tab is a screen (screens/*.ts) that
// loads its data from the API and builds its view; its charts are drawn once the view is in the page.
import "./style.css";
import { ApiError, storedKey, storeKey } from "./api";
import { disposeCharts, draw } from "./charts";
import { loading, problem } from "./dom";
import { language, setLanguage, t, translatePage } from "./i18n";
import { cohorts } from "./screens/cohorts";
import { customer } from "./screens/customer";
import { funnel } from "./screens/funnel";
import { models } from "./screens/models";
import { overview } from "./screens/overview";
import type { Screen } from "./screens/screen";
import { segments } from "./screens/segments";

const screens: Record<string, Screen<unknown>> = { overview, segments, funnel, cohorts, customer, models } as Record<string, Screen<unknown>>;
type Tab = keyof typeof screens;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const keyPanel = $("key-panel");
const keyForm = $<HTMLFormElement>("key-form");
const keyInput = $<HTMLInputElement>("api-key");
const keyError = $("key-error");
const keyState = $("key-state");
const forget = $("forget-key");
const tabs = $("tabs");
const screenRoot = $("screen");
const languageButton = $("language");

/** What each tab last loaded, so a language switch re-renders without asking the server again. */
const loaded = new Map<Tab, unknown>();
let active: Tab = tabFromHash();
/** Bumped on every navigation, so an answer that arrives after the user moved on is dropped. */
let generation = 0;

function tabFromHash(): Tab {
  const name = location.hash.replace(/^#/, "");
  return name in screens ? name : "overview";
}

async function show(tab: Tab, fetch: boolean): Promise<void> {
  const mine = ++generation;
  active = tab;
  for (const button of tabs.querySelectorAll<HTMLButtonElement>("[data-tab]")) button.setAttribute("aria-selected", String(button.dataset.tab === tab));
  const screen = screens[tab];
  disposeCharts();
  if (fetch || !loaded.has(tab)) {
    screenRoot.replaceChildren(loading());
    try {
      loaded.set(tab, await screen.load());
    } catch (error) {
      if (mine !== generation) return;
      if (error instanceof ApiError && error.status === 401) {
        storeKey(null);
        return askForKey(error);
      }
      screenRoot.replaceChildren(problem(error));
      return;
    }
    if (mine !== generation) return;
  }
  const view = screen.view(loaded.get(tab), () => void show(tab, true));
  screenRoot.replaceChildren(view.element);
  screenRoot.dataset.screen = tab;
  for (const [box, option] of view.charts) draw(box, option);
}

function connected(): void {
  keyPanel.hidden = true;
  tabs.hidden = false;
  keyState.hidden = false;
  keyState.textContent = `● ${t("key.connected")}`;
  forget.hidden = false;
  loaded.clear();
  void show(active, true);
}

function askForKey(error?: unknown): void {
  disposeCharts();
  loaded.clear();
  screenRoot.replaceChildren();
  delete screenRoot.dataset.screen;
  tabs.hidden = true;
  keyState.hidden = true;
  forget.hidden = true;
  keyPanel.hidden = false;
  keyError.hidden = !error;
  keyError.replaceChildren(...(error ? [problem(error)] : []));
  keyInput.focus();
}

function applyLanguage(): void {
  translatePage();
  languageButton.textContent = language() === "zh" ? "English" : "中文";
  if (!keyState.hidden) keyState.textContent = `● ${t("key.connected")}`;
}

keyForm.addEventListener("submit", (event) => {
  event.preventDefault();
  const key = keyInput.value.trim();
  if (!key) return;
  storeKey(key);
  keyInput.value = "";
  connected();
});

forget.addEventListener("click", () => {
  storeKey(null);
  askForKey();
});

tabs.addEventListener("click", (event) => {
  const tab = (event.target as HTMLElement).closest<HTMLElement>("[data-tab]")?.dataset.tab;
  if (tab && tab !== active) history.replaceState(null, "", `#${tab}`);
  if (tab) void show(tab, false);
});

window.addEventListener("hashchange", () => {
  if (storedKey()) void show(tabFromHash(), false);
});

languageButton.addEventListener("click", () => {
  setLanguage(language() === "zh" ? "en" : "zh");
  applyLanguage();
  if (!tabs.hidden && loaded.has(active)) void show(active, false);
});

applyLanguage();
if (storedKey()) connected();
else askForKey();
