// One run: its status and progress, polled while it is queued or running, and its results per
// problem in the service's order (the problems as the run lists them, each problem's ranking,
// then the other results by the service's status order).

import { api } from "./api.js";
import { byId, el } from "./dom.js";
import { formatDate, formatErr, formatValue } from "./format.js";
import { resetPlots, updatePlots } from "./plots.js";
import { statusRank } from "./settings.js";

const POLL_MS = 1000;          // run status while queued or running
const ACTIVE = new Set(["queued", "running"]);
const COLUMNS = 8;

const state = { runId: null, pollTimer: null, lastRun: null };
let hooks = { onOpened: () => {}, onFinished: () => {} };

/** Wire the run view; onOpened(id) when a run is shown, onFinished() when the shown run ends. */
export function initRun({ onOpened, onFinished }) {
  hooks = { onOpened, onFinished };
  byId("cancel").addEventListener("click", onCancel);
}

export function currentRunId() {
  return state.runId;
}

export function openRun(id) {
  clearTimeout(state.pollTimer);
  state.runId = id;
  state.lastRun = null;
  resetPlots(id);
  byId("ranking").querySelectorAll("tbody").forEach((body) => body.remove());
  byId("status").textContent = `Run ${id}: loading…`;
  byId("run-error").hidden = true;
  if (location.hash !== `#run=${id}`) history.replaceState(null, "", `#run=${encodeURIComponent(id)}`);
  hooks.onOpened(id);
  poll(id);
}

async function poll(id) {
  let run;
  try {
    run = await api("GET", `/runs/${encodeURIComponent(id)}`);
  } catch (err) {
    if (state.runId !== id) return;
    byId("status").textContent = `Run ${id}: ${err.message}`;
    if (err.status !== 404) state.pollTimer = setTimeout(() => poll(id), 3 * POLL_MS);
    return;
  }
  if (state.runId !== id) return;  // another run was opened meanwhile
  const wasActive = state.lastRun && ACTIVE.has(state.lastRun.status);
  state.lastRun = run;
  renderRun(run);
  const active = ACTIVE.has(run.status);
  updatePlots(run, !active);
  if (active) state.pollTimer = setTimeout(() => poll(id), POLL_MS);
  else if (wasActive) hooks.onFinished();
}

function renderRun(run) {
  byId("status").replaceChildren(
    el("span", { text: `Run ${run.id} ` }),
    el("span", { className: `badge status-${run.status}`, text: run.status }),
    el("span", { className: "muted", text: ` created ${formatDate(run.created)}` +
      (run.finished ? `, finished ${formatDate(run.finished)}` : "") +
      (run.request && run.request.tol ? ` · tol ${formatValue(run.request.tol)}` : "") }));
  renderProgress(run.progress || {});
  byId("cancel").hidden = !ACTIVE.has(run.status);
  const error = byId("run-error");
  error.hidden = !run.error;
  error.textContent = run.error || "";
  renderRanking(run);
}

function renderProgress(progress) {
  const done = Number(progress.done) || 0;
  const total = Number(progress.total) || 0;
  const bar = byId("progress-bar");
  bar.max = Math.max(total, 1);
  bar.value = done;
  byId("progress-text").textContent = total ? `${done} / ${total} tasks` : "";
}

/** One problem's results: ranked methods first in the service's ranking, then the rest by status, most accurate first. */
function orderedResults(run, problemId) {
  const results = (run.results || []).filter((r) => r.problem === problemId);
  const ranking = (run.ranking && run.ranking[problemId]) || [];
  const place = new Map(ranking.map((m, i) => [m, i]));
  const key = (r) => (place.has(r.method) ? [0, place.get(r.method), 0]
    : [1, statusRank(r.status), typeof r.relerr === "number" ? r.relerr : Infinity]);
  const sorted = results.slice().sort((a, b) => {
    const ka = key(a), kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
    return a.method < b.method ? -1 : a.method > b.method ? 1 : 0;
  });
  return { sorted, place };
}

function renderRanking(run) {
  const table = byId("ranking");
  table.querySelectorAll("tbody").forEach((body) => body.remove());
  // the run's problems in its order (results of a problem it does not list, if any, after them)
  const problems = (run.problems || []).slice();
  for (const r of run.results || []) if (!problems.some((p) => p.id === r.problem)) problems.push({ id: r.problem });
  for (const problem of problems) {
    const tbody = el("tbody", { dataset: { problem: problem.id } });
    tbody.append(problemHeader(problem));
    const { sorted, place } = orderedResults(run, problem.id);
    for (const result of sorted) tbody.append(resultRow(result, place));
    if (!sorted.length) {
      tbody.append(el("tr", { className: "pending-row" },
        el("td", { colSpan: COLUMNS, className: "muted", text: "waiting for results…" })));
    }
    table.append(tbody);
  }
}

function problemHeader(problem) {
  const cell = el("th", { colSpan: COLUMNS, scope: "rowgroup" },
    el("span", { className: "problem-id", text: problem.id }),
    el("span", { text: problem.title ? ` ${problem.title}` : "" }));
  if (problem.params) cell.append(el("span", { className: "muted params-line", text: paramsLine(problem.params) }));
  if (problem.reference_source) cell.append(el("span", { className: "muted", text: ` · reference: ${problem.reference_source}` }));
  if (problem.reference_error) cell.append(el("span", { className: "warn", text: ` · reference failed: ${problem.reference_error}` }));
  return el("tr", { className: "problem-row" }, cell);
}

function paramsLine(params) {
  return " · " + Object.entries(params).map(([k, v]) => `${k} = ${formatValue(v)}`).join(", ");
}

function resultRow(result, place) {
  const rank = place.has(result.method) ? String(place.get(result.method) + 1) : "–";
  let note = result.error || "";
  if (!note && typeof result.time_min === "number" && typeof result.time_max === "number" &&
      result.time_max > result.time_min) {
    note = `repeats ${result.time_min_text}–${result.time_max_text}`;
  }
  return el("tr", { className: `result-row status-row-${result.status}`, dataset: { method: result.method } },
    el("td", { className: "num", text: rank }),
    el("td", { className: "method", text: result.method }),
    el("td", {}, el("span", { className: `badge status-${result.status}`, text: result.status })),
    el("td", { className: "num", text: result.time_text ?? "–" }),
    el("td", { className: "num", text: formatErr(result.relerr) }),
    el("td", { className: "num", text: result.digits ?? "–" }),
    el("td", { className: "num", text: result.level ?? "–" }),
    el("td", { className: "note", text: note, title: note }));
}

async function onCancel() {
  const id = state.runId;
  if (!id) return;
  const button = byId("cancel");
  button.disabled = true;
  try {
    await api("DELETE", `/runs/${encodeURIComponent(id)}`);
  } catch (err) {
    byId("run-error").hidden = false;
    byId("run-error").textContent = `Cancel failed: ${err.message}`;
  } finally {
    button.disabled = false;
  }
  if (state.runId === id) {
    clearTimeout(state.pollTimer);
    poll(id);
  }
}
