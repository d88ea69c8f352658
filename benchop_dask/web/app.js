// benchop web page: pick problems, parameters and methods; start a run; watch it rank live.
// Plain JS, no framework, no build step. Everything the user or the server says is put into
// the page as text (textContent / createTextNode), never as HTML.
"use strict";

const POLL_MS = 1000;          // run status while queued or running
const PLOT_MIN_MS = 2000;      // plots are redrawn at most this often
const HEALTH_MS = 30000;
const ACTIVE = new Set(["queued", "running"]);
const STATUS_ORDER = { ok: 0, inaccurate: 1, running: 2, timeout: 3, error: 4, unsupported: 5 };
const TOKEN_KEY = "benchop-token";

const state = {
  problems: [],              // GET /problems
  methods: [],               // GET /methods
  paramValues: {},           // what the user typed per parameter name (kept across re-renders)
  uncheckedMethods: new Set(),
  runId: null,
  pollTimer: null,
  lastRun: null,
  plots: { key: "", drawnAt: 0, timer: null, busy: false, views: {} },
  history: [],
};

// ---------- small helpers ----------

function byId(id) {
  return document.getElementById(id);
}

/** An element with properties (className, type, ...) and children (nodes or plain text). */
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "text") node.textContent = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key in node) node[key] = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function formatMs(seconds) {
  if (typeof seconds !== "number" || !isFinite(seconds)) return "–";
  const ms = seconds * 1000;
  return ms >= 100 ? ms.toFixed(0) : ms.toPrecision(3);
}

function formatErr(relerr) {
  return typeof relerr === "number" && isFinite(relerr) ? relerr.toExponential(2) : "–";
}

function formatValue(value) {
  if (Array.isArray(value)) return value.map((v) => (Array.isArray(v) ? v.join(":") : String(v))).join(", ");
  if (value === null || value === undefined) return "–";
  return String(value);
}

function formatDate(text) {
  if (!text) return "–";
  const date = new Date(typeof text === "number" ? text * 1000 : text);
  return isNaN(date) ? String(text) : date.toLocaleString();
}

function shortId(id) {
  return String(id).slice(0, 8);
}

// ---------- the API ----------

class ApiError extends Error {
  constructor(status, body) {
    super(apiMessages(status, body).join("; "));
    this.status = status;
    this.body = body;
  }
}

/** The server's complaint as lines of text: FastAPI's {"detail": "..."} or {"detail": [{loc, msg}]}. */
function apiMessages(status, body) {
  const detail = body && body.detail;
  if (typeof detail === "string") return [detail];
  if (Array.isArray(detail)) {
    return detail.map((d) => {
      const loc = (d.loc || []).filter((part) => part !== "body").join(".");
      return loc ? `${loc}: ${d.msg}` : String(d.msg);
    });
  }
  return [`the service answered ${status}`];
}

