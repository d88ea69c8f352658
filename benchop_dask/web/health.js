// The top bar: the service's workers and a link to its Dask dashboard (GET /health).

import { api } from "./api.js";
import { byId, safeUrl } from "./dom.js";

export async function loadHealth() {
  const link = byId("dashboard-link");
  const health = byId("health");
  try {
    const info = await api("GET", "/health");
    const url = info && info.dashboard ? safeUrl(info.dashboard) : null;
    if (url) {
      link.href = url;
      link.classList.remove("disabled");
      link.title = url;
    } else {
      link.removeAttribute("href");
      link.classList.add("disabled");
      link.title = "the service has no dashboard to show";
    }
    health.textContent = typeof info.workers === "number" ? `${info.workers} worker${info.workers === 1 ? "" : "s"}` : "";
  } catch (err) {
    health.textContent = `service: ${err.message}`;
  }
}
