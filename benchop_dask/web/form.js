// The new-run form: problems, their parameters, methods, tolerance and repeats; checked here
// against what the service states (catalogue ranges, GET /settings limits), then POST /runs.

import { api, ApiError, apiMessages } from "./api.js";
import { byId, el } from "./dom.js";
import { inRange, rangeText } from "./format.js";
import { mergedParameters, paramField, parseParam, showFieldError } from "./params.js";
import { settings } from "./settings.js";

const RUN_SETTINGS = [["tol", "tolerance"], ["repeat", "repeats"]];  // field ids are the POST /runs keys

const state = {
  problems: [],              // GET /problems
  methods: [],               // GET /methods
  paramValues: {},           // what the user typed per parameter name (kept across re-renders)
  uncheckedMethods: new Set(),
};

let hooks = { onCreated: () => {} };
let settingsReady = Promise.resolve();

/** Wire the form; onCreated(id) is called with each run it starts. ready: the GET /settings promise. */
export function initForm({ onCreated, ready }) {
  hooks = { onCreated };
  settingsReady = ready;
  byId("run-form").addEventListener("submit", onSubmit);
  byId("methods-all").addEventListener("click", () => setAllMethods(true));
  byId("methods-none").addEventListener("click", () => setAllMethods(false));
  for (const [name] of RUN_SETTINGS) byId(name).addEventListener("input", () => showFieldError(name, null));
}

// ---------- tolerance and repeats: defaults and limits from the service ----------

/** Fill tol and repeat with the service's defaults, and state its limits. */
export function applyRunSettings() {
  for (const [name] of RUN_SETTINGS) {
    const spec = settings[name];
    if (!spec) continue;
    const input = byId(name);
    if (input.value === "") input.value = String(spec.default);
    if (typeof spec.min === "number") input.min = String(spec.min);
    if (typeof spec.max === "number") input.max = String(spec.max);
    byId(`${name}-range`).textContent = `; range ${rangeText(spec)}`;
  }
}

function limitText(spec) {
  return spec.kind === "integer" ? `a whole number ${rangeText(spec)}` : `must be ${rangeText(spec)}`;
}

/** One of tol / repeat as a number, or an error message. */
function runSetting(name) {
  const spec = settings[name];
  if (!spec) return { error: "the service's limits did not load; reload the page" };
  const text = byId(name).value.trim();
  const x = Number(text);
  if (text === "" || !inRange(spec, x) || (spec.kind === "integer" && !Number.isInteger(x))) {
    return { error: limitText(spec) };
  }
  return { value: x };
}

// ---------- problems, parameters, methods ----------

/** The catalogue arrived: show its problems (and, once one is picked, parameters and methods). */
export function setCatalogue(problems, methods) {
  state.problems = problems;
  state.methods = methods;
  // Uploaded methods run only when picked, as over the API.
  for (const method of methods) if (method.uploaded) state.uncheckedMethods.add(method.name);
  renderProblems();
  onProblemsChanged();
}

function selectedProblems() {
  const ids = new Set([...document.querySelectorAll("#problems input:checked")].map((box) => box.value));
  return state.problems.filter((p) => ids.has(p.id));
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
}

function onProblemsChanged() {
  renderParams();
  renderMethods();
}

function renderParams() {
  const box = byId("params");
  box.replaceChildren();
  const specs = mergedParameters(selectedProblems());
  if (!specs.length) {
    box.append(el("span", { className: "muted", text: "pick a problem" }));
    return;
  }
  for (const spec of specs) box.append(paramField(spec, state.paramValues));
}

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

// ---------- the request ----------

/** The POST /runs body from the form, and what is wrong with it. */
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

  const body = { problems: problems.map((p) => p.id) };
  for (const [name, label] of RUN_SETTINGS) {
    const { value, error } = runSetting(name);
    showFieldError(name, error);
    if (error) errors.push(`${label}: ${error}`);
    else body[name] = value;
  }
  // Leaving "methods" out means every built-in method: name them when some are left out or an upload is in.
  const uploaded = new Set(state.methods.filter((m) => m.uploaded).map((m) => m.name));
  if (chosen.length && (chosen.length < all.length || chosen.some((name) => uploaded.has(name)))) {
    body.methods = chosen;
  }
  if (Object.keys(params).length) body.params = params;
  return { body, errors };
}

export function showFormErrors(messages) {
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
  const button = byId("submit");
  button.disabled = true;
  try {
    await settingsReady.catch(() => null);  // its failure shows as the fields' errors
    const { body, errors } = buildRequest();
    showFormErrors(errors);
    if (errors.length) return;
    const created = await api("POST", "/runs", body);
    hooks.onCreated(created.id);
  } catch (err) {
    if (err instanceof ApiError) markServerErrors(err.body);
    showFormErrors(err instanceof ApiError ? apiMessages(err.status, err.body) : [String(err)]);
  } finally {
    button.disabled = false;
  }
}
