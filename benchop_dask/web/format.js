// Numbers, values, dates and ranges as the page shows them.

// Times come from the service already written out (time_text: formatting.py's rule).

export function formatErr(relerr) {
  return typeof relerr === "number" && isFinite(relerr) ? relerr.toExponential(2) : "–";
}

/** A parameter value: a number, a list of points, or a list of [S1, S2] pairs shown as S1:S2. */
export function formatValue(value) {
  if (Array.isArray(value)) return value.map((v) => (Array.isArray(v) ? v.join(":") : String(v))).join(", ");
  if (value === null || value === undefined) return "–";
  return String(value);
}

export function formatDate(text) {
  if (!text) return "–";
  const date = new Date(typeof text === "number" ? text * 1000 : text);
  return isNaN(date) ? String(text) : date.toLocaleString();
}

export function shortId(id) {
  return String(id).slice(0, 8);
}

/**
 * Ranges as the service states them ({min, max, min_inclusive, max_inclusive}: the parameters of
 * GET /problems, tol and repeat of GET /settings).
 */
export function rangeText(spec) {
  const parts = [];
  if (typeof spec.min === "number") parts.push(`${spec.min_inclusive === false ? ">" : "≥"} ${spec.min}`);
  if (typeof spec.max === "number") parts.push(`${spec.max_inclusive === false ? "<" : "≤"} ${spec.max}`);
  return parts.join(" and ");
}

export function inRange(spec, x) {
  if (!isFinite(x)) return false;
  if (typeof spec.min === "number" && (x < spec.min || (x === spec.min && spec.min_inclusive === false))) return false;
  if (typeof spec.max === "number" && (x > spec.max || (x === spec.max && spec.max_inclusive === false))) return false;
  return true;
}