async function api(method, path, body) {
  const headers = { Accept: "application/json" };
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers.Authorization = `Bearer ${token}`;
  const options = { method, headers };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, options);
  } catch (err) {
    throw new ApiError(0, { detail: `cannot reach the service (${err.message})` });
  }
  let data = null;
  try {
    data = await response.json();
  } catch (err) {
    data = null;
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

// ---------- problems and parameters ----------

function selectedProblems() {
  const ids = new Set([...document.querySelectorAll("#problems input:checked")].map((box) => box.value));
  return state.problems.filter((p) => ids.has(p.id));
}

/** 2 for a problem whose evaluation points are [S1, S2] pairs (problem 6), else 1. */
function pointDim(problem) {
  const S = problem.params && problem.params.S;
  return Array.isArray(S) && Array.isArray(S[0]) ? S[0].length : 1;
}

function renderProblems() {
  const box = byId("problems");
  box.replaceChildren();
  for (const problem of state.problems) {
    const input = el("input", { type: "checkbox", value: problem.id, name: "problem" });
    input.addEventListener("change", onProblemsChanged);
    box.append(el("label", { className: "choice", title: problem.title || "" }, input,
      el("span", { className: "choice-id", text: problem.id }),
      el("span", { className: "choice-title", text: problem.title || "" })));
  }
  const filter = byId("history-filter");
  for (const problem of state.problems) filter.append(el("option", { value: problem.id, text: problem.id }));
}

function onProblemsChanged() {
  renderParams();
  renderMethods();
}

/** The parameters of the chosen problems, merged by name: the narrowest range, every default. */
function mergedParameters(problems) {
  const merged = new Map();
  for (const problem of problems) {
    for (const spec of problem.parameters || []) {
      let entry = merged.get(spec.name);
      if (!entry) {
        entry = { ...spec, defaults: [], dims: new Set() };
        merged.set(spec.name, entry);
      } else {
        narrowRange(entry, spec);
      }
      entry.defaults.push([problem.id, problem.params ? problem.params[spec.name] : undefined]);
      if (spec.kind === "points") entry.dims.add(pointDim(problem));
    }
  }
  return [...merged.values()];
}

function narrowRange(entry, spec) {
  if (typeof spec.min === "number" && (typeof entry.min !== "number" || spec.min > entry.min ||
      (spec.min === entry.min && spec.min_inclusive === false))) {
    entry.min = spec.min;
    entry.min_inclusive = spec.min_inclusive !== false;
  }
  if (typeof spec.max === "number" && (typeof entry.max !== "number" || spec.max < entry.max ||
      (spec.max === entry.max && spec.max_inclusive === false))) {
    entry.max = spec.max;
    entry.max_inclusive = spec.max_inclusive !== false;
  }
  if (typeof spec.max_count === "number") {
    entry.max_count = Math.min(spec.max_count, entry.max_count ?? Infinity);
  }
}

function rangeText(spec) {
  const parts = [];
  if (typeof spec.min === "number") parts.push(`${spec.min_inclusive === false ? ">" : "≥"} ${spec.min}`);
  if (typeof spec.max === "number") parts.push(`${spec.max_inclusive === false ? "<" : "≤"} ${spec.max}`);
  return parts.join(" and ");
}

function defaultText(spec) {
  const shown = spec.defaults.map(([id, value]) => [id, formatValue(value)]);
  const distinct = new Set(shown.map(([, text]) => text));
  if (distinct.size <= 1) return shown.length ? shown[0][1] : "–";
  return shown.map(([id, text]) => `${text} (${id})`).join("; ");
}

function renderParams() {
  const box = byId("params");
  box.replaceChildren();
  const specs = mergedParameters(selectedProblems());
  if (!specs.length) {
    box.append(el("span", { className: "muted", text: "pick a problem" }));
    return;
  }
  for (const spec of specs) box.append(paramField(spec));
}

function paramField(spec) {
  const id = `param-${spec.name}`;
  const input = el("input", { id, name: spec.name, autocomplete: "off" });
  input.dataset.param = spec.name;
  if (spec.kind === "number") {
    input.type = "number";
    input.step = "any";
    if (typeof spec.min === "number") input.min = String(spec.min);
    if (typeof spec.max === "number") input.max = String(spec.max);
  } else {
    input.type = "text";
    input.className = "points";
  }
  const defaults = defaultText(spec);
  input.placeholder = defaults.length <= 28 ? defaults : "each problem's default";
  input.value = state.paramValues[spec.name] || "";
  input.addEventListener("input", () => {
    state.paramValues[spec.name] = input.value;
    showFieldError(spec.name, input.value.trim() ? checkParam(spec, input.value) : null);
  });
  const hintParts = [spec.description, rangeText(spec) && `range ${rangeText(spec)}`, `default ${defaults}`];
  if (spec.kind === "points") {
    hintParts.push(spec.dims.has(2) ? "pairs as S1:S2, e.g. 100:90, 100:110" : "comma-separated, e.g. 90, 100, 110");
  }
  return el("div", { className: `field${spec.kind === "points" ? " wide" : ""}` },
    el("label", { htmlFor: id, text: spec.name }),
    input,
    el("span", { className: "hint", text: hintParts.filter(Boolean).join(" · ") }),
    el("span", { className: "field-error", id: `${id}-error` }));
}

function inRange(spec, x) {
  if (!isFinite(x)) return false;
  if (typeof spec.min === "number" && (x < spec.min || (x === spec.min && spec.min_inclusive === false))) return false;
  if (typeof spec.max === "number" && (x > spec.max || (x === spec.max && spec.max_inclusive === false))) return false;
  return true;
}

/** Parse "90, 100" or "100:90, 100:110" into numbers or pairs; throws with a message. */
function parsePoints(text, dim) {
  const tokens = text.split(/[\s,;]+/).filter(Boolean);
  return tokens.map((token) => {
    const parts = token.split(":").map((part) => (part.trim() === "" ? NaN : Number(part)));
    if (parts.some((x) => isNaN(x))) throw new Error(`"${token}" is not a number${dim > 1 ? " pair" : ""}`);
    if (dim === 1 && parts.length !== 1) throw new Error(`"${token}": these problems take single points`);
    if (dim > 1 && parts.length !== dim) throw new Error(`"${token}": problem 6 takes pairs S1:S2`);
    return dim === 1 ? parts[0] : parts;
  });
}

/** The value to send for one parameter, or an error message. */
function parseParam(spec, raw) {
  const text = raw.trim();
  if (spec.kind === "number") {
    const x = Number(text);
    if (text === "" || isNaN(x)) return { error: "not a number" };
    return inRange(spec, x) ? { value: x } : { error: `must be ${rangeText(spec)}` };
  }
  if (spec.dims.size > 1) return { error: "problem 6 takes pairs and the others single points: set S in separate runs" };
  const dim = spec.dims.size ? [...spec.dims][0] : 1;
  let points;
  try {
    points = parsePoints(text, dim);
  } catch (err) {
    return { error: err.message };
  }
  if (!points.length) return { error: "give at least one point" };
  if (typeof spec.max_count === "number" && points.length > spec.max_count) {
    return { error: `at most ${spec.max_count} points` };
  }
  const bad = points.flat().find((x) => !inRange(spec, x));
  if (bad !== undefined) return { error: `${bad} is out of range: each value must be ${rangeText(spec)}` };
  return { value: points };
}

function checkParam(spec, raw) {
  return parseParam(spec, raw).error || null;
}

function showFieldError(name, message) {
  const slot = byId(`param-${name}-error`) || byId(`${name}-error`);
  if (slot) slot.textContent = message || "";
  const input = byId(`param-${name}`) || byId(name);
  if (input) input.classList.toggle("invalid", Boolean(message));
}

// ---------- methods ----------

/** Methods that support at least one of the chosen problems, in catalogue order. */
function availableMethods(problems) {
  const names = new Set();
  for (const problem of problems) for (const name of problem.methods || []) names.add(name);
  const ids = new Set(problems.map((p) => p.id));
  return state.methods.filter((m) => names.has(m.name) || (m.problems || []).some((id) => ids.has(id)));
}

function renderMethods() {
  const box = byId("methods");
  box.replaceChildren();
  const problems = selectedProblems();
  const methods = availableMethods(problems);
  if (!methods.length) {
    box.append(el("span", { className: "muted", text: problems.length ? "no method supports these problems" : "pick a problem" }));
    return;
  }
  for (const method of methods) {
    const covers = problems.filter((p) => (p.methods || []).includes(method.name) ||
      (method.problems || []).includes(p.id)).map((p) => p.id);
    const input = el("input", { type: "checkbox", value: method.name, name: "method",
      checked: !state.uncheckedMethods.has(method.name) });
    input.addEventListener("change", () => {
      if (input.checked) state.uncheckedMethods.delete(method.name);
      else state.uncheckedMethods.add(method.name);
    });
    box.append(el("label", { className: "choice", title: `${method.title || method.name} — ${covers.join(", ")}` },
      input,
      el("span", { className: "choice-id", text: method.name }),
      el("span", { className: "choice-title", text: method.family || "" })));
  }
}

function setAllMethods(checked) {
  for (const box of document.querySelectorAll("#methods input[type=checkbox]")) {
    box.checked = checked;
    if (checked) state.uncheckedMethods.delete(box.value);
    else state.uncheckedMethods.add(box.value);
  }
}

// ---------- the run form ----------

/** The POST /runs body from the form, or the list of problems with it. */
function buildRequest() {
  const errors = [];
  const problems = selectedProblems();
  if (!problems.length) errors.push("pick at least one problem");

  const params = {};
  for (const spec of mergedParameters(problems)) {
    const raw = state.paramValues[spec.name] || "";
    if (!raw.trim()) {
      showFieldError(spec.name, null);
      continue;
    }
    const { value, error } = parseParam(spec, raw);
    showFieldError(spec.name, error);
    if (error) errors.push(`${spec.name}: ${error}`);
    else params[spec.name] = value;
  }

  const all = [...document.querySelectorAll("#methods input[type=checkbox]")];
  const chosen = all.filter((box) => box.checked).map((box) => box.value);
  if (problems.length && !chosen.length) errors.push("pick at least one method");

  const tol = Number(byId("tol").value);
  const tolError = byId("tol").value.trim() === "" || !(tol > 0 && tol < 1) ? "must be > 0 and < 1" : null;
  showFieldError("tol", tolError);
  if (tolError) errors.push(`tolerance: ${tolError}`);

  const repeat = Number(byId("repeat").value);
  const repeatError = Number.isInteger(repeat) && repeat >= 1 && repeat <= 100 ? null : "a whole number from 1 to 100";
  showFieldError("repeat", repeatError);
  if (repeatError) errors.push(`repeats: ${repeatError}`);

  const body = { problems: problems.map((p) => p.id), tol, repeat };
  if (chosen.length && chosen.length < all.length) body.methods = chosen;
  if (Object.keys(params).length) body.params = params;
  return { body, errors };
}

function showFormErrors(messages) {
  byId("form-errors").replaceChildren(...messages.map((text) => el("li", { text })));
}

/** Mark the fields the server blamed (loc ["body", "params", "K"] or ["body", "tol"]). */
function markServerErrors(body) {
  if (!body || !Array.isArray(body.detail)) return;
  for (const d of body.detail) {
    const loc = (d.loc || []).filter((part) => part !== "body");
    const name = loc[0] === "params" ? loc[1] : loc[0];
    if (typeof name === "string") showFieldError(name, String(d.msg));
  }
}

async function onSubmit(event) {
  event.preventDefault();
  const { body, errors } = buildRequest();
  showFormErrors(errors);
  if (errors.length) return;
  const button = byId("submit");
  button.disabled = true;
  try {
    const created = await api("POST", "/runs", body);
    openRun(created.id);
    loadHistory();
  } catch (err) {
    if (err instanceof ApiError) markServerErrors(err.body);
    showFormErrors(err instanceof ApiError ? apiMessages(err.status, err.body) : [String(err)]);
  } finally {
    button.disabled = false;
  }
}

// ---------- one run: status, ranking, plots ----------

function openRun(id) {
  clearTimeout(state.pollTimer);
  clearTimeout(state.plots.timer);
  state.runId = id;
  state.lastRun = null;
  state.plots.key = "";
  state.plots.drawnAt = 0;
  clearPlot("plot-time");
  clearPlot("plot-wp");
  byId("ranking").querySelectorAll("tbody").forEach((body) => body.remove());
  byId("status").textContent = `Run ${id}: loading…`;
  byId("run-error").hidden = true;
  if (location.hash !== `#run=${id}`) history.replaceState(null, "", `#run=${encodeURIComponent(id)}`);
  markCurrentHistoryRow();
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
  schedulePlots(run, !active);
  if (active) state.pollTimer = setTimeout(() => poll(id), POLL_MS);
  else if (wasActive) loadHistory();
}

function renderRun(run) {
  const status = byId("status");
  status.replaceChildren(
    el("span", { text: `Run ${run.id} ` }),
    el("span", { className: `badge status-${run.status}`, text: run.status }),
    el("span", { className: "muted", text: ` created ${formatDate(run.created)}` +
      (run.finished ? `, finished ${formatDate(run.finished)}` : "") +
      (run.request && run.request.tol ? ` · tol ${run.request.tol}` : "") }));
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

/** Problem ids of a run, in its order. */
function runProblems(run) {
  const ids = (run.problems || []).map((p) => p.id);
  for (const id of (run.request && run.request.problems) || []) if (!ids.includes(id)) ids.push(id);
  for (const r of run.results || []) if (!ids.includes(r.problem)) ids.push(r.problem);
  return ids;
}

/** One problem's results: ranked methods first in rank order, then the rest, most accurate first. */
function orderedResults(run, problemId) {
  const results = (run.results || []).filter((r) => r.problem === problemId);
  let ranking = run.ranking && run.ranking[problemId];
  if (!Array.isArray(ranking)) {
    ranking = results.filter((r) => r.status === "ok" && typeof r.time === "number")
      .sort((a, b) => a.time - b.time).map((r) => r.method);
  }
  const place = new Map(ranking.map((m, i) => [m, i]));
  const key = (r) => (place.has(r.method) ? [0, place.get(r.method), 0]
    : [1, STATUS_ORDER[r.status] ?? 9, typeof r.relerr === "number" ? r.relerr : Infinity]);
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
  const info = new Map((run.problems || []).map((p) => [p.id, p]));
  for (const problemId of runProblems(run)) {
    const problem = info.get(problemId) || {};
    const tbody = el("tbody", { dataset: { problem: problemId } });
    tbody.append(problemHeader(problemId, problem));
    const { sorted, place } = orderedResults(run, problemId);
    for (const result of sorted) tbody.append(resultRow(result, place));
    if (!sorted.length) {
      tbody.append(el("tr", { className: "pending-row" },
        el("td", { colSpan: 8, className: "muted", text: "waiting for results…" })));
    }
    table.append(tbody);
  }
}

function problemHeader(problemId, problem) {
  const cell = el("th", { colSpan: 8, scope: "rowgroup" },
    el("span", { className: "problem-id", text: problemId }),
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
    note = `repeats ${formatMs(result.time_min)}–${formatMs(result.time_max)} ms`;
  }
  const row = el("tr", { className: `result-row status-row-${result.status}`, dataset: { method: result.method } },
    el("td", { className: "num", text: rank }),
    el("td", { className: "method", text: result.method }),
    el("td", {}, el("span", { className: `badge status-${result.status}`, text: result.status })),
    el("td", { className: "num", text: formatMs(result.time) }),
    el("td", { className: "num", text: formatErr(result.relerr) }),
    el("td", { className: "num", text: result.digits ?? "–" }),
    el("td", { className: "num", text: result.level ?? "–" }),
    el("td", { className: "note", text: note, title: note }));
  return row;
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

// ---------- plots (BokehJS) ----------

/** What the plots show: redraw only when this changes. */
function plotKey(run) {
  return JSON.stringify((run.results || []).map((r) =>
    [r.problem, r.method, r.status, r.time, (r.levels || []).length]));
}

/** Redraw when the results changed, at most every PLOT_MIN_MS; always once when the run ends. */
function schedulePlots(run, final) {
  const plots = state.plots;
  const key = plotKey(run) + (final ? "|final" : "");
  if (key === plots.key) return;
  const wait = plots.drawnAt + PLOT_MIN_MS - Date.now();
  clearTimeout(plots.timer);
  if (wait <= 0 || (final && !plots.busy)) {
    drawPlots(run.id, key);
  } else {
    plots.timer = setTimeout(() => {
      if (state.runId === run.id && state.lastRun) schedulePlots(state.lastRun, !ACTIVE.has(state.lastRun.status));
    }, Math.max(wait, 200));
  }
}

async function drawPlots(id, key) {
  const plots = state.plots;
  if (plots.busy) {
    plots.timer = setTimeout(() => drawPlots(id, key), 500);
    return;
  }
  plots.busy = true;
  plots.key = key;
  plots.drawnAt = Date.now();
  try {
    const path = `/runs/${encodeURIComponent(id)}/plots`;
    const [time, wp] = await Promise.all([api("GET", `${path}/time`), api("GET", `${path}/work-precision`)]);
    if (state.runId !== id) return;
    await embedPlot("plot-time", time);
    await embedPlot("plot-wp", wp);
  } catch (err) {
    plots.key = "";  // try again on the next poll
    showPlotError(err);
  } finally {
    plots.busy = false;
  }
}

function clearPlot(divId) {
  const views = state.plots.views[divId];
  if (views && typeof views.clear === "function") views.clear();
  delete state.plots.views[divId];
  byId(divId).replaceChildren();
}

async function embedPlot(divId, item) {
  if (!window.Bokeh || !Bokeh.embed) throw new Error("BokehJS did not load");
  const target = el("div", { className: "plot-item" });
  const old = state.plots.views[divId];
  const container = byId(divId);
  container.append(target);
  const views = await Bokeh.embed.embed_item(item, target);
  // the new plot is in place: drop the old one (and its views, so BokehJS lets them go)
  if (old && typeof old.clear === "function") old.clear();
  for (const child of [...container.children]) if (child !== target) child.remove();
  state.plots.views[divId] = views;
}

function showPlotError(err) {
  const box = byId("plot-time");
  if (!box.querySelector(".plot-error")) box.prepend(el("p", { className: "errors plot-error", text: `Plots: ${err.message}` }));
}

// ---------- history ----------

async function loadHistory() {
  const problem = byId("history-filter").value;
  const query = new URLSearchParams({ limit: "50" });
  if (problem) query.set("problem", problem);
  const message = byId("history-message");
  try {
    const data = await api("GET", `/runs?${query}`);
    state.history = (data && data.runs) || [];
    message.textContent = state.history.length ? "" : "no runs yet";
  } catch (err) {
    message.textContent = err.message;
    return;
  }
  renderHistory();
  renderCompareChoices();
}

function renderHistory() {
  const tbody = byId("history").tBodies[0];
  tbody.replaceChildren(...state.history.map(historyRow));
  markCurrentHistoryRow();
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
    el("td", { className: "num", text: run.tol ?? "–" }),
    el("td", { text: progress.total ? `${progress.done ?? 0} / ${progress.total}` : "–" }));
  row.addEventListener("click", () => {
    openRun(run.id);
    byId("run-view").scrollIntoView({ behavior: "smooth", block: "start" });
  });
  return row;
}

function markCurrentHistoryRow() {
  for (const row of document.querySelectorAll("#history .history-row")) {
    row.classList.toggle("current", row.dataset.id === state.runId);
  }
}

// ---------- compare ----------

function renderCompareChoices() {
  const choices = [["a", 1], ["b", 0]];
  for (const [side, fallback] of choices) {
    const select = byId(`compare-${side}`);
    const previous = select.value;
    select.replaceChildren(...state.history.map((run) => el("option", {
      value: run.id,
      text: `${shortId(run.id)} · ${(run.problems || []).join(", ")} · ${formatDate(run.created)}`,
    })));
    const ids = state.history.map((run) => run.id);
    if (select.dataset.chosen && ids.includes(previous)) select.value = previous;
    else if (ids.length > fallback) select.value = ids[fallback];
  }
}

async function onCompare() {
  const a = byId("compare-a").value;
  const b = byId("compare-b").value;
  const out = byId("compare-result");
  if (!a || !b) {
    out.replaceChildren(el("p", { className: "muted", text: "pick two runs (start some first)" }));
    return;
  }
  out.replaceChildren(el("p", { className: "muted", text: "comparing…" }));
  try {
    const report = await api("GET", `/compare?${new URLSearchParams({ a, b })}`);
    renderComparison(report);
  } catch (err) {
    out.replaceChildren(el("p", { className: "errors", text: err.message }));
  }
}

function differenceList(title, diffs) {
  if (!diffs || !diffs.length) return null;
  return el("p", { className: "diffs" }, el("strong", { text: `${title}: ` }),
    diffs.map((d) => `${d.name} ${formatValue(d.a)} → ${formatValue(d.b)}`).join("; "));
}

function renderComparison(report) {
  const out = byId("compare-result");
  const nodes = [el("p", { className: "muted",
    text: `A = ${report.a.id} (${formatDate(report.a.created)}), B = ${report.b.id} (${formatDate(report.b.created)})` })];
  nodes.push(differenceList("settings", report.settings), differenceList("workers", report.environment));
  for (const problem of report.problems || []) nodes.push(comparedProblem(problem));
  if (!(report.problems || []).length) nodes.push(el("p", { text: "The two runs have no problem in common." }));
  if ((report.only_in_a || []).length) nodes.push(el("p", { className: "muted", text: `only in A: ${report.only_in_a.join(", ")}` }));
  if ((report.only_in_b || []).length) nodes.push(el("p", { className: "muted", text: `only in B: ${report.only_in_b.join(", ")}` }));
  out.replaceChildren(...nodes.filter(Boolean));
}

function comparedProblem(problem) {
  const rho = typeof problem.spearman === "number" ? problem.spearman.toFixed(2) : "–";
  const box = el("div", { className: "compared" },
    el("h3", {}, el("span", { className: "problem-id", text: problem.problem }),
      el("span", { className: "muted", text: ` Spearman ρ = ${rho}` })),
    el("p", { className: "summary", text: problem.summary }));
  if ((problem.moved || []).length) {
    const table = el("table", { className: "moved" },
      el("thead", {}, el("tr", {}, ...["method", "rank A", "rank B", "time A (ms)", "time B (ms)"]
        .map((h) => el("th", { scope: "col", text: h })))));
    const body = el("tbody");
    for (const m of problem.moved) {
      const arrow = m.rank_b < m.rank_a ? "up" : "down";
      body.append(el("tr", { className: `moved-row moved-${arrow}` },
        el("td", { className: "method", text: m.method }),
        el("td", { className: "num", text: m.rank_a }),
        el("td", { className: "num", text: `${m.rank_b} ${arrow === "up" ? "▲" : "▼"}` }),
        el("td", { className: "num", text: formatMs(m.time_a) }),
        el("td", { className: "num", text: formatMs(m.time_b) })));
    }
    table.append(body);
    box.append(table);
  }
  if ((problem.only_a || []).length) box.append(el("p", { className: "muted", text: `ranked only in A: ${problem.only_a.join(", ")}` }));
  if ((problem.only_b || []).length) box.append(el("p", { className: "muted", text: `ranked only in B: ${problem.only_b.join(", ")}` }));
  return box;
}

// ---------- health and dashboard ----------

/** Only http(s) links from the service become hrefs. */
function safeUrl(text) {
  try {
    const url = new URL(text, location.href);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch (err) {
    return null;
  }
}

async function loadHealth() {
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

// ---------- start ----------

function initToken() {
  const input = byId("token");
  input.value = sessionStorage.getItem(TOKEN_KEY) || "";
  input.addEventListener("change", () => {
    const value = input.value.trim();
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    else sessionStorage.removeItem(TOKEN_KEY);
  });
}

function runIdFromHash() {
  const match = /^#run=(.+)$/.exec(location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

async function loadCatalogue() {
  try {
    const [problems, methods] = await Promise.all([api("GET", "/problems"), api("GET", "/methods")]);
    state.problems = problems || [];
    state.methods = methods || [];
    renderProblems();
    onProblemsChanged();
  } catch (err) {
    byId("problems").replaceChildren(el("span", { className: "errors", text: `Cannot load the problems: ${err.message}` }));
  }
}

function init() {
  initToken();
  byId("run-form").addEventListener("submit", onSubmit);
  byId("methods-all").addEventListener("click", () => setAllMethods(true));
  byId("methods-none").addEventListener("click", () => setAllMethods(false));
  byId("cancel").addEventListener("click", onCancel);
  byId("history-filter").addEventListener("change", loadHistory);
  byId("history-refresh").addEventListener("click", loadHistory);
  byId("compare-go").addEventListener("click", onCompare);
  for (const side of ["a", "b"]) {
    byId(`compare-${side}`).addEventListener("change", (event) => { event.target.dataset.chosen = "1"; });
  }
  for (const name of ["tol", "repeat"]) byId(name).addEventListener("input", () => showFieldError(name, null));
  window.addEventListener("hashchange", () => {
    const id = runIdFromHash();
    if (id && id !== state.runId) openRun(id);
  });
  loadCatalogue();
  loadHistory();
  loadHealth();
  setInterval(loadHealth, HEALTH_MS);
  const id = runIdFromHash();
  if (id) openRun(id);
}

init();
