// What the service decides and the page only shows: run defaults and limits, and the order of
// result statuses (GET /settings). Filled once at start.

import { api } from "./api.js";

export const settings = {
  tol: null,          // {default, kind, min, max, min_inclusive, max_inclusive}
  repeat: null,       // the same shape
  statusOrder: [],    // results.py's STATUS_ORDER, best first
};

export async function loadSettings() {
  const data = await api("GET", "/settings");
  settings.tol = data.tol;
  settings.repeat = data.repeat;
  settings.statusOrder = Array.isArray(data.status_order) ? data.status_order : [];
  return settings;
}

/** A status's place in the service's order; a status it does not list comes last, as there. */
export function statusRank(status) {
  const i = settings.statusOrder.indexOf(status);
  return i < 0 ? settings.statusOrder.length : i;
}
