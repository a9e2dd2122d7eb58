// Calls the ShopLens API with the key the user entered. The key lives in sessionStorage only: it is gone when the tab
// closes, and never reaches localStorage, a cookie or a URL.

const KeyItem = "shoplens.api-key";

/** An answer other than 2xx, carrying the RFC 9457 problem details the server sends (title, detail). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | null,
    readonly path: string,
  ) {
    super(`${status} ${title}${detail ? `: ${detail}` : ""}`);
  }
}

export function storedKey(): string | null {
  return sessionStorage.getItem(KeyItem);
}

export function storeKey(key: string | null): void {
  if (key) sessionStorage.setItem(KeyItem, key);
  else sessionStorage.removeItem(KeyItem);
}

/** GETs a JSON resource; throws {@link ApiError} with the server's problem details, or a network failure. */
export async function get<T>(path: string): Promise<T> {
  const key = storedKey();
  const response = await fetch(path, {
    headers: { Accept: "application/json", ...(key ? { "X-Api-Key": key } : {}) },
    cache: "no-store",
  });
  const text = await response.text();
  if (!response.ok) throw problemOf(response, text, path);
  return JSON.parse(text) as T;
}

function problemOf(response: Response, text: string, path: string): ApiError {
  try {
    const body = JSON.parse(text) as { title?: unknown; detail?: unknown };
    if (typeof body.title === "string")
      return new ApiError(response.status, body.title, typeof body.detail === "string" ? body.detail : null, path);
  } catch {
    // Not JSON: a proxy's page, say. Fall through to the status line.
  }
  return new ApiError(response.status, response.statusText || "error", text.trim().slice(0, 300) || null, path);
}
