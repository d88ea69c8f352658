// Past runs (GET /runs), newest first, optionally of one problem; a click opens one.

import { api } from "./api.js";
import { byId, el } from "./dom.js";
import { formatDate, formatValue, shortId } from "./format.js";

let runs = [];
let currentId = null;
let hooks = { onOpen: () => {}, onLoaded: () => {} };

/** Wire the history; onOpen(id) when a row is clicked, onLoaded(runs) after each load. */
export function initHistory({ onOpen, onLoaded }) {
  hooks = { onOpen, onLoaded };
  byId("history-filter").addEventListener("change", loadHistory);
  byId("history-refresh").addEventListener("click", loadHistory);
}

/** The problems to filter by, from the catalogue. */
export function setProblems(problems) {
  const filter = byId("history-filter");
  for (const problem of problems) filter.append(el("option", { value: problem.id, text: problem.id }));
}

export async function loadHistory() {
  const problem = byId("history-filter").value;
  const query = new URLSearchParams({ limit: "50" });
  if (problem) query.set("problem", problem);
  const message = byId("history-message");
  try {
    const data = await api("GET", `/runs?${query}`);
    runs = (data && data.runs) || [];
    message.textContent = runs.length ? "" : "no runs yet";
  } catch (err) {
    message.textContent = err.message;
    return;
  }
  byId("history").tBodies[0].replaceChildren(...runs.map(historyRow));
  markCurrentRun(currentId);
  hooks.onLoaded(runs);
}

function historyRow(run) {
  const progress = run.progress || {};
  const open = el("button", { type: "button", className: "link", text: shortId(run.id), title: run.id });
  const row = el("tr", { className: "history-row", dataset: { id: run.id }, tabIndex: -1 },
    el("td", { text: formatDate(run.created) }),
    el("td", {}, open),
    el("td", {}, el("span", { className: `badge status-${run.status}`, text: run.status })),
    el("td", { text: (run.problems || []).join(", ") }),
    el("td", { text: Array.isArray(run.methods) && run.methods.length ? run.methods.join(", ") : "all" }),
    el("td", { className: "num", text: formatValue(run.tol) }),
    el("td", { text: progress.total ? `${progress.done ?? 0} / ${progress.total}` : "–" }));
  row.addEventListener("click", () => hooks.onOpen(run.id));
  return row;
}

/** Highlight the run shown above. */
export function markCurrentRun(id) {
  currentId = id;
  for (const row of document.querySelectorAll("#history .history-row")) {
    row.classList.toggle("current", row.dataset.id === id);
  }
}
