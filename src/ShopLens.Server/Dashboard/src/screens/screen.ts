import type { ChartOption } from "../charts";

/** What a screen shows: its element, and the charts to draw into it once it is in the page. */
export interface View {
  element: HTMLElement;
  charts: [HTMLElement, ChartOption][];
}

/**
 * One tab. load fetches (the main module keeps the result, so switching language re-renders without a request);
 * view builds the page from it; reload asks the main module to load again, after the screen changed a parameter.
 */
export interface Screen<T> {
  load(): Promise<T>;
  view(data: T, reload: () => void): View;
}

/** Shared axis styling: quiet grid lines, small labels. */
export const axisStyle = {
  axisLine: { lineStyle: { color: "#cbd5e1" } },
  axisTick: { show: false },
  axisLabel: { color: "#475569" },
  splitLine: { lineStyle: { color: "#eef2f7" } },
};
