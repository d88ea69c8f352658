// A run's two plots (time to tolerance, work-precision): Bokeh json_items from the service,
// embedded with BokehJS (a classic script, window.Bokeh). Redrawn as results arrive, not too often.

import { api } from "./api.js";
import { byId, el } from "./dom.js";

const PLOT_MIN_MS = 2000;      // plots are redrawn at most this often
const PLOT_DIVS = ["plot-time", "plot-wp"];

const plots = { runId: null, latest: null, final: false, key: "", drawnAt: 0, timer: null, busy: false, views: {} };

/** Another run is shown: drop the plots of the last one. */
export function resetPlots(runId) {
  clearTimeout(plots.timer);
  Object.assign(plots, { runId, latest: null, final: false, key: "", drawnAt: 0 });
  for (const divId of PLOT_DIVS) clearPlot(divId);
}

/** What the plots show: redraw only when this changes. */
function plotKey(run) {
  return JSON.stringify((run.results || []).map((r) =>
    [r.problem, r.method, r.status, r.time, (r.levels || []).length]));
}

/** The run's state as polled: redraw when its results changed, at most every PLOT_MIN_MS; always once at its end. */
export function updatePlots(run, final) {
  if (run.id !== plots.runId) return;
  plots.latest = run;
  plots.final = final;
  const key = plotKey(run) + (final ? "|final" : "");
  if (key === plots.key) return;
  const wait = plots.drawnAt + PLOT_MIN_MS - Date.now();
  clearTimeout(plots.timer);
  if (wait <= 0 || (final && !plots.busy)) {
    drawPlots(run.id, key);
  } else {
    plots.timer = setTimeout(() => {
      if (plots.runId === run.id && plots.latest) updatePlots(plots.latest, plots.final);
    }, Math.max(wait, 200));
  }
}

async function drawPlots(id, key) {
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
    if (plots.runId !== id) return;
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
  const views = plots.views[divId];
  if (views && typeof views.clear === "function") views.clear();
  delete plots.views[divId];
  byId(divId).replaceChildren();
}

async function embedPlot(divId, item) {
  if (!window.Bokeh || !window.Bokeh.embed) throw new Error("BokehJS did not load");
  const target = el("div", { className: "plot-item" });
  const old = plots.views[divId];
  const container = byId(divId);
  container.append(target);
  const views = await window.Bokeh.embed.embed_item(item, target);
  // the new plot is in place: drop the old one (and its views, so BokehJS lets them go)
  if (old && typeof old.clear === "function") old.clear();
  for (const child of [...container.children]) if (child !== target) child.remove();
  plots.views[divId] = views;
}

function showPlotError(err) {
  const box = byId("plot-time");
  if (!box.querySelector(".plot-error")) box.prepend(el("p", { className: "errors plot-error", text: `Plots: ${err.message}` }));
}
