// Two runs side by side (GET /compare): does the ranking change with other parameters or workers?

import { api } from "./api.js";
import { byId, el } from "./dom.js";
import { formatDate, formatValue, shortId } from "./format.js";

const SIDES = [["a", 1], ["b", 0]];  // by default A is the run before the newest, B the newest

export function initCompare() {
  byId("compare-go").addEventListener("click", onCompare);
  for (const [side] of SIDES) {
    byId(`compare-${side}`).addEventListener("change", (event) => { event.target.dataset.chosen = "1"; });
  }
}

/** Offer the runs of the history; keep a choice the user made while it is still listed. */
export function setCompareChoices(runs) {
  const ids = runs.map((run) => run.id);
  for (const [side, fallback] of SIDES) {
    const select = byId(`compare-${side}`);
    const previous = select.value;
    select.replaceChildren(...runs.map((run) => el("option", {
      value: run.id,
      text: `${shortId(run.id)} · ${(run.problems || []).join(", ")} · ${formatDate(run.created)}`,
    })));
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
    renderComparison(await api("GET", `/compare?${new URLSearchParams({ a, b })}`));
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
  const nodes = [el("p", { className: "muted",
    text: `A = ${report.a.id} (${formatDate(report.a.created)}), B = ${report.b.id} (${formatDate(report.b.created)})` })];
  nodes.push(differenceList("settings", report.settings), differenceList("workers", report.environment));
  for (const problem of report.problems || []) nodes.push(comparedProblem(problem));
  if (!(report.problems || []).length) nodes.push(el("p", { text: "The two runs have no problem in common." }));
  if ((report.only_in_a || []).length) nodes.push(el("p", { className: "muted", text: `only in A: ${report.only_in_a.join(", ")}` }));
  if ((report.only_in_b || []).length) nodes.push(el("p", { className: "muted", text: `only in B: ${report.only_in_b.join(", ")}` }));
  byId("compare-result").replaceChildren(...nodes.filter(Boolean));
}

function comparedProblem(problem) {
  const rho = typeof problem.spearman === "number" ? problem.spearman.toFixed(2) : "–";
  const box = el("div", { className: "compared" },
    el("h3", {}, el("span", { className: "problem-id", text: problem.problem }),
      el("span", { className: "muted", text: ` Spearman ρ = ${rho}` })),
    el("p", { className: "summary", text: problem.summary }));
  if ((problem.moved || []).length) {
    const table = el("table", { className: "moved" },
      el("thead", {}, el("tr", {}, ...["method", "rank A", "rank B", "time A", "time B"]
        .map((h) => el("th", { scope: "col", text: h })))));
    const body = el("tbody");
    for (const m of problem.moved) {
      const arrow = m.rank_b < m.rank_a ? "up" : "down";
      body.append(el("tr", { className: `moved-row moved-${arrow}` },
        el("td", { className: "method", text: m.method }),
        el("td", { className: "num", text: m.rank_a }),
        el("td", { className: "num", text: `${m.rank_b} ${arrow === "up" ? "▲" : "▼"}` }),
        el("td", { className: "num", text: m.time_a_text ?? "–" }),
        el("td", { className: "num", text: m.time_b_text ?? "–" })));
    }
    table.append(body);
    box.append(table);
  }
  if ((problem.only_a || []).length) box.append(el("p", { className: "muted", text: `ranked only in A: ${problem.only_a.join(", ")}` }));
  if ((problem.only_b || []).length) box.append(el("p", { className: "muted", text: `ranked only in B: ${problem.only_b.join(", ")}` }));
  return box;
}
