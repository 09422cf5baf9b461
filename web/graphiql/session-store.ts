import type { Storage } from '@graphiql/toolkit';

/**
 * Where GraphiQL keeps its state: this tab's sessionStorage (gone when the tab closes), never
 * localStorage, and never the request headers, which hold the API key. GraphiQL already leaves
 * headers out of its tabs; its history records them with each query, so the history lives in the
 * page's memory only (until a reload).
 */
const MEMORY_ONLY = new Set(['graphiql:queries', 'graphiql:favorites']);

const withoutHeaders = (value: string): string => {
  try {
    return JSON.stringify(JSON.parse(value), (key, v: unknown) => (key === 'headers' ? null : v));
  } catch {
    return value; // not JSON: a query text, a plugin name, a theme
  }
};

export const sessionStore: Storage = {
  getItem: (key) => (MEMORY_ONLY.has(key) ? null : window.sessionStorage.getItem(key)),
  setItem: (key, value) => {
    if (!MEMORY_ONLY.has(key)) window.sessionStorage.setItem(key, withoutHeaders(value));
  },
  removeItem: (key) => window.sessionStorage.removeItem(key),
  clear: () => window.sessionStorage.clear(),
  get length() {
    return window.sessionStorage.length;
  },
};
