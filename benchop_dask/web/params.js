// Parameter fields: the parameters of the chosen problems (GET /problems), what the user types,
// and the checks against the ranges the catalogue states.

import { el, byId } from "./dom.js";
import { formatValue, inRange, rangeText } from "./format.js";

/** 2 for a problem whose evaluation points are [S1, S2] pairs (problem 6), else 1. */
function pointDim(problem) {
  const S = problem.params && problem.params.S;
  return Array.isArray(S) && Array.isArray(S[0]) ? S[0].length : 1;
}

/** The parameters of the chosen problems, merged by name: the narrowest range, every default. */
export function mergedParameters(problems) {
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

function defaultText(spec) {
  const shown = spec.defaults.map(([id, value]) => [id, formatValue(value)]);
  const distinct = new Set(shown.map(([, text]) => text));
  if (distinct.size <= 1) return shown.length ? shown[0][1] : "–";
  return shown.map(([id, text]) => `${text} (${id})`).join("; ");
}

/** The field of one merged parameter; what is typed goes into values[name]. */
export function paramField(spec, values) {
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
  input.value = values[spec.name] || "";
  input.addEventListener("input", () => {
    values[spec.name] = input.value;
    showFieldError(spec.name, input.value.trim() ? parseParam(spec, input.value).error || null : null);
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
export function parseParam(spec, raw) {
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

/** Show (or clear, with null) the message under a parameter field or under tol / repeat. */
export function showFieldError(name, message) {
  const slot = byId(`param-${name}-error`) || byId(`${name}-error`);
  if (slot) slot.textContent = message || "";
  const input = byId(`param-${name}`) || byId(name);
  if (input) input.classList.toggle("invalid", Boolean(message));
}
