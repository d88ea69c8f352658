// benchop web page: pick problems, parameters and methods; start a run; watch it rank live.
// Plain ES modules, no framework, no build step. This one wires the others together.

import { api, initToken } from "./api.js";
import { byId, el } from "./dom.js";
import { initCompare, setCompareChoices } from "./compare.js";
import { applyRunSettings, initForm, setCatalogue, showFormErrors } from "./form.js";
import { loadHealth } from "./health.js";
import { initHistory, loadHistory, markCurrentRun, setProblems } from "./history.js";
import { currentRunId, initRun, openRun } from "./run.js";
import { loadSettings } from "./settings.js";
import { initUploads, showUploads } from "./uploads.js";

const HEALTH_MS = 30000;

function runIdFromHash() {
  const match = /^#run=(.+)$/.exec(location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

async function loadCatalogue() {
  try {
    const [problems, methods] = await Promise.all([api("GET", "/problems"), api("GET", "/methods")]);
    setProblems(problems || []);
    setCatalogue(problems || [], methods || []);
    showUploads(methods || []);
  } catch (err) {
    byId("problems").replaceChildren(el("span", { className: "errors", text: `Cannot load the problems: ${err.message}` }));
  }
}

function start() {
  const ready = loadSettings().then(applyRunSettings, (err) => {
    showFormErrors([`Cannot load the service's run settings: ${err.message}`]);
  });
  initToken(byId("token"));
  initForm({ ready, onCreated: (id) => { openRun(id); loadHistory(); } });
  initRun({ onOpened: markCurrentRun, onFinished: loadHistory });
  initHistory({
    onOpen: (id) => {
      openRun(id);
      byId("run-view").scrollIntoView({ behavior: "smooth", block: "start" });
    },
    onLoaded: setCompareChoices,
  });
  initCompare();
  initUploads();
  window.addEventListener("hashchange", () => {
    const id = runIdFromHash();
    if (id && id !== currentRunId()) openRun(id);
  });
  loadCatalogue();
  loadHistory();
  loadHealth();
  setInterval(loadHealth, HEALTH_MS);
  const id = runIdFromHash();
  if (id) ready.then(() => openRun(id));  // its results are ordered by the service's status order
}

start();
